/**
 * The last admin stays (SPEC §4 rule 7) on every path that can take away the last active user
 * holding read, write and me globally: deleting that user, deactivating them (`PUT /users/{id}`
 * with `active: false`), issuing them a new link (`PUT /users/{id}/deactivate`), revoking their
 * admin assignment or their team's, removing them from that team, deleting the team, and editing
 * the role they hold it through. Each answers 409 and changes nothing: the user, their sessions,
 * the assignment, the team and the role are as before, and no audit event claims the change.
 *
 * Only an admin may act on an admin (rule 9), and nobody acts on themselves, so one request alone
 * can reach the rule only through a role edit. The other paths reach it when two admins act at
 * once: A's request on X is authenticated while A is an admin (helpers/in-flight.ts holds it
 * there), X then takes A's admin role away, and A's request, let go, would leave nobody. The rule
 * runs inside the change's transaction, so it sees what X did; every earlier check passed on A's
 * permissions as they were, which is what a race would give on any database.
 *
 * Cases run in order on one server: each starts with exactly two admins (the previous case's
 * survivor is retired), so the rule always guards the last one.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { countAdmins } from "../../src/server/policy/last-admin.js";
import type { WireUser } from "../../src/server/presenters/wire.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { assignRole, createRole, createUser, uniqueName, USER_PASSWORD } from "../helpers/fixtures.js";
import { expectStatus, type Api, type Reply } from "../helpers/http.js";
import { holdInFlight } from "../helpers/in-flight.js";
import { useTestServer, type ServerFixture } from "../helpers/server.js";

const API = "/api/v1";
const LAST_ADMIN = [
  "IllegalOperationError",
  "This change would leave no active user with the read, write and me permissions globally; assign another admin first.",
];

interface Admin {
  user: WireUser;
  token: string;
  api: Api;
}

/** How the case's target X holds its admin permissions. */
interface Grant {
  /** The user assignment of `admin`, if X holds it directly. */
  assignment?: string;
  /** The team that holds `admin` for X, and that team's assignment. */
  team?: { id: string; assignment: string };
  /** The custom role (read, write, me) X holds, directly. */
  role?: string;
}

type GrantWay = (by: Api, x: WireUser) => Promise<Grant>;

const direct: GrantWay = async (by, x) => ({ assignment: (await assignRole(by, x.id, "admin")).id });

const throughTeam: GrantWay = async (by, x) => {
  const team = expectStatus(await by.post(`${API}/teams`, { name: uniqueName("admins"), users: [x.id] }), 200, "team").body;
  const admin = expectStatus(await by.get(`${API}/roles/admin`), 200, "admin role").body;
  const assignment = expectStatus(await by.post(`${API}/team_role_assignments`, { team: team.id, role: admin.id }), 200, "team admin");
  return { team: { id: team.id, assignment: assignment.body.id } };
};

const throughCustomRole: GrantWay = async (by, x) => {
  const role = await createRole(by, ["read", "write", "me"]);
  await assignRole(by, x.id, role.id);
  return { role: role.id };
};

async function newAdmin(t: ServerFixture, by: Api, grant: GrantWay): Promise<Admin & { grant: Grant }> {
  const user = await createUser(by, { password: USER_PASSWORD });
  const held = await grant(by, user);
  const token = await t.server.login(user.name, USER_PASSWORD);
  return { user, token, api: t.server.api(token), grant: held };
}

async function auditedOn(admin: Api, targetId: string): Promise<string[]> {
  const events = expectStatus(await admin.get(`${API}/audit_events`, { size: "1000" }), 200, "audit events").body.items;
  return events.filter((e: { target_id: string | null }) => e.target_id === targetId).map((e: { action: string }) => e.action);
}

