/**
 * The rules of stacks and components beyond who may see them (SPEC §4 rule 4, §6): a shared stack
 * holds only shared components, checked by the server on create, update and share (ZenML left
 * that to its Python client); names unique per owner, and per workspace among shared ones, with
 * ZenML's 409 messages; every user's lazily made `default` stack and its components stay as they
 * are; a component in a stack is not deleted; filters the ZenML CLI sends.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { before, describe, it } from "node:test";
import type { WireComponent, WireStack, WireWorkspace } from "../../src/server/presenters/wire.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { createActiveUser, uniqueName } from "../helpers/fixtures.js";
import type { Body, Reply } from "../helpers/http.js";
import { useTestServer } from "../helpers/server.js";
import {
  API,
  callerOf,
  createWorkspace,
  defaultStack,
  getWorkspace,
  listedIds,
  registerComponent,
  registerStack,
  stackBody,
  type Caller,
} from "../helpers/stacks.js";
import { assertSameStore, snapshotStore } from "../helpers/store-snapshot.js";

describeEachDialect("stacks and components: rules", (dialect) => {
  const t = useTestServer({ dialect });
  let ws1: WireWorkspace;
  let ws2: WireWorkspace;
  let alice: Caller;
  let bob: Caller;

  const db = () => t.server.running.runtime.ctx.db.kysely;

  before(async () => {
    ws1 = await getWorkspace(t.admin, "default");
    ws2 = await createWorkspace(t.admin);
    alice = await callerOf((await createActiveUser(t.server, t.admin, ["read", "write"])).api);
    bob = await callerOf((await createActiveUser(t.server, t.admin, ["read", "write"])).api);
  });

  /** The reply, after asserting its status and error and that the store did not change. */
  async function refused(send: () => Promise<Reply>, status: number, name: string, what: string): Promise<Body> {
    const before = await snapshotStore(db());
    const reply = await send();
    assert.equal(reply.status, status, `${what}: ${JSON.stringify(reply.body)}`);
    assert.equal(reply.body.detail[0], name, what);
    assertSameStore(before, await snapshotStore(db()), what);
    return reply.body.detail[1];
  }

  const put = (caller: Caller, kind: "stacks" | "components", id: string, body: Body) => caller.api.put(`${API}/${kind}/${id}`, body);

  describe("a shared stack holds only shared components", () => {
    let orchestrator: WireComponent;
    let artifactStore: WireComponent;
    before(async () => {
      orchestrator = await registerComponent(alice, ws1, { type: "orchestrator" });
      artifactStore = await registerComponent(alice, ws1, { type: "artifact_store", shared: true });
    });

    it("creating a shared stack with a private component: 400 with ZenML's client message", async () => {
      const body = stackBody(alice, ws1, { orchestrator, artifactStore, shared: true });
      const message = await refused(() => alice.api.post(`${API}/workspaces/${ws1.id}/stacks`, body), 400, "ValueError", "create shared");
      assert.equal(
        message,
        `You attempted to include the private orchestrator '${orchestrator.name}' in a shared stack. This is not supported. You can either share the orchestrator with the following command:\n\`zenml orchestrator share\`${orchestrator.id}\`\nor create the stack privately and then share it and all of its components using:\n\`zenml stack share ${body.name} -r\``,
      );
    });

    it("sharing a stack that holds a private component: 400 until the component is shared", async () => {
      const stack = await registerStack(alice, ws1, { orchestrator, artifactStore });
      const message = await refused(() => put(alice, "stacks", stack.id, { is_shared: true }), 400, "ValueError", "share");
      assert.match(message, /^A Stack can only be shared when all its components are also shared\. Component 'orchestrator:/);
      const own = await registerComponent(alice, ws1, { type: "orchestrator", shared: false });
      const shared = await registerComponent(alice, ws1, { type: "orchestrator", shared: true });
      assert.equal(
        (await put(alice, "stacks", stack.id, { components: { orchestrator: [shared.id], artifact_store: [artifactStore.id] } })).status,
        200,
      );
      assert.equal((await put(alice, "stacks", stack.id, { is_shared: true })).status, 200);
      // Shared now: swapping in a private component is refused too.
      await refused(
        () => put(alice, "stacks", stack.id, { components: { orchestrator: [own.id], artifact_store: [artifactStore.id] } }),
        400,
        "ValueError",
        "private component into a shared stack",
      );
    });

    it("a component in a shared stack, or in another user's stack, cannot be unshared (403)", async () => {
      const orch = await registerComponent(alice, ws1, { type: "orchestrator", shared: true });
      const art = await registerComponent(alice, ws1, { type: "artifact_store", shared: true });
      const stack = await registerStack(alice, ws1, { orchestrator: orch, artifactStore: art, shared: true });
      const message = await refused(() => put(alice, "components", orch.id, { is_shared: false }), 403, "IllegalOperationError", "unshare");
      assert.match(message, /cannot be unshared as it is part of 1 stacks/);
      // Bob's private stack built on alice's shared artifact store holds it too.
      await put(alice, "stacks", stack.id, { is_shared: false });
      await registerStack(bob, ws1, { artifactStore: art });
      await refused(() => put(alice, "components", art.id, { is_shared: false }), 403, "IllegalOperationError", "unshare under bob");
      // Anything short of unsharing is no unsharing: the held component may still be edited.
      for (const change of [{ configuration: { retries: 3 } }, { name: uniqueName("renamed") }, { is_shared: true }]) {
        assert.equal((await put(alice, "components", art.id, change)).status, 200, JSON.stringify(change));
      }
      // Held only by its owner's private stack: unsharing is fine.
      assert.equal((await put(alice, "components", orch.id, { is_shared: false })).status, 200);
    });

    it("a stack's components: required types, matching types, one workspace, visible ones only", async () => {
      const post = (components: Body) =>
        alice.api.post(`${API}/workspaces/${ws1.id}/stacks`, { ...stackBody(alice, ws1, { orchestrator, artifactStore }), components });
      const onlyOrchestrator = await refused(() => post({ orchestrator: [orchestrator.id] }), 400, "ValueError", "no artifact store");
      assert.match(onlyOrchestrator, /artifact_store/);
      await refused(() => post({ orchestrator: [artifactStore.id], artifact_store: [artifactStore.id] }), 400, "ValueError", "wrong type");
      const elsewhere = await registerComponent(alice, ws2, { type: "orchestrator" });
      await refused(() => post({ orchestrator: [elsewhere.id], artifact_store: [artifactStore.id] }), 400, "ValueError", "other ws");
      const bobs = await registerComponent(bob, ws1, { type: "orchestrator" });
      await refused(() => post({ orchestrator: [bobs.id], artifact_store: [artifactStore.id] }), 404, "KeyError", "bob's private");
      await refused(() => post({ orchestrator: [randomUUID()], artifact_store: [artifactStore.id] }), 404, "KeyError", "missing");
      await refused(
        () => post({ orchestrator: [orchestrator.id, orchestrator.id], artifact_store: [artifactStore.id] }),
        422,
        "ValidationError",
        "two",
      );
      await refused(
        () => post({ orchestrator: [orchestrator.id], artifact_store: [artifactStore.id], quantum: [] }),
        422,
        "ValidationError",
        "type",
      );
    });
  });

  describe("names", () => {
    it("a stack name is unique per owner and workspace, case-insensitively (409 StackExistsError)", async () => {
      const name = uniqueName("Stack");
      const stack = await registerStack(alice, ws1, { name });
      const again = await registerComponent(alice, ws1, { type: "orchestrator" });
      const store = await registerComponent(alice, ws1, { type: "artifact_store" });
      const message = await refused(
        () =>
          alice.api.post(
            `${API}/workspaces/${ws1.id}/stacks`,
            stackBody(alice, ws1, { name: name.toLowerCase(), orchestrator: again, artifactStore: store }),
          ),
        409,
        "StackExistsError",
        "duplicate",
      );
      assert.equal(
        message,
        `Unable to register stack with name '${name.toLowerCase()}': Found an existing stack with the same name in the active workspace, 'default', owned by the same user, '${alice.user.name}'.`,
      );
      // Another owner, or another workspace: free.
      await registerStack(bob, ws1, { name });
      await registerStack(alice, ws2, { name });
      // Renaming onto it clashes the same way.
      const other = await registerStack(alice, ws1);
      await refused(() => put(alice, "stacks", other.id, { name }), 409, "StackExistsError", "rename");
      assert.equal(stack.name, name);
    });

    it("a shared stack name is unique per workspace (409 with ZenML's share message)", async () => {
      const name = uniqueName("team-stack");
      const orch = await registerComponent(alice, ws1, { type: "orchestrator", shared: true });
      const art = await registerComponent(alice, ws1, { type: "artifact_store", shared: true });
      await registerStack(alice, ws1, { name, orchestrator: orch, artifactStore: art, shared: true });
      const body = stackBody(bob, ws1, { name, orchestrator: orch, artifactStore: art, shared: true });
      const message = await refused(() => bob.api.post(`${API}/workspaces/${ws1.id}/stacks`, body), 409, "StackExistsError", "shared dup");
      assert.equal(
        message,
        `Unable to share stack with name '${name}': Found an existing shared stack with the same name in workspace 'default' owned by '${alice.user.name}'.`,
      );
      // Bob may keep a private one with that name, but not share it.
      const mine = await registerStack(bob, ws1, { name, orchestrator: orch, artifactStore: art });
      await refused(() => put(bob, "stacks", mine.id, { is_shared: true }), 409, "StackExistsError", "share dup");
    });

    it("a component name is unique per owner, type and workspace; shared ones per type and workspace", async () => {
      const name = uniqueName("orch");
      await registerComponent(alice, ws1, { type: "orchestrator", name });
      const message = await refused(
        () =>
          alice.api.post(`${API}/workspaces/${ws1.id}/components`, {
            name,
            type: "orchestrator",
            flavor: "local",
            configuration: {},
            user: alice.user.id,
            workspace: ws1.id,
            is_shared: false,
          }),
        409,
        "StackComponentExistsError",
        "duplicate component",
      );
      assert.equal(
        message,
        `Unable to register 'orchestrator' component with name '${name}': Found an existing component with the same name and type in the same  workspace, 'default', owned by the same user, '${alice.user.name}'.`,
      );
      await registerComponent(alice, ws1, { type: "artifact_store", name });
      await registerComponent(bob, ws1, { type: "orchestrator", name });
      const shared = uniqueName("shared-orch");
      await registerComponent(alice, ws1, { type: "orchestrator", name: shared, shared: true });
      const bobs = await registerComponent(bob, ws1, { type: "orchestrator", name: shared });
      const clash = await refused(() => put(bob, "components", bobs.id, { is_shared: true }), 409, "StackComponentExistsError", "share");
      assert.match(clash, /Found an existing shared component with the same name and type in workspace 'default'/);
    });
  });

  describe("default stacks", () => {
    it("every user gets a private default stack per workspace when first needed, with local components", async () => {
      const carol = await callerOf((await createActiveUser(t.server, t.admin, ["read"])).api);
      const owned = () => db().selectFrom("stack").select("workspace_id").where("user_id", "=", carol.user.id).execute();
      assert.deepEqual(await owned(), [], "nothing before the first use");
      for (const ws of [ws1, ws2]) {
        const stack = await defaultStack(carol, ws);
        assert.equal(stack.is_shared, false);
        assert.equal(stack.user?.id, carol.user.id);
        assert.deepEqual(Object.keys(stack.components), ["artifact_store", "orchestrator"]);
        for (const [type, [component]] of Object.entries(stack.components)) {
          assert.deepEqual([component?.name, component?.type, component?.flavor, component?.is_shared], ["default", type, "local", false]);
        }
      }
      assert.equal((await owned()).length, 2);
      // Asking again makes nothing new.
      await defaultStack(carol, ws1);
      assert.equal((await owned()).length, 2);
    });

    it("the default stack and its components cannot be changed or deleted (403)", async () => {
      const stack = await defaultStack(alice, ws1);
      const modify = await refused(() => put(alice, "stacks", stack.id, { description: "mine" }), 403, "IllegalOperationError", "update");
      assert.equal(modify, "The default stack cannot be modified.");
      await refused(() => put(alice, "stacks", stack.id, { is_shared: true }), 403, "IllegalOperationError", "share");
      const remove = await refused(() => alice.api.delete(`${API}/stacks/${stack.id}`), 403, "IllegalOperationError", "delete");
      assert.equal(remove, "The default stack cannot be deleted.");
      for (const [type, [component]] of Object.entries(stack.components)) {
        const id = (component as WireComponent).id;
        const m = await refused(() => put(alice, "components", id, { configuration: { x: 1 } }), 403, "IllegalOperationError", type);
        assert.equal(m, `The default ${type} cannot be modified.`);
        const d = await refused(() => alice.api.delete(`${API}/components/${id}`), 403, "IllegalOperationError", type);
        assert.equal(d, `The default ${type} cannot be deleted.`);
      }
    });

    it("no second stack is called default, by creation or by rename; a `default` alerter is ordinary", async () => {
      const orch = await registerComponent(bob, ws2, { type: "orchestrator" });
      const art = await registerComponent(bob, ws2, { type: "artifact_store" });
      const body = stackBody(bob, ws2, { name: "Default", orchestrator: orch, artifactStore: art });
      await refused(() => bob.api.post(`${API}/workspaces/${ws2.id}/stacks`, body), 409, "StackExistsError", "create default");
      const stack = await registerStack(bob, ws2, { orchestrator: orch, artifactStore: art });
      await refused(() => put(bob, "stacks", stack.id, { name: "default" }), 409, "StackExistsError", "rename to default");
      const alerter = await registerComponent(bob, ws2, { type: "alerter", name: "default" });
      assert.equal((await put(bob, "components", alerter.id, { configuration: { channel: "x" } })).status, 200);
      assert.equal((await bob.api.delete(`${API}/components/${alerter.id}`)).status, 200);
    });
  });

  it("a component in a stack cannot be deleted (403, ZenML's message); after the stack goes, it can", async () => {
    const stack: WireStack = await registerStack(alice, ws2);
    const orchestrator = stack.components.orchestrator?.[0] as WireComponent;
    const message = await refused(() => alice.api.delete(`${API}/components/${orchestrator.id}`), 403, "IllegalOperationError", "in use");
    assert.equal(
      message,
      `Stack Component \`${orchestrator.name}\` of type \`orchestrator cannot be deleted as it is part of 1 stacks. Before deleting this stack component, make sure to remove it from all stacks.`,
    );
    assert.equal((await alice.api.delete(`${API}/stacks/${stack.id}`)).status, 200);
    assert.equal((await alice.api.delete(`${API}/components/${orchestrator.id}`)).status, 200);
  });

  it("filters: component_id, scope_type, is_shared=True, name=equals:, scope_workspace", async () => {
    const stack = await registerStack(alice, ws2);
    const orchestrator = stack.components.orchestrator?.[0] as WireComponent;
    assert.deepEqual(await listedIds(alice.api, `${API}/stacks`, { component_id: orchestrator.id }), [stack.id]);
    const byType = await alice.api.get(`${API}/components`, {
      scope_workspace: ws2.id,
      scope_type: "orchestrator",
      name: `equals:${orchestrator.name}`,
    });
    assert.deepEqual(
      byType.body.items.map((c: WireComponent) => c.id),
      [orchestrator.id],
    );
    const none = await alice.api.get(`${API}/components`, { scope_type: "artifact_store", name: `equals:${orchestrator.name}` });
    assert.equal(none.body.total, 0);
    const shared = await alice.api.get(`${API}/stacks`, { scope_workspace: ws2.id, is_shared: "True", name: stack.name });
    assert.equal(shared.body.total, 0);
    const inWs1 = await alice.api.get(`${API}/stacks`, { scope_workspace: ws1.id, name: stack.name });
    assert.equal(inWs1.body.total, 0);
    const bad = await alice.api.get(`${API}/stacks`, { scope_workspace: "not-a-uuid" });
    assert.equal(bad.status, 422);
    const badType = await alice.api.get(`${API}/components`, { scope_type: "quantum" });
    assert.equal(badType.status, 422);
  });
});
