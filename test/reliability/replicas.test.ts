/**
 * Two server processes on one database behave as one (SPEC §1, §5.1, §10). Both start at the same
 * moment on an empty database, each with a data directory of its own: migrations run once, both
 * come up, and both settle on the one identity the store keeps (the server id, and the secret key
 * behind the dashboard's CSRF tokens). Then whatever one process is told (logout, session revoke,
 * deactivation, password change, role revoke, failed logins up to the lockout) is enforced by the
 * other on the very next request: a process reuses what it read of a session only while the store's
 * access generation says nothing has changed since (services/session-cache.ts), and keeps no
 * counters.
 *
 * PostgreSQL and MariaDB only: several servers on one SQLite file are not a deployment Cohort
 * offers.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { sql } from "kysely";
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from "../../src/server/http/access.js";
import { loadConfig } from "../../src/server/config.js";
import { bootstrap } from "../../src/server/services/bootstrap.js";
import { openDatabase } from "../../src/server/store/db.js";
import { migrateToLatest } from "../../src/server/store/migrate.js";
import { migrationProvider } from "../../src/server/store/migrations/index.js";
import { describeEachDialect, type TestDatabase, type TestDialect } from "../helpers/dialects.js";
import { assignRole, createRole, createUser, uniqueName, USER_PASSWORD } from "../helpers/fixtures.js";
import { apiClient, expectStatus, type Api } from "../helpers/http.js";
import { ADMIN_NAME, ADMIN_PASSWORD } from "../helpers/server.js";
import { attemptLoginAt, loginAt, loginTokenAt, spawnServer, type ServerProcess } from "../helpers/server-process.js";

/** Pairs started together on a fresh database (the first one stays up for the enforcement tests). */
const SIMULTANEOUS_STARTS = 2;
const BOOTSTRAP_RACES = 10;
const LOGIN_LIMIT = 10;

interface Pair {
  a: ServerProcess;
  b: ServerProcess;
  database: TestDatabase;
  close(): Promise<void>;
}

/** Two processes started at the same moment on a new database, each with its own data directory. */
async function startPair(dialect: TestDialect): Promise<Pair> {
  const database = await dialect.createDatabase();
  const dirs = await Promise.all([mkdtemp(join(tmpdir(), "cohort_replica_")), mkdtemp(join(tmpdir(), "cohort_replica_"))]);
  const started = await Promise.allSettled(
    dirs.map((dataDir) => spawnServer({ databaseUrl: database.url, dataDir, env: { COHORT_DEFAULT_USER_PASSWORD: ADMIN_PASSWORD } })),
  );
  const close = async () => {
    await Promise.all(started.map((s) => (s.status === "fulfilled" ? s.value.kill() : undefined)));
    await database.drop();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  };
  const [a, b] = started;
  if (a?.status !== "fulfilled" || b?.status !== "fulfilled") {
    await close();
    const reasons = started.flatMap((s) => (s.status === "rejected" ? [String(s.reason)] : []));
    throw new Error(`both servers must start:\n${reasons.join("\n")}`);
  }
  return { a: a.value, b: b.value, database, close };
}

/** Each migration's rows in the migration table: every one exactly once. */
async function migrationCounts(url: string): Promise<Record<string, number>> {
  const db = openDatabase(url);
  try {
    // Kysely's own table, outside our schema type.
    const rows = await sql<{ name: string; n: number }>`select name, count(*) as n from cohort_migration group by name`.execute(db.kysely);
    return Object.fromEntries(rows.rows.map((r) => [r.name, Number(r.n)]));
  } finally {
    await db.close();
  }
}

async function assertStartedAsOne(pair: Pair): Promise<void> {
  const expected = Object.fromEntries(Object.keys(await migrationProvider.getMigrations()).map((name) => [name, 1]));
  assert.deepEqual(await migrationCounts(pair.database.url), expected, "every migration applied exactly once");
  for (const server of [pair.a, pair.b]) assert.doesNotMatch(server.output(), /error/i, `no error at start:\n${server.output()}`);
  const [infoA, infoB] = await Promise.all([apiClient(pair.a.url).get("/api/v1/info"), apiClient(pair.b.url).get("/api/v1/info")]);
  assert.equal(infoA.body.id, infoB.body.id, "one server id for the deployment");
}

