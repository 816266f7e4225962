/**
 * The last admin stays (SPEC §4 rule 7, §10) when two admins demote each other at the same moment:
 * revoking each other's admin assignment, deactivating each other (both routes), deleting each
 * other (or one deleting, the other deactivating), removing each other from the team that makes them
 * admins, or taking a permission from each other's role.
 * The rule's check runs in the transaction under the access guard lock, so one demotion must see
 * the other's result: exactly one succeeds, the other is refused by the rule (409), and one admin
 * is left, counted in the store itself after every round.
 *
 * The rule must be what decides, on every database. Requests fired at once do not overlap on
 * SQLite (each runs to its end before the next is read), so the loser would be turned away at the
 * door (401, 403) by what the winner did, and a server without the rule would pass. Nor can the
 * rounds be arranged so that the loser passes every check after the winner's commit: the loser is
 * then no admin, and only an admin may act on one (rule 9). So both requests are authenticated
 * first, as the admins they are, and held in flight (helpers/in-flight.ts), then let go together:
 * every check before the rule passes for both, as in a race that overlaps on any database.
 *
 * Each round starts with exactly two admins, A and B: the previous round's survivor creates them,
 * and A retires the survivor, so the race is always between the last two.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import type { WireUser } from "../../src/server/presenters/wire.js";
import { countAdmins } from "../../src/server/policy/last-admin.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { assignRole, createRole, createUser, uniqueName, USER_PASSWORD } from "../helpers/fixtures.js";
import { expectStatus, type Api, type Reply } from "../helpers/http.js";
import { holdInFlight } from "../helpers/in-flight.js";
import { describeReplies } from "../helpers/race.js";
import { useTestServer, type ServerFixture } from "../helpers/server.js";

const ROUNDS_PER_WAY = 5;
const API = "/api/v1";
const LAST_ADMIN = [
  "IllegalOperationError",
  "This change would leave no active user with the read, write and me permissions globally; assign another admin first.",
];

interface Admin {
  user: WireUser;
  token: string;
  api: Api;
  /** What makes this user an admin and the other may take away: an assignment, a team or a role. */
  grant: string;
}

interface Demotion {
  method: string;
  path: string;
  body?: unknown;
}

/** How the two admins of a round get their admin permissions, and how each demotes the other. */
interface Way {
  what: string;
  /** Makes `users` admins; returns for each the id of what the other will take away. */
  grant(survivor: Api, users: readonly WireUser[]): Promise<string[]>;
  demote(by: Admin, other: Admin): Demotion;
  /** The loser's answer when another rule than the last-admin one refuses it first. */
  loser?: [number, unknown];
}

const byAssignment = (survivor: Api, users: readonly WireUser[]) =>
  Promise.all(users.map(async (u) => (await assignRole(survivor, u.id, "admin")).id));

/** A new team of `members` holding the admin role globally; returns its id. */
async function adminTeam(survivor: Api, members: readonly WireUser[]): Promise<string> {
  const reply = await survivor.post(`${API}/teams`, { name: uniqueName("admins"), users: members.map((u) => u.id) });
  const team = expectStatus(reply, 200, "create admin team").body as { id: string };
  const admin = expectStatus(await survivor.get(`${API}/roles/admin`), 200, "get admin role").body as { id: string };
  expectStatus(await survivor.post(`${API}/team_role_assignments`, { team: team.id, role: admin.id }), 200, "assign admin to team");
  return team.id;
}

/** Each admin holds read, write and me through a custom role of its own; returns those roles. */
const byOwnRole = (survivor: Api, users: readonly WireUser[]) =>
  Promise.all(
    users.map(async (u) => {
      const role = await createRole(survivor, ["read", "write", "me"]);
      await assignRole(survivor, u.id, role.id);
      return role.id;
    }),
  );

