/**
 * Concurrent conflicting requests keep the invariants (SPEC §10), on every dialect:
 * - equal creates (same name, same role assignment) racing each other: exactly one 200, the rest
 *   409, whether the duplicate is caught by the service's check or by the unique index underneath;
 * - different creates at the same moment all succeed: a deadlock between them is retried, never
 *   answered with a 500;
 * - one invitation token raced by several activations: exactly one wins, the rest get the 401;
 * - a burst of failed logins larger than the lockout limit still locks: no more than the limit are
 *   ever checked against the password, per username and per source address.
 * The rule "two admins demoting each other" has its own file, last-admin-race.test.ts.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachDialect } from "../helpers/dialects.js";
import {
  ACTIVATION_FAILED,
  activateUser,
  createActiveUser,
  createRole,
  createUser,
  uniqueName,
  USER_PASSWORD,
} from "../helpers/fixtures.js";
import type { Api, Reply } from "../helpers/http.js";
import { describeReplies, raceSame, statusCounts } from "../helpers/race.js";
import { useTestServer, type ServerFixture } from "../helpers/server.js";

/** Requests per race, and races per kind of create: enough overlap to hit the unique index. */
const RACERS = 8;
const ROUNDS = 4;
const LOGIN_LIMIT = 10;

function assertOneWinner(replies: readonly Reply[], what: string, loser: number, loserBody?: unknown): void {
  const counts = statusCounts(replies);
  assert.deepEqual(counts, { 200: 1, [loser]: replies.length - 1 }, `${what}:\n${describeReplies(replies)}`);
  if (loserBody === undefined) return;
  for (const r of replies.filter((r) => r.status === loser)) assert.deepEqual(r.body, loserBody, what);
}

/** One kind of create: the path and, for a fresh race, the body every racer sends. */
interface CreateKind {
  what: string;
  path: string;
  body(admin: Api): Promise<Record<string, unknown>>;
}

const CREATES: CreateKind[] = [
  { what: "user", path: "/api/v1/users", body: async () => ({ name: uniqueName("racer") }) },
  { what: "role", path: "/api/v1/roles", body: async () => ({ name: uniqueName("role"), permissions: ["read", "me"] }) },
  { what: "workspace", path: "/api/v1/workspaces", body: async () => ({ name: uniqueName("ws") }) },
  {
    what: "team",
    path: "/api/v1/teams",
    body: async (admin) => ({ name: uniqueName("team"), users: [(await createUser(admin)).id] }),
  },
  {
    what: "user role assignment",
    path: "/api/v1/role_assignments",
    body: async (admin) => ({ user: (await createUser(admin)).id, role: (await createRole(admin, ["read"])).id }),
  },
  {
    what: "team role assignment",
    path: "/api/v1/team_role_assignments",
    body: async (admin) => {
      const team = (await admin.post("/api/v1/teams", { name: uniqueName("team") })).body as { id: string };
      return { team: team.id, role: (await createRole(admin, ["read"])).id };
    },
  },
];

async function failedLoginBurst(t: ServerFixture, usernames: readonly string[]): Promise<Reply[]> {
  return Promise.all(usernames.map((name, i) => t.server.attemptLogin(name, `wrong-guess-${i}-xxxxxxxx`)));
}

describeEachDialect("concurrent equal creates, activations and logins", (dialect) => {
  // The per-address limit is lifted here: every request comes from 127.0.0.1.
  const t = useTestServer({ dialect, env: { COHORT_LOGIN_MAX_FAILURES_PER_ADDRESS: "100000" } });

  for (const kind of CREATES) {
    it(`equal ${kind.what} creates: exactly one 200, the rest 409`, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const body = await kind.body(t.admin);
        const replies = await raceSame(RACERS, () => t.admin.post(kind.path, body));
        assertOneWinner(replies, `${kind.what} race ${round}`, 409);
        for (const r of replies.filter((r) => r.status === 409)) assert.equal(r.body.detail[0], "EntityExistsError");
      }
    });
  }

  for (const kind of CREATES) {
    it(`different ${kind.what} creates at once: every one succeeds`, async () => {
      const bodies = await Promise.all(Array.from({ length: RACERS }, () => kind.body(t.admin)));
      const replies = await Promise.all(bodies.map((body) => t.admin.post(kind.path, body)));
      assert.deepEqual(statusCounts(replies), { 200: RACERS }, `${kind.what}:\n${describeReplies(replies)}`);
    });
  }

  it("one invitation token raced by several activations: one wins, the rest get the 401", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const invited = await createUser(t.admin);
      const passwords = Array.from({ length: RACERS }, (_, i) => `${USER_PASSWORD}-${i}`);
      const replies = await Promise.all(
        passwords.map((password) => activateUser(t.server.anon, invited.id, { activation_token: invited.activation_token, password })),
      );
      assertOneWinner(replies, `activation race ${round}`, 401, ACTIVATION_FAILED);
      const winner = passwords[replies.findIndex((r) => r.status === 200)] ?? "";
      assert.equal((await t.server.attemptLogin(invited.name, winner)).status, 200, "the winner's password stands");
    }
  });

  it("a burst of failed logins for one username checks at most the limit, then locks it", async () => {
    const { user } = await createActiveUser(t.server, t.admin);
    const replies = await failedLoginBurst(t, Array(3 * LOGIN_LIMIT).fill(user.name));
    const counts = statusCounts(replies);
    assert.ok((counts[401] ?? 0) <= LOGIN_LIMIT, `at most ${LOGIN_LIMIT} guesses checked: ${JSON.stringify(counts)}`);
    assert.equal((counts[401] ?? 0) + (counts[429] ?? 0), replies.length, JSON.stringify(counts));
    const after = await t.server.attemptLogin(user.name, USER_PASSWORD);
    assert.equal(after.status, 429, "the right password is refused once locked");
  });
});

describeEachDialect("a burst of failed logins from one address", (dialect) => {
  const ADDRESS_LIMIT = 15;
  const t = useTestServer({ dialect, env: { COHORT_LOGIN_MAX_FAILURES_PER_ADDRESS: String(ADDRESS_LIMIT) } });

  it("checks at most the address limit, over many usernames, then locks the address", async () => {
    const { user } = await createActiveUser(t.server, t.admin);
    const replies = await failedLoginBurst(
      t,
      Array.from({ length: 3 * ADDRESS_LIMIT }, () => uniqueName("ghost")),
    );
    const counts = statusCounts(replies);
    assert.ok((counts[401] ?? 0) <= ADDRESS_LIMIT, `at most ${ADDRESS_LIMIT} guesses checked: ${JSON.stringify(counts)}`);
    assert.equal((counts[401] ?? 0) + (counts[429] ?? 0), replies.length, JSON.stringify(counts));
    assert.equal((await t.server.attemptLogin(user.name, USER_PASSWORD)).status, 429, "the address is locked for every username");
  });
});