/** An active user (with `permissions` through a custom role, if any) and a token for it from `server`. */
async function userWithToken(admin: Api, server: ServerProcess, permissions: readonly ("read" | "write" | "me")[] = []) {
  const user = await createUser(admin, { password: USER_PASSWORD });
  const assignment = permissions.length > 0 ? await assignRole(admin, user.id, (await createRole(admin, permissions)).id) : undefined;
  return { user, assignment, token: await loginTokenAt(server.url, user.name, USER_PASSWORD) };
}

describeEachDialect("two server processes on one database", (dialect) => {
  if (dialect.name === "sqlite") {
    it("needs a database server", { skip: "several servers on one SQLite file are not a supported deployment" }, () => {});
    return;
  }
  let pair: Pair;
  /** The admin logged in through A; every change below is made through A and checked through B. */
  let adminA: Api;
  before(async () => {
    pair = await startPair(dialect);
    adminA = await loginAt(pair.a.url, ADMIN_NAME, ADMIN_PASSWORD);
  });
  after(async () => {
    await pair?.close();
  });
  const onB = (token: string) => apiClient(pair.b.url, token);
  const meOnB = async (token: string) => (await onB(token).get("/api/v1/current-user")).status;

  it("started together on empty databases, they migrate once and share one identity", async () => {
    await assertStartedAsOne(pair);
    for (let i = 1; i < SIMULTANEOUS_STARTS; i++) {
      const more = await startPair(dialect);
      try {
        await assertStartedAsOne(more);
      } finally {
        await more.close();
      }
    }
  });

  it("bootstrapping one store from two processes at once leaves one identity", async () => {
    // The narrow window of the test above, held open: both bootstrap a migrated store that has no
    // identity yet. Migrated once; each race starts from an emptied identity table.
    const database = await dialect.createDatabase();
    const dbs = [openDatabase(database.url), openDatabase(database.url)] as const;
    try {
      await migrateToLatest(dbs[0]);
      const config = loadConfig({ COHORT_DEFAULT_USER_PASSWORD: ADMIN_PASSWORD }, { databaseUrl: database.url });
      for (let i = 0; i < BOOTSTRAP_RACES; i++) {
        await dbs[0].kysely.deleteFrom("server_identity").execute();
        await Promise.all(dbs.map((db) => bootstrap({ db, config })));
        const identities = await dbs[0].kysely.selectFrom("server_identity").select("id").execute();
        assert.equal(identities.length, 1, `race ${i}`);
      }
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
      await database.drop();
    }
  });

  it("a logout through one is enforced by the other", async () => {
    const { token } = await userWithToken(adminA, pair.a);
    assert.equal(await meOnB(token), 200);
    expectStatus(await apiClient(pair.a.url, token).post("/api/v1/logout"), 200, "logout through A");
    assert.equal(await meOnB(token), 401);
  });

  it("a session revoked through one is enforced by the other", async () => {
    const { user, token } = await userWithToken(adminA, pair.a);
    const laptop = await loginTokenAt(pair.a.url, user.name, USER_PASSWORD);
    const sessions = (await onB(laptop).get("/api/v1/current-user/sessions")).body as { id: string; current: boolean }[];
    const laptopSession = sessions.find((s) => s.current)?.id;
    expectStatus(await apiClient(pair.a.url, token).delete(`/api/v1/current-user/sessions/${laptopSession}`), 200, "revoke through A");
    assert.equal(await meOnB(laptop), 401);
    assert.equal(await meOnB(token), 200, "the other session lives on");
  });

  it("a deactivation through one is enforced by the other", async () => {
    const { user, token } = await userWithToken(adminA, pair.a);
    assert.equal(await meOnB(token), 200);
    expectStatus(await adminA.put(`/api/v1/users/${user.id}/deactivate`), 200, "deactivate through A");
    assert.equal(await meOnB(token), 401);
  });

  it("a password change through one ends the other sessions on the other", async () => {
    const { user, token } = await userWithToken(adminA, pair.a, ["me"]);
    const other = await loginTokenAt(pair.b.url, user.name, USER_PASSWORD);
    const change = { password: `${USER_PASSWORD}-new`, old_password: USER_PASSWORD };
    expectStatus(await apiClient(pair.a.url, token).put("/api/v1/current-user", change), 200, "password change through A");
    assert.equal(await meOnB(other), 401);
    assert.equal(await meOnB(token), 200, "the session that changed it lives on");
  });

  it("a role revoked through one is enforced by the other", async () => {
    const { assignment, token } = await userWithToken(adminA, pair.a, ["read"]);
    assert.equal((await onB(token).get("/api/v1/users")).status, 200);
    expectStatus(await adminA.delete(`/api/v1/role_assignments/${assignment?.id}`), 200, "revoke through A");
    assert.equal((await onB(token).get("/api/v1/users")).status, 403);
  });

  it("a team membership or a role's permission taken away through one is enforced by the other", async () => {
    const { user, token } = await userWithToken(adminA, pair.a);
    const readRole = await createRole(adminA, ["read"]);
    const team = expectStatus(await adminA.post("/api/v1/teams", { name: uniqueName("team"), users: [user.id] }), 200, "team").body as {
      id: string;
    };
    expectStatus(await adminA.post("/api/v1/team_role_assignments", { team: team.id, role: readRole.id }), 200, "team role");
    assert.equal((await onB(token).get("/api/v1/users")).status, 200, "read through the team");
    expectStatus(await adminA.put(`/api/v1/teams/${team.id}`, { users: [] }), 200, "leave the team through A");
    assert.equal((await onB(token).get("/api/v1/users")).status, 403);

    const { token: direct } = await userWithToken(adminA, pair.a, ["read", "me"]);
    const role = ((await onB(direct).get("/api/v1/current-user")).body as { roles: { id: string }[] }).roles[0];
    assert.equal((await onB(direct).get("/api/v1/users")).status, 200, "read through the role");
    expectStatus(await adminA.put(`/api/v1/roles/${role?.id}`, { permissions: ["me"] }), 200, "role loses read through A");
    assert.equal((await onB(direct).get("/api/v1/users")).status, 403);
  });

  it("renames through one show in the other's current-user at once", async () => {
    const { user, token } = await userWithToken(adminA, pair.a);
    const team = expectStatus(await adminA.post("/api/v1/teams", { name: uniqueName("team"), users: [user.id] }), 200, "team").body as {
      id: string;
    };
    const me = async () => (await onB(token).get("/api/v1/current-user")).body as { name: string; teams: { name: string }[] };
    assert.equal((await me()).name, user.name);
    const [newUserName, newTeamName] = [uniqueName("renamed"), uniqueName("renamed-team")];
    expectStatus(await adminA.put(`/api/v1/users/${user.id}`, { name: newUserName }), 200, "rename the user through A");
    expectStatus(await adminA.put(`/api/v1/teams/${team.id}`, { name: newTeamName }), 200, "rename the team through A");
    const after = await me();
    assert.equal(after.name, newUserName);
    assert.deepEqual(
      after.teams.map((t) => t.name),
      [newTeamName],
    );
  });

  it("failed logins through one lock the username on the other", async () => {
    const { user } = await userWithToken(adminA, pair.a);
    for (let i = 0; i < LOGIN_LIMIT; i++) {
      assert.equal((await attemptLoginAt(pair.a.url, user.name, `wrong-password-${i}-xxxx`)).status, 401);
    }
    assert.equal((await attemptLoginAt(pair.b.url, user.name, USER_PASSWORD)).status, 429);
  });

  it("a dashboard session opened through one works through the other, CSRF token included", async () => {
    const { user } = await userWithToken(adminA, pair.a, ["me"]);
    const login = expectStatus(await attemptLoginAt(pair.a.url, user.name, USER_PASSWORD), 200, "login through A");
    const cookies = new Map(login.headers.getSetCookie().map((c) => c.split(";")[0]!.split("=") as [string, string]));
    const headers = { cookie: `${SESSION_COOKIE}=${cookies.get(SESSION_COOKIE)}`, [CSRF_HEADER]: cookies.get(CSRF_COOKIE) ?? "" };
    const reply = await apiClient(pair.b.url).request("PUT", "/api/v1/current-user", { json: { full_name: "Via B" }, headers });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
  });
});
