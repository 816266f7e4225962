/**
 * Concurrent requests keep the stack invariants (SPEC §10), on every dialect:
 * - a user's first requests, racing, make exactly one default stack;
 * - of equal creates exactly one succeeds, the others get the same 409 a later one would;
 * - sharing a stack while one of its components is being unshared never leaves a shared stack
 *   holding a private component; deleting a component while a stack is being built on it never
 *   leaves a stack holding a deleted one. Nobody gets a 500.
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { WireWorkspace } from "../../src/server/presenters/wire.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { createActiveUser, uniqueName } from "../helpers/fixtures.js";
import { describeReplies, race, raceSame, statusCounts } from "../helpers/race.js";
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

const RACERS = 8;
const TRIALS = 6;

describeEachDialect("stacks under concurrency", (dialect) => {
  const t = useTestServer({ dialect });
  let ws: WireWorkspace;
  let alice: Caller;

  const db = () => t.server.running.runtime.ctx.db.kysely;

  before(async () => {
    ws = await createWorkspace(t.admin);
    alice = await callerOf((await createActiveUser(t.server, t.admin, ["read", "write"])).api);
  });

  it("racing first requests make one default stack", async () => {
    const carol = await callerOf((await createActiveUser(t.server, t.admin, ["read"])).api);
    const replies = await race([
      ...Array.from({ length: RACERS / 2 }, () => () => carol.api.get(`${API}/workspaces/${ws.id}/stacks`)),
      ...Array.from({ length: RACERS / 2 }, () => () => carol.api.get(`${API}/components`, { scope_workspace: ws.id })),
    ]);
    assert.deepEqual(statusCounts(replies), { 200: RACERS }, describeReplies(replies));
    const stacks = await db().selectFrom("stack").select("name").where("user_id", "=", carol.user.id).execute();
    const components = await db()
      .selectFrom("stack_component")
      .select("type")
      .where("user_id", "=", carol.user.id)
      .orderBy("type")
      .execute();
    assert.deepEqual(stacks, [{ name: "default" }]);
    assert.deepEqual(components, [{ type: "artifact_store" }, { type: "orchestrator" }]);
  });

  it("equal stack and component creates: one 200, the rest ZenML's 409", async () => {
    const body = componentBody(alice, ws, { type: "orchestrator", name: uniqueName("orch") });
    const components = await raceSame(RACERS, () => alice.api.post(`${API}/workspaces/${ws.id}/components`, body));
    assert.deepEqual(statusCounts(components), { 200: 1, 409: RACERS - 1 }, describeReplies(components));
    const winner = components.find((r) => r.status === 200)!.body;
    for (const r of components.filter((x) => x.status === 409)) assert.equal(r.body.detail[0], "StackComponentExistsError");

    const artifactStore = await registerComponent(alice, ws, { type: "artifact_store" });
    const stack = stackBody(alice, ws, { name: uniqueName("stack"), orchestrator: winner, artifactStore });
    const stacks = await raceSame(RACERS, () => alice.api.post(`${API}/workspaces/${ws.id}/stacks`, stack));
    assert.deepEqual(statusCounts(stacks), { 200: 1, 409: RACERS - 1 }, describeReplies(stacks));
    const expected = `Unable to register stack with name '${stack.name}': Found an existing stack with the same name in the active workspace, '${ws.name}', owned by the same user, '${alice.user.name}'.`;
    for (const r of stacks.filter((x) => x.status === 409)) assert.deepEqual(r.body.detail, ["StackExistsError", expected]);
  });

  it("equal shared names from different owners: one wins", async () => {
    const name = uniqueName("shared");
    const racers: Caller[] = [];
    for (let i = 0; i < 4; i++) racers.push(await callerOf((await createActiveUser(t.server, t.admin, ["read", "write"])).api));
    const replies = await race(
      racers.map(
        (r) => () => r.api.post(`${API}/workspaces/${ws.id}/components`, componentBody(r, ws, { type: "alerter", name, shared: true })),
      ),
    );
    assert.deepEqual(statusCounts(replies), { 200: 1, 409: racers.length - 1 }, describeReplies(replies));
  });

  it("sharing a stack while unsharing its component never leaves a shared stack with a private component", async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const orchestrator = await registerComponent(alice, ws, { type: "orchestrator", shared: true });
      const artifactStore = await registerComponent(alice, ws, { type: "artifact_store", shared: true });
      const stack = await registerStack(alice, ws, { orchestrator, artifactStore });
      const replies = await race([
        () => alice.api.put(`${API}/stacks/${stack.id}`, { is_shared: true }),
        () => alice.api.put(`${API}/components/${orchestrator.id}`, { is_shared: false }),
      ]);
      for (const r of replies) assert.ok([200, 400, 403].includes(r.status), describeReplies(replies));
      const shared = (await alice.api.get(`${API}/stacks/${stack.id}`)).body.is_shared;
      const componentShared = (await alice.api.get(`${API}/components/${orchestrator.id}`)).body.is_shared;
      assert.ok(!shared || componentShared, `trial ${trial}: shared stack with a private component\n${describeReplies(replies)}`);
      assert.equal(replies.filter((r) => r.status === 200).length, 1, describeReplies(replies));
    }
  });

  it("deleting a component while a stack is built on it never leaves the stack holding nothing", async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const orchestrator = await registerComponent(alice, ws, { type: "orchestrator" });
      const artifactStore = await registerComponent(alice, ws, { type: "artifact_store" });
      const body = stackBody(alice, ws, { orchestrator, artifactStore });
      const [created, deleted] = await race([
        () => alice.api.post(`${API}/workspaces/${ws.id}/stacks`, body),
        () => alice.api.delete(`${API}/components/${orchestrator.id}`),
      ]);
      const outcome = `${created!.status}/${deleted!.status}`;
      // Either the stack came first (the delete is refused) or the delete did (the stack finds no component).
      assert.ok(["200/403", "404/200"].includes(outcome), `trial ${trial}: ${describeReplies([created!, deleted!])}`);
      if (created!.status === 200) {
        assert.equal((await alice.api.get(`${API}/stacks/${created!.body.id}`)).body.components.orchestrator[0].id, orchestrator.id);
      }
    }
  });
});
