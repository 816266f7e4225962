/**
 * Cohort hole (issue 12, SPEC §4 rule 9): a `write` holder took over any account, admins included.
 * `PUT /users/{id}/deactivate` needed only `write` and handed the caller the target's fresh
 * activation token, so a user whose only role was {read, write} deactivated `default`, activated
 * it with a password of their choosing, logged in as the admin and minted themselves an admin
 * role. The same user could rename an admin, change their email or delete them (inheriting their
 * private stacks and components). Now acting on someone needs every permission they hold, and a
 * new link wipes the old password (SPEC §5.3).
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachDialect } from "../../helpers/dialects.js";
import {
  activateUser,
  assignRole,
  createActiveUser,
  createUser,
  deactivateUser,
  uniqueName,
  USER_PASSWORD,
} from "../../helpers/fixtures.js";
import type { Api, Reply } from "../../helpers/http.js";
import { ADMIN_NAME, ADMIN_PASSWORD, useTestServer } from "../../helpers/server.js";
import { assertSameStore, snapshotStore } from "../../helpers/store-snapshot.js";
import { API, createWorkspace, registerComponent } from "../../helpers/stacks.js";

const CHOSEN = "attacker-chosen-passphrase-5521";

function refused(reply: Reply, what: string): void {
  assert.equal(reply.status, 403, `${what}: ${JSON.stringify(reply.body)}`);
  assert.equal(reply.body.detail[0], "IllegalOperationError", what);
  assert.equal(reply.body.activation_token, undefined, `${what} hands out no token`);
}

describeEachDialect("regression: a write holder cannot take over an admin", (dialect) => {
  const t = useTestServer({ dialect });
  const db = () => t.server.running.runtime.ctx.db.kysely;

  it("the whole takeover sequence fails at its first step, and writes nothing", async () => {
    const writer = await createActiveUser(t.server, t.admin, ["read", "write"]);
    const before = await snapshotStore(db());
    const deactivate = await writer.api.put(`${API}/users/${ADMIN_NAME}/deactivate`);
    refused(deactivate, "a new link for the admin");
    // Without the link, the rest of the sequence has nothing to work with.
    const admin = (await t.admin.get(`${API}/users/${ADMIN_NAME}`)).body;
    assert.equal((await activateUser(t.server.anon, admin.id, { activation_token: "0".repeat(64), password: CHOSEN })).status, 401);
    assert.equal((await t.server.attemptLogin(ADMIN_NAME, CHOSEN)).status, 401);
    assertSameStore(before, await snapshotStore(db()), "the refused takeover");
    assert.equal((await t.server.attemptLogin(ADMIN_NAME, ADMIN_PASSWORD)).status, 200, "the admin still logs in");
    assert.equal((await t.admin.get(`${API}/current-user`)).status, 200, "and its session lives on");
  });

  it("nor renames, re-addresses, deactivates or deletes another admin, nor inherits their stacks", async () => {
    const writer = await createActiveUser(t.server, t.admin, ["read", "write"]);
    const boss = await createActiveUser(t.server, t.admin);
    await assignRole(t.admin, boss.user.id, "admin");
    const ws = await createWorkspace(t.admin);
    const secret = await registerComponent({ api: boss.api, user: boss.user }, ws, { type: "alerter", shared: false });
    const before = await snapshotStore(db());
    const attempts: [string, Promise<Reply>][] = [
      ["rename", writer.api.put(`${API}/users/${boss.user.id}`, { name: uniqueName("pwned") })],
      ["new email", writer.api.put(`${API}/users/${boss.user.id}`, { email: "attacker@example.com" })],
      ["deactivate", writer.api.put(`${API}/users/${boss.user.id}`, { active: false })],
      ["new link", writer.api.put(`${API}/users/${boss.user.id}/deactivate`)],
      ["delete", writer.api.delete(`${API}/users/${boss.user.id}`)],
      ["delete, inheriting", writer.api.delete(`${API}/users/${boss.user.id}?transfer_to=${writer.user.id}`)],
    ];
    for (const [what, reply] of attempts) refused(await reply, what);
    assertSameStore(before, await snapshotStore(db()), "the refused attempts");
    assert.equal((await boss.api.get(`${API}/components/${secret.id}`)).status, 200, "the admin keeps its private component");
    assert.equal((await writer.api.get(`${API}/components/${secret.id}`)).status, 404, "which stays hidden from the writer");
  });

  it("nor changes an admin's roles or teams", async () => {
    const writer = await createActiveUser(t.server, t.admin, ["read", "write"]);
    const boss = await createActiveUser(t.server, t.admin);
    const adminRole = await assignRole(t.admin, boss.user.id, "admin");
    const reader = (await t.admin.post(`${API}/roles`, { name: uniqueName("reader"), permissions: ["read"] })).body;
    const readers = (await t.admin.post(`${API}/teams`, { name: uniqueName("readers") })).body;
    const withBoss = (await t.admin.post(`${API}/teams`, { name: uniqueName("crew"), users: [boss.user.id] })).body;
    const before = await snapshotStore(db());
    refused(await writer.api.delete(`${API}/role_assignments/${adminRole.id}`), "revoke the admin's admin role");
    refused(await writer.api.post(`${API}/role_assignments`, { user: boss.user.id, role: reader.id }), "assign the admin a role");
    refused(await writer.api.put(`${API}/teams/${readers.id}`, { users: [boss.user.id] }), "add the admin to a team");
    refused(await writer.api.put(`${API}/teams/${withBoss.id}`, { users: [] }), "remove the admin from a team");
    refused(await writer.api.delete(`${API}/teams/${withBoss.id}`), "delete the admin's team");
    refused(await writer.api.post(`${API}/team_role_assignments`, { team: withBoss.id, role: reader.id }), "give the admin's team a role");
    refused(await writer.api.post(`${API}/teams`, { name: uniqueName("new"), users: [boss.user.id] }), "put the admin in a new team");
    assertSameStore(before, await snapshotStore(db()), "the refused attempts");
  });

  it("nor takes a permission from an admin by editing a role they hold", async () => {
    const writer = await createActiveUser(t.server, t.admin, ["read", "write"]);
    const boss = await createActiveUser(t.server, t.admin);
    // An admin through two custom roles, one of which the writer could otherwise edit.
    const readWrite = (await t.admin.post(`${API}/roles`, { name: uniqueName("rw"), permissions: ["read", "write"] })).body;
    const me = (await t.admin.post(`${API}/roles`, { name: uniqueName("me"), permissions: ["me"] })).body;
    await assignRole(t.admin, boss.user.id, readWrite.id);
    await assignRole(t.admin, boss.user.id, me.id);
    refused(await writer.api.put(`${API}/roles/${readWrite.id}`, { permissions: ["read"] }), "strip write from the admin's role");
    assert.deepEqual((await t.admin.get(`${API}/roles/${readWrite.id}`)).body.permissions, ["read", "write"]);
    assert.equal(
      (await writer.api.put(`${API}/roles/${readWrite.id}`, { name: uniqueName("renamed") })).status,
      200,
      "a rename changes nobody",
    );
  });

  it("an admin who has not signed up yet, or was switched off, is protected the same", async () => {
    const writer = await createActiveUser(t.server, t.admin, ["read", "write"]);
    const invited = await createUser(t.admin);
    await assignRole(t.admin, invited.id, "admin");
    const switchedOff = await createActiveUser(t.server, t.admin);
    await assignRole(t.admin, switchedOff.user.id, "admin");
    assert.equal((await t.admin.put(`${API}/users/${switchedOff.user.id}`, { active: false })).status, 200);
    for (const target of [invited.id, switchedOff.user.id]) {
      refused(await writer.api.put(`${API}/users/${target}/deactivate`), "a new link for a dormant admin");
      refused(await writer.api.put(`${API}/users/${target}`, { active: true }), "reactivate a dormant admin");
    }
    const link = await activateUser(t.server.anon, invited.id, { activation_token: invited.activation_token, password: USER_PASSWORD });
    assert.equal(link.status, 200, "the invitation the admin sent still works");
  });

  it("a writer still manages those who hold no more than it does", async () => {
    const writer = await createActiveUser(t.server, t.admin, ["read", "write"]);
    const peer = await createActiveUser(t.server, t.admin, ["read", "write"]);
    const reader = await createActiveUser(t.server, t.admin, ["read"]);
    const team = (await writer.api.post(`${API}/teams`, { name: uniqueName("crew") })).body;
    assert.equal((await writer.api.put(`${API}/teams/${team.id}`, { users: [peer.user.id, reader.user.id] })).status, 200);
    assert.equal((await writer.api.put(`${API}/users/${reader.user.id}`, { full_name: "Read Only" })).status, 200);
    const relinked = await writer.api.put(`${API}/users/${peer.user.id}/deactivate`);
    assert.equal(relinked.status, 200);
    assert.match(relinked.body.activation_token, /^[0-9a-f]{64}$/);
    assert.equal((await writer.api.delete(`${API}/users/${reader.user.id}`)).status, 200);
  });

  it("a new link wipes the old password: no later `active: true` brings it back", async () => {
    const alice = await createActiveUser(t.server, t.admin, ["read", "me"]);
    await deactivateUser(t.admin, alice.user.id);
    assert.equal((await t.server.attemptLogin(alice.user.name, USER_PASSWORD)).status, 401);
    const back = await t.admin.put(`${API}/users/${alice.user.id}`, { active: true });
    assert.equal(back.status, 400, JSON.stringify(back.body));
    assert.equal((await t.server.attemptLogin(alice.user.name, USER_PASSWORD)).status, 401, "the old password is gone");
    const row = await db().selectFrom("users").select("password_hash").where("id", "=", alice.user.id).executeTakeFirstOrThrow();
    assert.equal(row.password_hash, null);
  });

  it("in a workspace, a workspace writer cannot touch an admin's assignments there", async () => {
    const ws = await createWorkspace(t.admin);
    const scopedWriter = await createActiveUser(t.server, t.admin);
    const rw = (await t.admin.post(`${API}/roles`, { name: uniqueName("rw"), permissions: ["read", "write"] })).body;
    assert.equal(
      (await t.admin.post(`${API}/role_assignments`, { user: scopedWriter.user.id, role: rw.id, workspace: ws.id })).status,
      200,
    );
    const boss = await createActiveUser(t.server, t.admin);
    await assignRole(t.admin, boss.user.id, "admin");
    const reader = (await t.admin.post(`${API}/roles`, { name: uniqueName("reader"), permissions: ["read"] })).body;
    const bossInWs = (await t.admin.post(`${API}/role_assignments`, { user: boss.user.id, role: reader.id, workspace: ws.id })).body;
    const plain = await createActiveUser(t.server, t.admin);
    refused(await scopedWriter.api.delete(`${API}/role_assignments/${bossInWs.id}`), "revoke the admin's workspace role");
    refused(
      await scopedWriter.api.post(`${API}/role_assignments`, { user: boss.user.id, role: rw.id, workspace: ws.id }),
      "grant to the admin",
    );
    const granted = await scopedWriter.api.post(`${API}/role_assignments`, { user: plain.user.id, role: rw.id, workspace: ws.id });
    assert.equal(granted.status, 200, "someone who holds nothing there is fair game");
  });
});

describeEachDialect("rule 9 in the abilities the dashboard reads", (dialect) => {
  const t = useTestServer({ dialect });

  async function abilitiesFor(api: Api, userId: string): Promise<Record<string, boolean>> {
    const reply = await api.get(`${API}/current-user/abilities`, { users: userId });
    assert.equal(reply.status, 200);
    return reply.body.users[userId];
  }

  it("a writer is offered nothing on an admin, everything on a peer; an admin everything on both", async () => {
    const writer = await createActiveUser(t.server, t.admin, ["read", "write"]);
    const peer = await createActiveUser(t.server, t.admin, ["read", "write"]);
    const boss = await createActiveUser(t.server, t.admin);
    await assignRole(t.admin, boss.user.id, "admin");
    const none = { edit_roles: false, deactivate: false, reactivate: false, new_link: false, unlock: false, delete: false };
    const all = { edit_roles: true, deactivate: true, reactivate: false, new_link: true, unlock: false, delete: true };
    assert.deepEqual(await abilitiesFor(writer.api, boss.user.id), none);
    assert.deepEqual(await abilitiesFor(writer.api, peer.user.id), all);
    assert.deepEqual(await abilitiesFor(t.admin, boss.user.id), all);
  });
});
