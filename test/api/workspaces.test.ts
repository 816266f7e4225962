/**
 * Deleting a workspace (SPEC §3): it is gone, and so are the role assignments scoped to it, so its
 * members hold nothing there any more; the default workspace stays. Global assignments are never
 * scoped to a workspace, so no deletion of one can take away an admin (rule 7).
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachDialect } from "../helpers/dialects.js";
import { expectStatus } from "../helpers/http.js";
import { useTestServer } from "../helpers/server.js";
import { API, createWorkspace, createWorkspaceUser } from "../helpers/stacks.js";

describeEachDialect("workspaces", (dialect) => {
  const t = useTestServer({ dialect });

  it("deleting one removes it with the assignments scoped to it", async () => {
    const ws = await createWorkspace(t.admin);
    const member = await createWorkspaceUser(t.server, t.admin, ws, ["read", "write", "me"]);
    expectStatus(await member.api.get(`${API}/workspaces/${ws.id}`), 200, "the member reads it");
    expectStatus(await t.admin.delete(`${API}/workspaces/${ws.id}`), 200, "delete");
    assert.equal((await t.admin.get(`${API}/workspaces/${ws.id}`)).status, 404);
    assert.equal((await t.admin.get(`${API}/users/${member.user.id}/roles`)).body.total, 0);
    assert.deepEqual((await member.api.get(`${API}/current-user/abilities`)).body.workspaces, {});
  });

  it("the default workspace is never deleted nor renamed", async () => {
    const reply = await t.admin.delete(`${API}/workspaces/default`);
    assert.deepEqual([reply.status, reply.body.detail], [403, ["IllegalOperationError", "The default workspace cannot be deleted."]]);
    const renamed = await t.admin.put(`${API}/workspaces/default`, { name: "main" });
    assert.deepEqual([renamed.status, renamed.body.detail], [403, ["IllegalOperationError", "The default workspace cannot be renamed."]]);
    expectStatus(await t.admin.get(`${API}/workspaces/default`), 200, "still there");
  });
});
