/**
 * Write in one workspace is write there only (SPEC §4 rules 1, 2): a user holding read and write
 * in workspace A and only read in workspace B changes nothing in B (its shared stacks and
 * components, its pipelines, its role assignments), and nothing global (roles), even where every
 * other check would pass: an empty role carries nothing they lack, a shared resource is one they
 * see. Nor does write in A delete A: workspaces are deleted by global writers. Each refusal is 403
 * "Not enough permissions" and changes nothing.
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { WireWorkspace } from "../../src/server/presenters/wire.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { createActiveUser, createRole, createUser, uniqueName } from "../helpers/fixtures.js";
import { expectStatus, type Reply } from "../helpers/http.js";
import { createPipeline, pipelineBody, runBody } from "../helpers/pipelines.js";
import { useTestServer } from "../helpers/server.js";
import {
  API,
  callerOf,
  componentBody,
  createWorkspace,
  registerComponent,
  registerStack,
  stackBody,
  type Caller,
} from "../helpers/stacks.js";

const refusedForWrite = (reply: Reply, what: string) =>
  assert.deepEqual([reply.status, reply.body], [403, { detail: "Not enough permissions" }], what);

describeEachDialect("write in one workspace is write there only", (dialect) => {
  const t = useTestServer({ dialect });
  let wsA: WireWorkspace;
  let wsB: WireWorkspace;
  let scoped: Caller;
  let owner: Caller;

  before(async () => {
    wsA = await createWorkspace(t.admin);
    wsB = await createWorkspace(t.admin);
    const user = await createActiveUser(t.server, t.admin);
    const [readWrite, read] = [await createRole(t.admin, ["read", "write"]), await createRole(t.admin, ["read"])];
    for (const [role, ws] of [
      [readWrite, wsA],
      [read, wsB],
    ] as const) {
      const body = { user: user.user.id, role: role.id, workspace: ws.id };
      expectStatus(await t.admin.post(`${API}/role_assignments`, body), 200, "assign");
    }
    scoped = await callerOf(user.api);
    owner = await callerOf((await createActiveUser(t.server, t.admin, ["read", "write"])).api);
  });

  it("no change to B's shared stacks and components", async () => {
    const stack = await registerStack(owner, wsB, { shared: true });
    const component = await registerComponent(owner, wsB, { type: "alerter", shared: true });
    for (const [kind, id, change] of [
      ["stacks", stack.id, { description: "x" }],
      ["components", component.id, { configuration: { x: 1 } }],
    ] as const) {
      expectStatus(await scoped.api.get(`${API}/${kind}/${id}`), 200, `${kind}: scoped sees it`);
      refusedForWrite(await scoped.api.put(`${API}/${kind}/${id}`, change), `update ${kind}`);
      refusedForWrite(await scoped.api.delete(`${API}/${kind}/${id}`), `delete ${kind}`);
      expectStatus(await owner.api.get(`${API}/${kind}/${id}`), 200, `${kind} still there`);
    }
  });

  it("no change to B's pipelines", async () => {
    const pipeline = await createPipeline(owner, wsB);
    refusedForWrite(await scoped.api.put(`${API}/pipelines/${pipeline.id}`, { docstring: "x" }), "update");
    refusedForWrite(await scoped.api.delete(`${API}/pipelines/${pipeline.id}`), "delete");
    assert.equal((await owner.api.get(`${API}/pipelines/${pipeline.id}`)).body.docstring, pipeline.docstring);
  });

  it("no role assignment in B, not even of a role carrying only what scoped reads there", async () => {
    const someone = await createUser(t.admin, {});
    const read = await createRole(t.admin, ["read"]);
    refusedForWrite(
      await scoped.api.post(`${API}/role_assignments`, { user: someone.id, role: read.id, workspace: wsB.id }),
      "assign in B",
    );
    expectStatus(
      await scoped.api.post(`${API}/role_assignments`, { user: someone.id, role: read.id, workspace: wsA.id }),
      200,
      "assign in A",
    );
    assert.equal((await t.admin.get(`${API}/users/${someone.id}/roles`)).body.total, 1);
  });

  it("nothing created in B, and B itself unchanged", async () => {
    const orchestrator = await registerComponent(owner, wsB, { type: "orchestrator", shared: true });
    const artifactStore = await registerComponent(owner, wsB, { type: "artifact_store", shared: true });
    for (const [what, path, body] of [
      ["stack", `${API}/workspaces/${wsB.id}/stacks`, stackBody(scoped, wsB, { orchestrator, artifactStore, shared: true })],
      ["component", `${API}/workspaces/${wsB.id}/components`, componentBody(scoped, wsB, { type: "alerter" })],
      ["pipeline", `${API}/workspaces/${wsB.id}/pipelines`, pipelineBody(scoped, wsB)],
      ["run", `${API}/workspaces/${wsB.id}/runs`, runBody(scoped, wsB)],
    ] as const) {
      refusedForWrite(await scoped.api.post(path, body), `create a ${what}`);
    }
    refusedForWrite(await scoped.api.put(`${API}/workspaces/${wsB.id}`, { description: "x" }), "update B");
  });

  it("a workspace is deleted by global writers only, not even A by its own", async () => {
    refusedForWrite(await scoped.api.delete(`${API}/workspaces/${wsA.id}`), "delete A");
    expectStatus(await t.admin.get(`${API}/workspaces/${wsA.id}`), 200, "A stays");
  });

  it("no role, not even an empty one: roles are global", async () => {
    const name = uniqueName("role");
    refusedForWrite(await scoped.api.post(`${API}/roles`, { name, permissions: [] }), "create");
    assert.equal((await t.admin.get(`${API}/roles/${name}`)).status, 404);
  });
});
