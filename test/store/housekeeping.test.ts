/**
 * Housekeeping (services/housekeeping.ts) on every dialect: ended sessions and expired login
 * failures are deleted, nothing that still decides anything is, and a server sweeps before it
 * listens and then on its interval.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { loadConfig } from "../../src/server/config.js";
import { startServer } from "../../src/server/main.js";
import { authenticate } from "../../src/server/services/authentication.js";
import { startSweeping, sweep, type SweepResult } from "../../src/server/services/housekeeping.js";
import { digest } from "../../src/server/auth/tokens.js";
import { newId } from "../../src/server/store/repos/ids.js";
import { recordFailure } from "../../src/server/store/repos/login-failures.js";
import { insertSession } from "../../src/server/store/repos/sessions.js";
import { insertUser } from "../../src/server/store/repos/users.js";
import { after as later, now } from "../../src/server/store/time.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { uniqueName } from "../helpers/fixtures.js";
import { userRow } from "../helpers/rows.js";
import { ADMIN_NAME, ADMIN_PASSWORD } from "../helpers/server.js";
import { useStore } from "../helpers/store.js";

describeEachDialect("housekeeping", (dialect) => {
  const store = useStore(dialect);

  /** A session of a new user, live unless told otherwise; returns its id and bearer token. */
  async function session(ended: { revoked?: boolean; idle?: boolean; max?: boolean } = {}): Promise<{ id: string; token: string }> {
    const user = userRow({ name: uniqueName() });
    await insertUser(store.db.kysely, user);
    const id = newId();
    const token = `token-${newId()}`;
    await insertSession(store.db.kysely, {
      id,
      token_digest: digest(token),
      user_id: user.id,
      created: later(-7200),
      last_seen: now(),
      idle_expires: later(ended.idle ? -1 : 3600),
      max_expires: later(ended.max ? -1 : 7200),
      client: "test",
      source: "127.0.0.1",
      revoked: ended.revoked ? 1 : 0,
    });
    return { id, token };
  }
  const sessionIds = async () => (await store.db.kysely.selectFrom("session").select("id").execute()).map((r) => r.id).sort();
  const failureKeys = async () =>
    (await store.db.kysely.selectFrom("login_failure").select("throttle_key").execute()).map((r) => r.throttle_key).sort();

  it("deletes ended sessions and expired login failures, and keeps what still counts", async () => {
    await store.db.kysely.deleteFrom("session").execute();
    await store.db.kysely.deleteFrom("login_failure").execute();
    const live = await session();
    await session({ revoked: true });
    await session({ idle: true });
    await session({ max: true });
    const window = store.ctx.config.loginWindowSeconds;
    await recordFailure(store.db.kysely, ["user:old", "addr:old"], later(-window - 60));
    await recordFailure(store.db.kysely, ["user:recent"], later(-Math.floor(window / 2)));

    assert.deepEqual(await sweep(store.ctx), { sessions: 3, loginFailures: 2 });
    assert.deepEqual(await sessionIds(), [live.id]);
    assert.deepEqual(await failureKeys(), ["user:recent"]);
    // The live session still works, and a second sweep finds nothing more.
    assert.equal((await authenticate(store.ctx, live.token, "127.0.0.1")).sessionId, live.id);
    assert.deepEqual(await sweep(store.ctx), { sessions: 0, loginFailures: 0 });
  });

  it("sweeps at once, then on its interval, until stopped", async () => {
    const outcomes: (SweepResult | Error)[] = [];
    const sweeper = await startSweeping(store.ctx, (outcome) => outcomes.push(outcome), 100);
    try {
      assert.equal(outcomes.length, 1, "the first sweep is over when startSweeping resolves");
      const ended = await session({ revoked: true });
      for (let waited = 0; (await sessionIds()).includes(ended.id); waited += 50) {
        assert.ok(waited < 10_000, "the interval's sweep did not delete the ended session");
        await sleep(50);
      }
      assert.ok(outcomes.every((outcome) => !(outcome instanceof Error)));
    } finally {
      await sweeper.stop();
    }
    const count = outcomes.length;
    await sleep(300);
    assert.equal(outcomes.length, count, "no sweep after stop()");
  });

  it("a server sweeps its store before it listens", async () => {
    const database = await dialect.createDatabase();
    const dataDir = await mkdtemp(join(tmpdir(), "cohort_data_"));
    const config = () =>
      loadConfig({ COHORT_DEFAULT_USER_PASSWORD: ADMIN_PASSWORD }, { host: "127.0.0.1", port: 0, databaseUrl: database.url, dataDir });
    try {
      // A first start: the admin logs in and out, which leaves an ended session behind.
      let server = await startServer(config());
      try {
        const form = new URLSearchParams({ grant_type: "password", username: ADMIN_NAME, password: ADMIN_PASSWORD });
        const login = await fetch(`${server.url}/api/v1/login`, { method: "POST", body: form });
        const { access_token: token } = (await login.json()) as { access_token: string };
        const logout = await fetch(`${server.url}/api/v1/logout`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
        assert.equal(logout.status, 200);
        const rows = await server.runtime.ctx.db.kysely.selectFrom("session").select("revoked").execute();
        assert.deepEqual(
          rows.map((r) => Number(r.revoked)),
          [1],
        );
      } finally {
        await server.close();
      }
      server = await startServer(config());
      try {
        assert.deepEqual(await server.runtime.ctx.db.kysely.selectFrom("session").select("id").execute(), []);
      } finally {
        await server.close();
      }
    } finally {
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
