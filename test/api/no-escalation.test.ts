/**
 * No escalation (SPEC §4 rule 6), each rule by a request that only that rule refuses, with the
 * store checked unchanged after the refusal and a request the rule lets through beside it:
 *
 * - team membership hands out the team's roles, so changing who is in a team (or deleting it)
 *   needs every permission the team carries, in each scope it carries it (policy/teams.ts);
 * - creating, editing and deleting a role needs every permission it carries before and after
 *   (policy/roles.ts), and assigning or revoking one every permission of the role
 *   (policy/assignments.ts);
 * - nobody changes their own assignments or memberships, directly or through a team they belong
 *   to, nor deletes a team they belong to while it holds roles, nor deactivates themselves.
 *
 * The actor of most cases is `rw`: read and write globally, not `me`. Each refusal is a 403 with
 * the policy's message, and changes nothing.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { before, describe, it } from "node:test";
import type { Permission } from "../../src/core/permissions.js";
import type { WireRole, WireUser } from "../../src/server/presenters/wire.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { assignRole, createActiveUser, createRole, createUser, uniqueName, type ActiveUser } from "../helpers/fixtures.js";
import { expectStatus, type Api, type Reply } from "../helpers/http.js";
import { useTestServer } from "../helpers/server.js";

const API = "/api/v1";
const OWN_ASSIGNMENTS = "You cannot change your own role assignments, directly or through a team you belong to.";
const OWN_MEMBERSHIP = "You cannot change your own team memberships.";
const cannotGrant = (permission: string, inWorkspace = false) =>
  `You cannot grant the permission '${permission}': you do not hold it ${inWorkspace ? "in this workspace" : "globally"}.`;

function refused(reply: Reply, message: string): void {
  assert.deepEqual([reply.status, reply.body?.detail], [403, ["IllegalOperationError", message]]);
}

async function team(admin: Api, users: readonly string[], role?: { id: string; workspace?: string }): Promise<string> {
  const created = expectStatus(await admin.post(`${API}/teams`, { name: uniqueName("team"), users }), 200, "create team").body;
  if (role) {
    const body = { team: created.id, role: role.id, workspace: role.workspace ?? null };
    expectStatus(await admin.post(`${API}/team_role_assignments`, body), 200, "assign a role to the team");
  }
  return created.id;
}

async function membersOf(api: Api, teamId: string): Promise<string[]> {
  return expectStatus(await api.get(`${API}/teams/${teamId}`), 200, "get team")
    .body.users.map((u: WireUser) => u.id)
    .sort();
}

async function permissionsOf(api: Api, roleId: string): Promise<Permission[]> {
  return (expectStatus(await api.get(`${API}/roles/${roleId}`), 200, "get role").body as WireRole).permissions.sort();
}

async function assignmentsOf(api: Api, kind: "users" | "teams", id: string): Promise<string[]> {
  const page = expectStatus(await api.get(`${API}/${kind}/${id}/roles`, { size: "1000" }), 200, "assignments").body;
  return page.items.map((a: { role: { name: string } }) => a.role.name).sort();
}

describeEachDialect("no escalation", (dialect) => {
  const t = useTestServer({ dialect });
  let rw: ActiveUser;
  let adminRole: string;
  let workspace: string;

  before(async () => {
    rw = await createActiveUser(t.server, t.admin, ["read", "write"]);
    adminRole = expectStatus(await t.admin.get(`${API}/roles/admin`), 200, "admin role").body.id;
    workspace = expectStatus(await t.admin.post(`${API}/workspaces`, { name: uniqueName("ws") }), 200, "workspace").body.id;
  });

  describe("team membership needs every permission the team carries", () => {
    it("rw may not add anyone to a team that holds admin, nor remove anyone from it, nor delete it", async () => {
      const member = await createUser(t.admin, {});
      const newcomer = await createUser(t.admin, {});
      const admins = await team(t.admin, [member.id], { id: adminRole });
      refused(await rw.api.put(`${API}/teams/${admins}`, { users: [member.id, newcomer.id] }), cannotGrant("me"));
      refused(await rw.api.put(`${API}/teams/${admins}`, { users: [] }), cannotGrant("me"));
      refused(await rw.api.delete(`${API}/teams/${admins}`), cannotGrant("me"));
      assert.deepEqual(await membersOf(t.admin, admins), [member.id]);
    });

    it("rw may not put itself into a team that holds admin", async () => {
      const admins = await team(t.admin, [], { id: adminRole });
      assert.equal((await rw.api.put(`${API}/teams/${admins}`, { users: [rw.user.id] })).status, 403);
      assert.deepEqual(await membersOf(t.admin, admins), []);
      assert.equal((await rw.api.put(`${API}/current-user`, { full_name: "x" })).status, 403, "and still not me");
    });

    it("a permission the team carries in a workspace is needed there: rw lacks me in it", async () => {
      const meRole = await createRole(t.admin, ["me"]);
      const scoped = await team(t.admin, [], { id: meRole.id, workspace });
      const someone = await createUser(t.admin, {});
      refused(await rw.api.put(`${API}/teams/${scoped}`, { users: [someone.id] }), cannotGrant("me", true));
      assert.deepEqual(await membersOf(t.admin, scoped), []);
    });

    it("creating a team is refused before its members are looked up: a workspace writer learns nothing of who exists", async () => {
      const wsWriter = await createActiveUser(t.server, t.admin);
      const role = await createRole(t.admin, ["read", "write"]);
      expectStatus(await t.admin.post(`${API}/role_assignments`, { user: wsWriter.user.id, role: role.id, workspace }), 200, "assign");
      const name = uniqueName("team");
      for (const users of [[randomUUID()], [rw.user.id]]) {
        const reply = await wsWriter.api.post(`${API}/teams`, { name, users });
        assert.deepEqual([reply.status, reply.body], [403, { detail: "Not enough permissions" }]);
      }
      assert.equal((await t.admin.get(`${API}/teams/${name}`)).status, 404);
    });

    it("rw may change the members of a team that carries only what rw holds, and delete it", async () => {
      const readWrite = await createRole(t.admin, ["read", "write"]);
      const crew = await team(t.admin, [], { id: readWrite.id });
      const someone = await createUser(t.admin, {});
      expectStatus(await rw.api.put(`${API}/teams/${crew}`, { users: [someone.id] }), 200, "add");
      assert.deepEqual(await membersOf(t.admin, crew), [someone.id]);
      expectStatus(await rw.api.put(`${API}/teams/${crew}`, { users: [] }), 200, "remove");
      expectStatus(await rw.api.delete(`${API}/teams/${crew}`), 200, "delete");
    });
  });

  describe("a role carries only what its editor holds", () => {
    it("rw may not create a role with me", async () => {
      const name = uniqueName("role");
      refused(await rw.api.post(`${API}/roles`, { name, permissions: ["read", "me"] }), cannotGrant("me"));
      assert.equal((await t.admin.get(`${API}/roles/${name}`)).status, 404);
    });

    it("rw may not add me to a role it holds, which would give it me", async () => {
      const own = await createRole(t.admin, ["read", "write"]);
      await assignRole(t.admin, rw.user.id, own.id);
      refused(await rw.api.put(`${API}/roles/${own.id}`, { permissions: ["read", "write", "me"] }), cannotGrant("me"));
      assert.deepEqual(await permissionsOf(t.admin, own.id), ["read", "write"]);
      assert.equal((await rw.api.put(`${API}/current-user`, { full_name: "x" })).status, 403, "rw still lacks me");
    });

    it("rw may not edit or delete a role that carries me, even to take me away", async () => {
      const carriesMe = await createRole(t.admin, ["read", "me"]);
      refused(await rw.api.put(`${API}/roles/${carriesMe.id}`, { permissions: ["read"] }), cannotGrant("me"));
      refused(await rw.api.put(`${API}/roles/${carriesMe.id}`, { name: uniqueName("renamed") }), cannotGrant("me"));
      refused(await rw.api.delete(`${API}/roles/${carriesMe.id}`), cannotGrant("me"));
      assert.deepEqual(await permissionsOf(t.admin, carriesMe.id), ["me", "read"]);
      assert.equal((await t.admin.get(`${API}/roles/${carriesMe.name}`)).status, 200);
    });

    it("a permission listed twice is no same set: rw may not thereby take write from an admin holding the role", async () => {
      const boss = await createActiveUser(t.server, t.admin, ["me"]);
      const readWrite = await createRole(t.admin, ["read", "write"]);
      await assignRole(t.admin, boss.user.id, readWrite.id);
      const reply = await rw.api.put(`${API}/roles/${readWrite.id}`, { permissions: ["read", "read"] });
      assert.equal(reply.status, 403, JSON.stringify(reply.body));
      assert.deepEqual(await permissionsOf(t.admin, readWrite.id), ["read", "write"]);
    });

    it("a role in use is not deleted (ZenML's message), and its holders keep it", async () => {
      const role = await createRole(t.admin, ["read"]);
      const holder = await createUser(t.admin, {});
      await assignRole(t.admin, holder.id, role.id);
      const reply = await rw.api.delete(`${API}/roles/${role.id}`);
      assert.deepEqual(
        [reply.status, reply.body.detail],
        [
          403,
          [
            "IllegalOperationError",
            `Role \`${role.name}\` of type cannot be deleted as it is in use by multiple users and teams. Before deleting this role make sure to remove all instances where this role is used.`,
          ],
        ],
      );
      assert.deepEqual(await assignmentsOf(t.admin, "users", holder.id), [role.name]);
    });

    it("rw may create, edit and delete roles within read and write", async () => {
      const name = uniqueName("role");
      const role = expectStatus(await rw.api.post(`${API}/roles`, { name, permissions: ["read"] }), 200, "create").body;
      expectStatus(await rw.api.put(`${API}/roles/${role.id}`, { permissions: ["read", "write"] }), 200, "edit");
      assert.deepEqual(await permissionsOf(t.admin, role.id), ["read", "write"]);
      expectStatus(await rw.api.put(`${API}/roles/${role.id}`, { name: uniqueName("renamed") }), 200, "rename");
      assert.deepEqual(await permissionsOf(t.admin, role.id), ["read", "write"], "a rename keeps the permissions");
      expectStatus(await rw.api.delete(`${API}/roles/${role.id}`), 200, "delete");
    });
  });

  describe("an assignment carries only what its author holds", () => {
    it("rw may not assign admin, nor revoke it", async () => {
      const someone = await createUser(t.admin, {});
      refused(await rw.api.post(`${API}/role_assignments`, { user: someone.id, role: adminRole }), cannotGrant("me"));
      assert.deepEqual(await assignmentsOf(t.admin, "users", someone.id), []);
      const granted = await assignRole(t.admin, someone.id, adminRole);
      refused(await rw.api.delete(`${API}/role_assignments/${granted.id}`), cannotGrant("me"));
      assert.deepEqual(await assignmentsOf(t.admin, "users", someone.id), ["admin"]);
    });

    it("rw may not give a team admin, nor take it away", async () => {
      const crew = await team(t.admin, []);
      refused(await rw.api.post(`${API}/team_role_assignments`, { team: crew, role: adminRole }), cannotGrant("me"));
      const granted = expectStatus(await t.admin.post(`${API}/team_role_assignments`, { team: crew, role: adminRole }), 200, "assign");
      refused(await rw.api.delete(`${API}/team_role_assignments/${granted.body.id}`), cannotGrant("me"));
      assert.deepEqual(await assignmentsOf(t.admin, "teams", crew), ["admin"]);
    });
  });

  describe("nobody changes their own permissions", () => {
    it("an admin may not assign itself a role nor revoke its own", async () => {
      const other = await createActiveUser(t.server, t.admin, ["read", "write", "me"]);
      const guest = expectStatus(await t.admin.get(`${API}/roles/guest`), 200, "guest role").body.id;
      refused(await other.api.post(`${API}/role_assignments`, { user: other.user.id, role: guest }), OWN_ASSIGNMENTS);
      const [own] = expectStatus(await other.api.get(`${API}/users/${other.user.id}/roles`), 200, "own").body.items;
      refused(await other.api.delete(`${API}/role_assignments/${own.id}`), OWN_ASSIGNMENTS);
      assert.equal((await assignmentsOf(t.admin, "users", other.user.id)).length, 1);
    });

    it("an admin may not give a team it belongs to a role, nor take one away", async () => {
      const other = await createActiveUser(t.server, t.admin, ["read", "write", "me"]);
      const readRole = await createRole(t.admin, ["read"]);
      const mine = await team(t.admin, [other.user.id]);
      refused(await other.api.post(`${API}/team_role_assignments`, { team: mine, role: readRole.id }), OWN_ASSIGNMENTS);
      const granted = expectStatus(await t.admin.post(`${API}/team_role_assignments`, { team: mine, role: readRole.id }), 200, "assign");
      refused(await other.api.delete(`${API}/team_role_assignments/${granted.body.id}`), OWN_ASSIGNMENTS);
      assert.deepEqual(await assignmentsOf(t.admin, "teams", mine), [readRole.name]);
    });

    it("nobody joins or leaves a team on their own, even one without roles", async () => {
      const plain = await team(t.admin, []);
      refused(await rw.api.put(`${API}/teams/${plain}`, { users: [rw.user.id] }), OWN_MEMBERSHIP);
      assert.deepEqual(await membersOf(t.admin, plain), []);
      const joined = await team(t.admin, [rw.user.id]);
      refused(await rw.api.put(`${API}/teams/${joined}`, { users: [] }), OWN_MEMBERSHIP);
      assert.deepEqual(await membersOf(t.admin, joined), [rw.user.id]);
    });

    it("nobody deletes a team they belong to while it holds roles; one without roles they may", async () => {
      const readRole = await createRole(t.admin, ["read"]);
      const withRoles = await team(t.admin, [rw.user.id], { id: readRole.id });
      refused(
        await rw.api.delete(`${API}/teams/${withRoles}`),
        "You cannot delete a team you belong to while it holds roles: that would change your own permissions.",
      );
      assert.deepEqual(await membersOf(t.admin, withRoles), [rw.user.id]);
      const without = await team(t.admin, [rw.user.id]);
      expectStatus(await rw.api.delete(`${API}/teams/${without}`), 200, "delete a team without roles");
    });

    it("nobody deactivates themselves through PUT /users/{id}", async () => {
      const other = await createActiveUser(t.server, t.admin, ["read", "write", "me"]);
      refused(
        await other.api.put(`${API}/users/${other.user.id}`, { active: false }),
        "You cannot deactivate the user account currently used to authenticate to the server.",
      );
      assert.equal((await other.api.get(`${API}/current-user`)).body.active, true);
    });
  });
});