describeEachDialect("the last admin stays, on every path", (dialect) => {
  const t = useTestServer({ dialect });
  const admins = () => countAdmins(t.server.running.runtime.ctx.db.kysely);
  /** The only admin between cases: `default` at first, then each case's survivor. */
  let survivor: { id: string; api: Api } | undefined;
  /** The admin the last case retired, with the link it was given: brought back if a case left no admin. */
  let retired: { id: string; token: string } | undefined;

  /** After a case that failed by leaving no admin, the next one starts from the one retired before it. */
  async function recovered(): Promise<{ id: string; api: Api }> {
    const body = { activation_token: retired?.token, password: USER_PASSWORD };
    const user = expectStatus(
      await t.server.anon.put(`${API}/users/${retired?.id}/activate`, body),
      200,
      "bring back the retired admin",
    ).body;
    return { id: user.id, api: t.server.api(await t.server.login(user.name, USER_PASSWORD)) };
  }

  /**
   * A (an admin through a user assignment of `admin`) and X (through `grant`), the only two admins
   * once A retires the previous survivor.
   */
  async function lastTwo(grant: GrantWay): Promise<{ a: Admin & { assignment: string }; x: Admin & { grant: Grant } }> {
    survivor ??= { id: (await t.admin.get(`${API}/current-user`)).body.id, api: t.admin };
    if ((await admins()) === 0) survivor = await recovered();
    const a = await newAdmin(t, survivor.api, direct);
    const x = await newAdmin(t, survivor.api, grant);
    const link = expectStatus(await a.api.put(`${API}/users/${survivor.id}/deactivate`), 200, "retire the previous survivor");
    retired = { id: survivor.id, token: link.body.activation_token };
    assert.equal(await admins(), 2, "the case starts with exactly two admins");
    survivor = { id: x.user.id, api: x.api };
    return { a: { ...a, assignment: a.grant.assignment ?? "" }, x };
  }

  /**
   * A's request, authenticated while A is an admin, runs after X has revoked A's admin role: it
   * must be refused by the rule (409), leaving X the one admin.
   */
  async function afterLosingAdmin(
    a: Admin & { assignment: string },
    x: Admin,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Reply> {
    const held = await holdInFlight(t.server.url, a.token, method, path, body);
    expectStatus(await x.api.delete(`${API}/role_assignments/${a.assignment}`), 200, "X revokes A's admin role");
    assert.equal(await admins(), 1);
    const reply = await held.release();
    assert.deepEqual([reply.status, reply.body?.detail], [409, LAST_ADMIN], `${method} ${path}`);
    assert.equal(await admins(), 1, "X is still an admin");
    return reply;
  }

  /** X's account is untouched: active, its session alive, its password still good. */
  async function untouched(x: Admin): Promise<void> {
    const me = expectStatus(await x.api.get(`${API}/current-user`), 200, "X's session lives");
    assert.equal(me.body.active, true);
    expectStatus(await t.server.attemptLogin(x.user.name, USER_PASSWORD), 200, "X logs in with its password");
  }

  it("deleting the last admin: 409, the user and its session stay", async () => {
    const { a, x } = await lastTwo(direct);
    await afterLosingAdmin(a, x, "DELETE", `${API}/users/${x.user.id}`);
    await untouched(x);
    assert.deepEqual(await auditedOn(x.api, x.user.id), ["user.create"]);
  });

  it("deactivating the last admin (PUT /users/{id} active=false): 409, still active", async () => {
    const { a, x } = await lastTwo(direct);
    await afterLosingAdmin(a, x, "PUT", `${API}/users/${x.user.id}`, { active: false });
    await untouched(x);
    assert.deepEqual(await auditedOn(x.api, x.user.id), ["user.create"]);
  });

  it("a new link for the last admin (PUT /users/{id}/deactivate): 409, no token, password kept", async () => {
    const { a, x } = await lastTwo(direct);
    const reply = await afterLosingAdmin(a, x, "PUT", `${API}/users/${x.user.id}/deactivate`);
    assert.equal(JSON.stringify(reply.body).includes("activation_token"), false);
    await untouched(x);
    assert.deepEqual(await auditedOn(x.api, x.user.id), ["user.create"]);
  });

  it("revoking the last admin's assignment: 409, the assignment stays", async () => {
    const { a, x } = await lastTwo(direct);
    const assignment = x.grant.assignment ?? "";
    await afterLosingAdmin(a, x, "DELETE", `${API}/role_assignments/${assignment}`);
    expectStatus(await x.api.get(`${API}/role_assignments/${assignment}`), 200, "the assignment stays");
    assert.deepEqual(await auditedOn(x.api, assignment), ["role.assign"]);
  });

  it("revoking the admin role of the last admin's team: 409, the team assignment stays", async () => {
    const { a, x } = await lastTwo(throughTeam);
    const team = x.grant.team!;
    await afterLosingAdmin(a, x, "DELETE", `${API}/team_role_assignments/${team.assignment}`);
    expectStatus(await x.api.get(`${API}/team_role_assignments/${team.assignment}`), 200, "the team assignment stays");
    assert.deepEqual(await auditedOn(x.api, team.assignment), ["role.assign"]);
  });

  it("removing the last admin from their admin team: 409, still a member", async () => {
    const { a, x } = await lastTwo(throughTeam);
    const team = x.grant.team!;
    await afterLosingAdmin(a, x, "PUT", `${API}/teams/${team.id}`, { users: [] });
    const members = expectStatus(await x.api.get(`${API}/teams/${team.id}`), 200, "team").body.users.map((u: WireUser) => u.id);
    assert.deepEqual(members, [x.user.id]);
    assert.deepEqual(await auditedOn(x.api, team.id), ["team.create"]);
  });

  it("deleting the last admin's team: 409, the team and its role stay", async () => {
    const { a, x } = await lastTwo(throughTeam);
    const team = x.grant.team!;
    await afterLosingAdmin(a, x, "DELETE", `${API}/teams/${team.id}`);
    expectStatus(await x.api.get(`${API}/teams/${team.id}`), 200, "the team stays");
    expectStatus(await x.api.get(`${API}/team_role_assignments/${team.assignment}`), 200, "with its role");
    assert.deepEqual(await auditedOn(x.api, team.id), ["team.create"]);
  });

  it("editing the role the last admin holds it through (taking a permission away): 409, the role unchanged", async () => {
    const { a, x } = await lastTwo(throughCustomRole);
    const role = x.grant.role ?? "";
    await afterLosingAdmin(a, x, "PUT", `${API}/roles/${role}`, { permissions: ["read", "write"] });
    assert.deepEqual(expectStatus(await x.api.get(`${API}/roles/${role}`), 200, "role").body.permissions.sort(), ["me", "read", "write"]);
    assert.deepEqual(await auditedOn(x.api, role), ["role.create"]);
  });

  it("the last admin editing, alone, the role they hold it through: 409, the role unchanged", async () => {
    const { a, x } = await lastTwo(throughCustomRole);
    // A steps down the ordinary way (another admin remains), leaving X the only admin.
    expectStatus(await x.api.delete(`${API}/role_assignments/${a.assignment}`), 200, "A steps down");
    const role = x.grant.role ?? "";
    for (const permissions of [["read", "write"], ["write", "me"], ["read", "me"], []]) {
      const reply = await x.api.put(`${API}/roles/${role}`, { permissions });
      assert.deepEqual([reply.status, reply.body?.detail], [409, LAST_ADMIN], JSON.stringify(permissions));
    }
    assert.equal(await admins(), 1);
    assert.deepEqual(expectStatus(await x.api.get(`${API}/roles/${role}`), 200, "role").body.permissions.sort(), ["me", "read", "write"]);
    assert.deepEqual(await auditedOn(x.api, role), ["role.create"]);
  });
});
