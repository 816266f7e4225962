/**
 * An update never moves a resource (SPEC §9, as §4 rule 5 says for creates): a `user` or
 * `workspace` in the PUT body of a stack, component or pipeline naming another owner or workspace
 * than the resource's is refused with 403 and changes nothing, where it used to be silently
 * ignored. Repeating the resource's own, or naming the caller as `user` (ZenML clients send the
 * active user there), is accepted. A run update takes neither field at all.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { before, it } from "node:test";
import type { WireWorkspace } from "../../src/server/presenters/wire.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { createActiveUser } from "../helpers/fixtures.js";
import type { Body } from "../helpers/http.js";
import { createPipeline, createRun } from "../helpers/pipelines.js";
import { useTestServer } from "../helpers/server.js";
import { API, callerOf, createWorkspace, getWorkspace, registerComponent, registerStack, type Caller } from "../helpers/stacks.js";
import { assertSameStore, snapshotStore } from "../helpers/store-snapshot.js";

interface Target {
  kind: string;
  path: string;
  /** A change any writer may make, to see whether the update went through. */
  change: () => Body;
  /** The changed field as the resource's GET shows it. */
  changed: (body: Body) => unknown;
}

describeEachDialect("update bodies naming an owner or a workspace", (dialect) => {
  const t = useTestServer({ dialect });
  let ws: WireWorkspace;
  let elsewhere: WireWorkspace;
  let alice: Caller;
  let bob: Caller;
  const targets: Target[] = [];

  before(async () => {
    ws = await getWorkspace(t.admin, "default");
    elsewhere = await createWorkspace(t.admin);
    alice = await callerOf((await createActiveUser(t.server, t.admin, ["read", "write"])).api);
    bob = await callerOf((await createActiveUser(t.server, t.admin, ["read", "write"])).api);
    const stack = await registerStack(alice, ws, { shared: true });
    const component = await registerComponent(alice, ws, { type: "alerter", shared: true });
    const pipeline = await createPipeline(alice, ws);
    targets.push(
      {
        kind: "stack",
        path: `${API}/stacks/${stack.id}`,
        change: () => ({ description: randomUUID() }),
        changed: (b) => b.description,
      },
      {
        kind: "component",
        path: `${API}/components/${component.id}`,
        change: () => ({ configuration: { mark: randomUUID() } }),
        changed: (b) => b.configuration.mark,
      },
      {
        kind: "pipeline",
        path: `${API}/pipelines/${pipeline.id}`,
        change: () => ({ docstring: randomUUID() }),
        changed: (b) => b.docstring,
      },
    );
  });

  it("another workspace or another owner is a 403, and nothing changes", async () => {
    const db = t.server.running.runtime.ctx.db.kysely;
    const stored = await snapshotStore(db);
    for (const target of targets) {
      const refusals: [string, Caller, Body][] = [
        ["another workspace", alice, { workspace: elsewhere.id }],
        ["another workspace, with the owner", alice, { user: alice.user.id, workspace: elsewhere.id }],
        ["a third user, by the owner", alice, { user: bob.user.id }],
        ["the third user's own id, by the owner", alice, { user: bob.user.id.toUpperCase(), workspace: ws.id }],
        ["a user that does not exist", alice, { user: randomUUID() }],
        ["someone other than owner and caller, by a non-owner", bob, { user: t.server.running.runtime.defaultUserId }],
      ];
      for (const [what, caller, placement] of refusals) {
        const reply = await caller.api.put(target.path, { ...target.change(), ...placement });
        assert.equal(reply.status, 403, `${target.kind}, ${what}: ${JSON.stringify(reply.body)}`);
        assert.equal(reply.body.detail[0], "IllegalOperationError", `${target.kind}, ${what}`);
      }
    }
    assertSameStore(stored, await snapshotStore(db), "updates naming another owner or workspace");
  });

  it("the resource's own owner and workspace, or the caller as user, are accepted and change neither", async () => {
    for (const target of targets) {
      const accepted: [string, Caller, Body][] = [
        ["the owner and the workspace", alice, { user: alice.user.id, workspace: ws.id }],
        ["in capitals", alice, { user: alice.user.id.toUpperCase(), workspace: ws.id.toUpperCase() }],
        ["a non-owner naming the owner", bob, { user: alice.user.id, workspace: ws.id }],
        ["a non-owner naming itself, as ZenML clients do", bob, { user: bob.user.id, workspace: ws.id }],
      ];
      for (const [what, caller, placement] of accepted) {
        const change = target.change();
        const reply = await caller.api.put(target.path, { ...change, ...placement });
        assert.equal(reply.status, 200, `${target.kind}, ${what}: ${JSON.stringify(reply.body)}`);
        const now = (await alice.api.get(target.path)).body;
        assert.equal(target.changed(now), target.changed(change), `${target.kind}, ${what}: the change went through`);
        assert.deepEqual([now.user.id, now.workspace.id], [alice.user.id, ws.id], `${target.kind}, ${what}: nothing moved`);
      }
    }
  });

  it("a run update takes neither field (ZenML's run update has none): 422, and nothing changes", async () => {
    const run = await createRun(alice, ws);
    for (const placement of [{ user: bob.user.id }, { workspace: elsewhere.id }, { user: alice.user.id, workspace: ws.id }]) {
      const reply = await alice.api.put(`${API}/runs/${run.id}`, { status: "completed", ...placement });
      assert.equal(reply.status, 422, JSON.stringify(reply.body));
    }
    assert.equal((await alice.api.get(`${API}/runs/${run.id}`)).body.status, run.status);
  });
});
