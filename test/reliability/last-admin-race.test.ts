/**
 * The last admin stays (SPEC §4 rule 7, §10) when two admins demote each other at the same moment:
 * revoking each other's admin assignment, deactivating each other (both routes), deleting each
 * other, or removing each other from the team that makes them admins. The rule's check runs in the
 * transaction under the access guard lock, so one demotion must see the other's result: exactly
 * one succeeds and one admin is left, counted in the store itself after every round.
 *
 * Each round starts with exactly two admins, A and B: the previous round's survivor creates them,
 * and A retires the survivor, so the race is always between the last two.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import type { WireUser } from "../../src/server/presenters/wire.js";
import { countAdmins } from "../../src/server/policy/last-admin.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { assignRole, createUser, uniqueName, USER_PASSWORD } from "../helpers/fixtures.js";
import { expectStatus, type Api, type Reply } from "../helpers/http.js";
import { describeReplies, race } from "../helpers/race.js";
import { useTestServer, type ServerFixture } from "../helpers/server.js";

const ROUNDS_PER_WAY = 5;

interface Admin {
  user: WireUser;
  api: Api;
  /** The assignment or team membership that makes this user an admin. */
  grant: string;
}

/** How the two admins of a round get their admin role, and how each demotes the other. */
interface Way {
  what: string;
  /** Makes `users` admins; returns the id of what grants it to each (assignment, or the team). */
  grant(t: ServerFixture, survivor: Api, users: readonly WireUser[]): Promise<string[]>;
  demote(by: Admin, other: Admin): Promise<Reply>;
}

const byAssignment = async (_t: ServerFixture, survivor: Api, users: readonly WireUser[]) =>
  Promise.all(users.map(async (u) => (await assignRole(survivor, u.id, "admin")).id));

const WAYS: Way[] = [
  {
    what: "revoke each other's admin assignment",
    grant: byAssignment,
    demote: (by, other) => by.api.delete(`/api/v1/role_assignments/${other.grant}`),
  },
  {
    what: "deactivate each other (PUT /users/{id}/deactivate)",
    grant: byAssignment,
    demote: (by, other) => by.api.put(`/api/v1/users/${other.user.id}/deactivate`),
  },
  {
    what: "deactivate each other (PUT /users/{id} active=false)",
    grant: byAssignment,
    demote: (by, other) => by.api.put(`/api/v1/users/${other.user.id}`, { active: false }),
  },
  {
    what: "delete each other",
    grant: byAssignment,
    demote: (by, other) => by.api.delete(`/api/v1/users/${other.user.id}`),
  },
  {
    // After the winner's commit the loser's list would add itself back: refused as a change of one's own membership.
    what: "remove each other from their one admin team",
    grant: async (_t, survivor, users) => {
      const team = await adminTeam(survivor, users);
      return users.map(() => team);
    },
    demote: (by, _other) => by.api.put(`/api/v1/teams/${by.grant}`, { users: [by.user.id] }),
  },
  {
    // Each empties the other's team and never touches its own, so only the last-admin rule stops the loser.
    what: "empty each other's admin team",
    grant: (_t, survivor, users) => Promise.all(users.map((u) => adminTeam(survivor, [u]))),
    demote: (by, other) => by.api.put(`/api/v1/teams/${other.grant}`, { users: [] }),
  },
];

/** A new team of `members` holding the admin role globally; returns its id. */
async function adminTeam(survivor: Api, members: readonly WireUser[]): Promise<string> {
  const reply = await survivor.post("/api/v1/teams", { name: uniqueName("admins"), users: members.map((u) => u.id) });
  const team = expectStatus(reply, 200, "create admin team").body as { id: string };
  const admin = expectStatus(await survivor.get("/api/v1/roles/admin"), 200, "get admin role").body as { id: string };
  expectStatus(await survivor.post("/api/v1/team_role_assignments", { team: team.id, role: admin.id }), 200, "assign admin to team");
  return team.id;
}

/**
 * The loser was demoted first (401: its session died with the deactivation or deletion; 403: its
 * permissions are gone) or saw the rule's 409 inside its transaction. Anything else is a bug.
 */
const LOSER_STATUSES = new Set([401, 403, 409]);

async function newAdmins(t: ServerFixture, survivor: Api, way: Way): Promise<[Admin, Admin]> {
  const users = [await createUser(survivor, { password: USER_PASSWORD }), await createUser(survivor, { password: USER_PASSWORD })];
  const grants = await way.grant(t, survivor, users);
  const admins = await Promise.all(
    users.map(async (user, i) => ({ user, grant: grants[i] ?? "", api: t.server.api(await t.server.login(user.name, USER_PASSWORD)) })),
  );
  return [admins[0]!, admins[1]!];
}

describeEachDialect("two admins demoting each other at once", (dialect) => {
  const t = useTestServer({ dialect });
  const admins = () => countAdmins(t.server.running.runtime.ctx.db.kysely);
  /** The sole admin between rounds: `default` at first, then each round's survivor. */
  let survivor: { id: string; api: Api } | undefined;

  for (const way of WAYS) {
    it(`${way.what}: exactly one wins, one admin remains`, async (ctx) => {
      const losers: Record<number, number> = {};
      survivor ??= { id: (await t.admin.get("/api/v1/current-user")).body.id, api: t.admin };
      for (let round = 0; round < ROUNDS_PER_WAY; round++) {
        const [a, b] = await newAdmins(t, survivor.api, way);
        expectStatus(await a.api.put(`/api/v1/users/${survivor.id}/deactivate`), 200, "retire the previous survivor");
        assert.equal(await admins(), 2, "the race starts with exactly two admins");

        const replies = await race([() => way.demote(a, b), () => way.demote(b, a)]);
        const what = `${way.what}, round ${round}:\n${describeReplies(replies)}`;
        const winners = replies.flatMap((r, i) => (r.status === 200 ? [i] : []));
        assert.equal(winners.length, 1, what);
        assert.ok(
          replies.every((r) => r.status === 200 || LOSER_STATUSES.has(r.status)),
          what,
        );
        assert.equal(await admins(), 1, what);
        const loser = replies[winners[0] === 0 ? 1 : 0]?.status ?? 0;
        losers[loser] = (losers[loser] ?? 0) + 1;
        const winner = winners[0] === 0 ? a : b;
        survivor = { id: winner.user.id, api: winner.api };
      }
      // 409s are the races that overlapped inside the transactions; 401/403 ones did not.
      ctx.diagnostic(`${ROUNDS_PER_WAY} rounds, losers answered ${JSON.stringify(losers)}`);
    });
  }
});