const WAYS: Way[] = [
  {
    what: "revoke each other's admin assignment",
    grant: byAssignment,
    demote: (_by, other) => ({ method: "DELETE", path: `${API}/role_assignments/${other.grant}` }),
  },
  {
    what: "deactivate each other (PUT /users/{id}/deactivate)",
    grant: byAssignment,
    demote: (_by, other) => ({ method: "PUT", path: `${API}/users/${other.user.id}/deactivate` }),
  },
  {
    what: "deactivate each other (PUT /users/{id} active=false)",
    grant: byAssignment,
    demote: (_by, other) => ({ method: "PUT", path: `${API}/users/${other.user.id}`, body: { active: false } }),
  },
  {
    // The loser's own account is gone by the time its request runs: it can receive the other's
    // resources no more than act, so it is refused as a deleted user's request is, before the rule.
    what: "delete each other",
    grant: byAssignment,
    demote: (_by, other) => ({ method: "DELETE", path: `${API}/users/${other.user.id}` }),
    loser: [401, "Invalid authentication credentials"],
  },
  {
    what: "one deletes the other, who deactivates the first",
    grant: byAssignment,
    // Which one deletes follows the ids, so that each round has one of each.
    demote: (by, other) =>
      by.user.id < other.user.id
        ? { method: "DELETE", path: `${API}/users/${other.user.id}` }
        : { method: "PUT", path: `${API}/users/${other.user.id}`, body: { active: false } },
  },
  {
    what: "empty each other's admin team",
    grant: (survivor, users) => Promise.all(users.map((u) => adminTeam(survivor, [u]))),
    demote: (_by, other) => ({ method: "PUT", path: `${API}/teams/${other.grant}`, body: { users: [] } }),
  },
  {
    what: "take me from each other's role",
    grant: byOwnRole,
    demote: (_by, other) => ({ method: "PUT", path: `${API}/roles/${other.grant}`, body: { permissions: ["read", "write"] } }),
  },
  {
    // Each sends the member list without the other; after the winner's commit the loser's list
    // would put the loser back, which the own-membership rule refuses before the last-admin one.
    what: "remove each other from their one admin team",
    grant: async (survivor, users) => {
      const team = await adminTeam(survivor, users);
      return users.map(() => team);
    },
    demote: (by, _other) => ({ method: "PUT", path: `${API}/teams/${by.grant}`, body: { users: [by.user.id] } }),
    loser: [403, ["IllegalOperationError", "You cannot change your own team memberships."]],
  },
];

async function newAdmins(t: ServerFixture, survivor: Api, way: Way): Promise<[Admin, Admin]> {
  const users = [await createUser(survivor, { password: USER_PASSWORD }), await createUser(survivor, { password: USER_PASSWORD })];
  const grants = await way.grant(survivor, users);
  const admins = await Promise.all(
    users.map(async (user, i) => {
      const token = await t.server.login(user.name, USER_PASSWORD);
      return { user, token, grant: grants[i] ?? "", api: t.server.api(token) };
    }),
  );
  return [admins[0]!, admins[1]!];
}

/** Both demotions at once, each authenticated and held first. */
async function demoteEachOther(t: ServerFixture, way: Way, a: Admin, b: Admin): Promise<Reply[]> {
  const pairs: [Admin, Demotion][] = [
    [a, way.demote(a, b)],
    [b, way.demote(b, a)],
  ];
  const held = await Promise.all(pairs.map(([by, d]) => holdInFlight(t.server.url, by.token, d.method, d.path, d.body)));
  return Promise.all(held.map((h) => h.release()));
}

describeEachDialect("two admins demoting each other at once", (dialect) => {
  const t = useTestServer({ dialect });
  const admins = () => countAdmins(t.server.running.runtime.ctx.db.kysely);
  /** The sole admin between rounds: `default` at first, then each round's survivor. */
  let survivor: { id: string; api: Api } | undefined;

  for (const way of WAYS) {
    const [status, detail] = way.loser ?? [409, LAST_ADMIN];
    it(`${way.what}: exactly one wins, the other gets ${status}, one admin remains`, async () => {
      survivor ??= { id: (await t.admin.get(`${API}/current-user`)).body.id, api: t.admin };
      for (let round = 0; round < ROUNDS_PER_WAY; round++) {
        const [a, b] = await newAdmins(t, survivor.api, way);
        expectStatus(await a.api.put(`${API}/users/${survivor.id}/deactivate`), 200, "retire the previous survivor");
        assert.equal(await admins(), 2, "the race starts with exactly two admins");

        const replies = await demoteEachOther(t, way, a, b);
        const what = `${way.what}, round ${round}:\n${describeReplies(replies)}`;
        const winner = replies.findIndex((r) => r.status === 200);
        const loser = replies[1 - winner];
        assert.ok(winner >= 0 && loser, what);
        assert.deepEqual([loser.status, loser.body?.detail], [status, detail], what);
        assert.equal(await admins(), 1, what);
        const survived = winner === 0 ? a : b;
        survivor = { id: survived.user.id, api: survived.api };
      }
    });
  }
});
