/**
 * `GET /current-user/abilities` (what the dashboard shows) and the users' `status` field: the
 * abilities come from the same rules the API enforces, so an action the answer allows succeeds
 * and one it refuses is refused by the API too.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachDialect } from "../helpers/dialects.js";
import { assignRole, createActiveUser, createUser, deactivateUser, uniqueName, USER_PASSWORD } from "../helpers/fixtures.js";
import type { Api } from "../helpers/http.js";
import { useTestServer } from "../helpers/server.js";
import { API, callerOf, createWorkspace, createWorkspaceUser, getWorkspace, registerComponent, registerStack } from "../helpers/stacks.js";

const abilitiesOf = async (api: Api, query: Record<string, string> = {}) => {
  const reply = await api.get("/api/v1/current-user/abilities", query);
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  return reply.body;
};

describeEachDialect("abilities", (dialect) => {
  const t = useTestServer({ dialect });

  it("an admin may invite and manage others, but not deactivate or delete itself", async () => {
    const me = (await t.admin.get("/api/v1/current-user")).body;
    const other = await createUser(t.admin, { password: USER_PASSWORD });
    const body = await abilitiesOf(t.admin, { users: `${me.id},${other.id}` });
    assert.equal(body.global["users:invite"], true);
    assert.equal(body.global["roles:create"], true);
    assert.equal(body.global["me:rename"], false, "the default user keeps its name");
    assert.deepEqual(body.users[other.id], {
      edit_roles: true,
      deactivate: true,
      reactivate: false,
      new_link: true,
      delete: true,
      unlock: false,
    });
    assert.deepEqual(body.users[me.id], {
      edit_roles: false,
      deactivate: false,
      reactivate: false,
      new_link: false,
      delete: false,
      unlock: false,
    });
  });

  it("a guest may read but change nothing, and the API agrees", async () => {
    const guest = await createActiveUser(t.server, t.admin);
    await assignRole(t.admin, guest.user.id, "guest");
    const other = await createUser(t.admin, { password: USER_PASSWORD });
    const roles = (await t.admin.get("/api/v1/roles")).body.items as { id: string; name: string }[];
    const ws = (await t.admin.get("/api/v1/workspaces/default")).body;
    const body = await abilitiesOf(guest.api, { users: other.id, roles: roles.map((r) => r.id).join(","), workspaces: ws.id });
    assert.equal(body.global["users:read"], true);
    assert.equal(body.global["users:invite"], false);
    assert.equal(body.global["workspaces:create"], false);
    assert.equal(body.global.me, true);
    assert.ok(Object.values(body.users[other.id]).every((v) => v === false));
    for (const role of roles) assert.deepEqual(body.roles[role.id], { update: false, delete: false });
    assert.deepEqual(body.workspaces[ws.id], { update: false, rename: false, delete: false, create_stack: false, create_component: false });
    assert.equal((await guest.api.post("/api/v1/users", { name: "not-allowed" })).status, 403);
    assert.equal((await guest.api.put(`/api/v1/users/${other.id}`, { active: false })).status, 403);
  });

  it("a user without read sees no targets at all", async () => {
    const nobody = await createActiveUser(t.server, t.admin);
    const other = await createUser(t.admin);
    const team = (await t.admin.post(`${API}/teams`, { name: uniqueName("team"), users: [other.id] })).body;
    const ws = await getWorkspace(t.admin, "default");
    const shared = await registerStack(await callerOf(t.admin), ws, { shared: true });
    const component = shared.components.orchestrator![0]!;
    const body = await abilitiesOf(nobody.api, { users: other.id, teams: team.id, stacks: shared.id, components: component.id });
    assert.equal(body.global["users:read"], false);
    assert.equal(body.global["teams:read"], false);
    for (const kind of ["users", "teams", "stacks", "components"]) assert.deepEqual(body[kind], {}, kind);
  });

  it("built-in roles and the default workspace are read-only even for an admin", async () => {
    const roles = (await t.admin.get("/api/v1/roles")).body.items as { id: string; name: string }[];
    const ws = (await t.admin.get("/api/v1/workspaces/default")).body;
    const body = await abilitiesOf(t.admin, { roles: roles.map((r) => r.id).join(","), workspaces: ws.id });
    for (const role of roles.filter((r) => r.name === "admin" || r.name === "guest")) {
      assert.deepEqual(body.roles[role.id], { update: false, delete: false });
    }
    assert.deepEqual(body.workspaces[ws.id], { update: true, rename: false, delete: false, create_stack: true, create_component: true });
  });

  it("status tells active, pending and deactivated users apart", async () => {
    const pending = await createUser(t.admin);
    const active = await createUser(t.admin, { password: USER_PASSWORD });
    const switchedOff = await createUser(t.admin, { password: USER_PASSWORD });
    assert.equal((await t.admin.put(`/api/v1/users/${switchedOff.id}`, { active: false })).status, 200);
    const statusOf = async (id: string) => (await t.admin.get(`/api/v1/users/${id}`)).body.status;
    assert.equal(await statusOf(pending.id), "pending");
    assert.equal(await statusOf(active.id), "active");
    assert.equal(await statusOf(switchedOff.id), "deactivated");
    const body = await abilitiesOf(t.admin, { users: [pending.id, switchedOff.id].join(",") });
    assert.equal(body.users[pending.id].reactivate, false, "a pending user needs a sign-up link, not reactivation");
    assert.equal(body.users[switchedOff.id].reactivate, true);
    // A new link wipes the old password (SPEC §5.3): the user is pending until they set a new one.
    await deactivateUser(t.admin, active.id);
    assert.equal(await statusOf(active.id), "pending");
  });

  it("teams: writers manage them, but nobody edits the members or roles of a team they are in", async () => {
    const me = (await t.admin.get(`${API}/current-user`)).body;
    const other = await createUser(t.admin, { password: USER_PASSWORD });
    const mine = (await t.admin.post(`${API}/teams`, { name: uniqueName("with-me"), users: [me.id] })).body;
    const theirs = (await t.admin.post(`${API}/teams`, { name: uniqueName("without-me"), users: [other.id] })).body;
    const body = await abilitiesOf(t.admin, { teams: `${mine.id},${theirs.id}` });
    assert.equal(body.global["teams:read"], true);
    assert.equal(body.global["teams:create"], true);
    assert.deepEqual(body.teams[theirs.id], { update: true, edit_members: true, edit_roles: true, delete: true });
    assert.deepEqual(body.teams[mine.id], { update: true, edit_members: true, edit_roles: false, delete: true });
    const admin = (await t.admin.get(`${API}/roles/admin`)).body;
    assert.equal((await t.admin.post(`${API}/team_role_assignments`, { team: mine.id, role: admin.id })).status, 403);
    assert.equal((await t.admin.post(`${API}/team_role_assignments`, { team: theirs.id, role: admin.id })).status, 200);

    const guest = await createActiveUser(t.server, t.admin);
    await assignRole(t.admin, guest.user.id, "guest");
    const read = await abilitiesOf(guest.api, { teams: theirs.id });
    assert.equal(read.global["teams:create"], false);
    assert.deepEqual(read.teams[theirs.id], { update: false, edit_members: false, edit_roles: false, delete: false });
    assert.equal((await guest.api.put(`${API}/teams/${theirs.id}`, { name: "renamed" })).status, 403);
  });

  it("stacks and components: the owner shares; other writers edit shared ones; others' private ones are left out", async () => {
    const ws = await getWorkspace(t.admin, "default");
    const alice = await callerOf((await createActiveUser(t.server, t.admin, ["read", "write"])).api);
    const bob = await callerOf((await createActiveUser(t.server, t.admin, ["read", "write"])).api);
    const hidden = await registerStack(alice, ws);
    const shared = await registerStack(alice, ws, { shared: true });
    const component = shared.components.orchestrator![0]!;
    const targets = { stacks: `${hidden.id},${shared.id}`, components: component.id };

    const owner = await abilitiesOf(alice.api, targets);
    assert.deepEqual(owner.stacks[hidden.id], { update: true, rename: true, share: true, unshare: false, delete: true });
    assert.deepEqual(owner.stacks[shared.id], { update: true, rename: true, share: false, unshare: true, delete: true });
    assert.deepEqual(owner.components[component.id], { update: true, rename: true, share: false, unshare: true, delete: true });

    const writer = await abilitiesOf(bob.api, targets);
    assert.deepEqual(Object.keys(writer.stacks), [shared.id], "another's private stack is left out");
    assert.deepEqual(writer.stacks[shared.id], { update: true, rename: false, share: false, unshare: false, delete: true });
    assert.deepEqual(writer.components[component.id], { update: true, rename: false, share: false, unshare: false, delete: true });
    assert.equal((await bob.api.put(`${API}/stacks/${shared.id}`, { is_shared: false })).status, 403);
    // Allowed, and refused for what the data says: the component is in a stack.
    const held = await bob.api.delete(`${API}/components/${component.id}`);
    assert.equal(held.status, 403);
    assert.match(held.body.detail[1], /part of 1 stacks/);
  });

  it("default stacks and components are fixed, and registering follows the workspace's write", async () => {
    const ws = await getWorkspace(t.admin, "default");
    const other = await createWorkspace(t.admin);
    const member = await callerOf((await createWorkspaceUser(t.server, t.admin, other, ["read", "write"])).api);
    const own = await registerComponent(member, other, { type: "orchestrator" });
    const stacks = (await member.api.get(`${API}/workspaces/${other.id}/stacks`)).body.items as { id: string; name: string }[];
    const fixed = stacks.find((s) => s.name === "default")!;
    const body = await abilitiesOf(member.api, { workspaces: `${ws.id},${other.id}`, stacks: fixed.id, components: own.id });
    assert.deepEqual(Object.keys(body.workspaces), [other.id], "a workspace it cannot read is left out");
    assert.equal(body.workspaces[other.id].create_stack, true);
    assert.equal(body.workspaces[other.id].create_component, true);
    assert.deepEqual(body.stacks[fixed.id], { update: false, rename: false, share: false, unshare: false, delete: false });
    assert.deepEqual(body.components[own.id], { update: true, rename: true, share: true, unshare: false, delete: true });

    const reader = await createWorkspaceUser(t.server, t.admin, other, ["read"]);
    const read = await abilitiesOf(reader.api, { workspaces: other.id });
    assert.equal(read.workspaces[other.id].create_stack, false);
    assert.equal(read.workspaces[other.id].create_component, false);
  });

  it("refuses malformed target lists with a 422", async () => {
    const reply = await t.admin.get("/api/v1/current-user/abilities", { users: "not-a-uuid" });
    assert.equal(reply.status, 422);
    assert.match(reply.body.detail[1], /query -> users/);
  });
});
