/**
 * The ownership and sharing matrix of SPEC §4 rule 4 (and §9: "private stacks readable or
 * deletable by id" was a ZenML hole), for stacks and components alike, over two workspaces:
 *
 * - alice owns a private and a shared one in each workspace; bob holds read+write everywhere;
 *   a guest reads everywhere; `scoped` reads and writes in the second workspace only;
 * - someone else's private resource answers exactly like a missing id (404, same body) on get,
 *   update, share and delete, and the store is unchanged after every refusal;
 * - a shared one is visible to every reader of its workspace; other writers may edit and delete
 *   it, only its owner renames, shares or unshares it (403);
 * - every list returns exactly the resources single gets allow.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { WireComponent, WireStack, WireWorkspace } from "../../src/server/presenters/wire.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { createActiveUser } from "../helpers/fixtures.js";
import type { Api, Body, Reply } from "../helpers/http.js";
import { useTestServer } from "../helpers/server.js";
import {
  API,
  callerOf,
  componentBody,
  createWorkspace,
  createWorkspaceUser,
  getWorkspace,
  listedIds,
  missingBody,
  registerComponent,
  registerStack,
  stackBody,
  type Caller,
} from "../helpers/stacks.js";
import { assertSameStore, snapshotStore } from "../helpers/store-snapshot.js";

type Kind = "stacks" | "components";
const KINDS: readonly Kind[] = ["stacks", "components"];
const TABLE = { stacks: "stack", components: "stack_component" } as const;

interface Owned {
  private: Record<string, WireStack | WireComponent>;
  shared: Record<string, WireStack | WireComponent>;
}

describeEachDialect("stacks and components: ownership and sharing", (dialect) => {
  const t = useTestServer({ dialect });
  let ws1: WireWorkspace;
  let ws2: WireWorkspace;
  let alice: Caller;
  let bob: Caller;
  let guest: Caller;
  let scoped: Caller;
  const owned = {} as Record<Kind, Owned>;

  const db = () => t.server.running.runtime.ctx.db.kysely;
  const path = (kind: Kind, id: string) => `${API}/${kind}/${id}`;

  before(async () => {
    ws1 = await getWorkspace(t.admin, "default");
    ws2 = await createWorkspace(t.admin);
    alice = await callerOf((await createActiveUser(t.server, t.admin, ["read", "write"])).api);
    bob = await callerOf((await createActiveUser(t.server, t.admin, ["read", "write"])).api);
    guest = await callerOf((await createActiveUser(t.server, t.admin, ["read"])).api);
    scoped = await callerOf((await createWorkspaceUser(t.server, t.admin, ws2, ["read", "write"])).api);
    owned.stacks = { private: {}, shared: {} };
    owned.components = { private: {}, shared: {} };
    for (const ws of [ws1, ws2]) {
      owned.stacks.private[ws.id] = await registerStack(alice, ws, { shared: false });
      owned.stacks.shared[ws.id] = await registerStack(alice, ws, { shared: true });
      owned.components.private[ws.id] = await registerComponent(alice, ws, { type: "alerter", shared: false });
      owned.components.shared[ws.id] = await registerComponent(alice, ws, { type: "alerter", shared: true });
    }
    // Bob has private things of his own that alice must never see.
    await registerStack(bob, ws1);
  });

  /** Asserts a 404 identical to a missing id's, and that the store did not change. */
  async function assertHidden(api: Api, kind: Kind, id: string, send: () => Promise<Reply>, what: string): Promise<void> {
    const expected = await missingBody(api, (x) => path(kind, x), id);
    const before = await snapshotStore(db());
    const reply = await send();
    assert.equal(reply.status, 404, `${what}: ${JSON.stringify(reply.body)}`);
    assert.deepEqual(reply.body, expected, what);
    assertSameStore(before, await snapshotStore(db()), what);
  }

  /** Asserts a refusal with this status and error name, and that the store did not change. */
  async function assertRefused(send: () => Promise<Reply>, status: number, detail: Body, what: string): Promise<void> {
    const before = await snapshotStore(db());
    const reply = await send();
    assert.equal(reply.status, status, `${what}: ${JSON.stringify(reply.body)}`);
    if (typeof detail === "string") assert.equal(reply.body.detail, detail, what);
    else assert.equal(reply.body.detail[0], detail[0], what);
    assertSameStore(before, await snapshotStore(db()), what);
  }

  const changeBody = (kind: Kind) => (kind === "stacks" ? { description: "changed" } : { configuration: { changed: true } });

  for (const kind of KINDS) {
    describe(kind, () => {
      it("each list shows exactly what single gets allow, and what the rules say", async () => {
        const actors = { alice, bob, guest, scoped, admin: await callerOf(t.admin) };
        for (const [name, actor] of Object.entries(actors)) {
          // The first lists make the caller's default stacks; the universe is read after them.
          await listedIds(actor.api, `${API}/${kind}`);
          for (const ws of [ws1, ws2]) await actor.api.get(`${API}/workspaces/${ws.id}/${kind}`);
          const all = (await db().selectFrom(TABLE[kind]).select("id").execute()).map((r) => r.id);
          const gettable: string[] = [];
          for (const id of all) {
            const reply = await actor.api.get(path(kind, id));
            assert.ok([200, 404].includes(reply.status), `${name} GET ${kind}/${id}: ${reply.status}`);
            if (reply.status === 200) gettable.push(id);
          }
          assert.deepEqual((await listedIds(actor.api, `${API}/${kind}`)).sort(), [...gettable].sort(), `${name}: GET /${kind}`);
          for (const ws of [ws1, ws2]) {
            const rows = await db().selectFrom(TABLE[kind]).select(["id", "workspace_id"]).execute();
            const expected = gettable.filter((id) => rows.find((r) => r.id === id)?.workspace_id === ws.id).sort();
            const route = await actor.api.get(`${API}/workspaces/${ws.id}/${kind}`, { size: "10000" });
            if (route.status === 404) assert.deepEqual(expected, [], `${name} cannot read ${ws.name} yet gets some of its ${kind}`);
            else assert.deepEqual((route.body.items as { id: string }[]).map((i) => i.id).sort(), expected, `${name}: ${ws.name} ${kind}`);
          }
        }
        // And what the rules say, for alice's resources.
        const sees = async (actor: Caller, id: string) => (await actor.api.get(path(kind, id))).status === 200;
        for (const ws of [ws1, ws2]) {
          const priv = owned[kind].private[ws.id]!.id;
          const shared = owned[kind].shared[ws.id]!.id;
          assert.deepEqual([await sees(alice, priv), await sees(alice, shared)], [true, true]);
          assert.deepEqual([await sees(bob, priv), await sees(bob, shared)], [false, true]);
          assert.deepEqual([await sees(guest, priv), await sees(guest, shared)], [false, true]);
          assert.deepEqual([await sees(scoped, priv), await sees(scoped, shared)], [false, ws.id === ws2.id]);
          assert.deepEqual([await sees(await callerOf(t.admin), priv)], [false], "admins do not see private resources either");
        }
      });

      it("someone else's private one does not exist: get, update, share, rename and delete answer 404", async () => {
        for (const ws of [ws1, ws2]) {
          const id = owned[kind].private[ws.id]!.id;
          for (const actor of [bob, await callerOf(t.admin)]) {
            await assertHidden(actor.api, kind, id, () => actor.api.get(path(kind, id)), `GET private ${kind}`);
            await assertHidden(actor.api, kind, id, () => actor.api.put(path(kind, id), changeBody(kind)), `PUT private ${kind}`);
            await assertHidden(actor.api, kind, id, () => actor.api.put(path(kind, id), { is_shared: true }), `share private ${kind}`);
            await assertHidden(actor.api, kind, id, () => actor.api.put(path(kind, id), { name: "mine-now" }), `rename private ${kind}`);
            await assertHidden(actor.api, kind, id, () => actor.api.delete(path(kind, id)), `DELETE private ${kind}`);
          }
          // A writer in the other workspace only: not even shared ones of a workspace it cannot read.
          if (ws.id === ws1.id) {
            const shared = owned[kind].shared[ws.id]!.id;
            await assertHidden(scoped.api, kind, shared, () => scoped.api.get(path(kind, shared)), `GET ${kind} outside scope`);
            await assertHidden(
              scoped.api,
              kind,
              shared,
              () => scoped.api.put(path(kind, shared), changeBody(kind)),
              `PUT ${kind} outside scope`,
            );
            await assertHidden(scoped.api, kind, shared, () => scoped.api.delete(path(kind, shared)), `DELETE ${kind} outside scope`);
          }
        }
      });

      it("a shared one: other writers edit it; only the owner renames, shares or unshares it", async () => {
        for (const ws of [ws1, ws2]) {
          const item = owned[kind].shared[ws.id]!;
          const editors = ws.id === ws2.id ? [bob, scoped] : [bob];
          for (const actor of editors) {
            const edited = await actor.api.put(path(kind, item.id), changeBody(kind));
            assert.equal(edited.status, 200, JSON.stringify(edited.body));
            assert.equal(edited.body.user.id, alice.user.id, "editing never changes the owner");
            const refusal = ["IllegalOperationError"];
            await assertRefused(() => actor.api.put(path(kind, item.id), { is_shared: false }), 403, refusal, "unshare by non-owner");
            await assertRefused(() => actor.api.put(path(kind, item.id), { name: "taken-over" }), 403, refusal, "rename by non-owner");
            // A body naming the caller as `user` (as ZenML's CLI sends) does not move ownership.
            const claim = await actor.api.put(path(kind, item.id), { user: actor.user.id, workspace: ws.id, is_shared: true });
            assert.equal(claim.status, 200, JSON.stringify(claim.body));
            assert.equal(claim.body.user.id, alice.user.id);
          }
        }
      });

      it("readers without write are refused every change, their own included (403), and nothing changes", async () => {
        const ownDefault = (await guest.api.get(`${API}/${kind}`, { name: "default" })).body.items[0];
        const targets = [owned[kind].shared[ws1.id]!.id, owned[kind].private[ws1.id]!.id, ownDefault.id];
        for (const id of targets) {
          await assertRefused(() => guest.api.put(path(kind, id), changeBody(kind)), 403, "Not enough permissions", `guest PUT ${kind}`);
          await assertRefused(() => guest.api.delete(path(kind, id)), 403, "Not enough permissions", `guest DELETE ${kind}`);
        }
        const body = kind === "stacks" ? { name: "x" } : componentBody(guest, ws1);
        await assertRefused(
          () => guest.api.post(`${API}/workspaces/${ws1.id}/${kind}`, body),
          403,
          "Not enough permissions",
          "guest create",
        );
      });

      it("creating as someone else or in another workspace than the route is refused (403)", async () => {
        const orchestrator = await registerComponent(alice, ws1, { type: "orchestrator" });
        const artifactStore = await registerComponent(alice, ws1, { type: "artifact_store" });
        const body =
          kind === "stacks" ? stackBody(alice, ws1, { orchestrator, artifactStore }) : componentBody(alice, ws1, { type: "alerter" });
        const post = (b: Body) => alice.api.post(`${API}/workspaces/${ws1.id}/${kind}`, b);
        const noun = kind === "stacks" ? "stacks" : "components";
        await assertRefused(() => post({ ...body, user: bob.user.id }), 403, ["IllegalOperationError"], "as bob");
        const asBob = await post({ ...body, user: bob.user.id });
        assert.equal(asBob.body.detail[1], `Creating ${noun} for a user other than yourself is not supported.`);
        await assertRefused(() => post({ ...body, workspace: ws2.id }), 403, ["IllegalOperationError"], "into ws2");
        const elsewhere = await post({ ...body, workspace: ws2.id });
        assert.equal(
          elsewhere.body.detail[1],
          `Creating ${noun} outside of the workspace scope of this endpoint \`${ws1.id}\` is not supported.`,
        );
        // A workspace the caller cannot read does not exist for it.
        const hidden = await scoped.api.post(`${API}/workspaces/${ws1.id}/${kind}`, { ...body, user: scoped.user.id });
        assert.equal(hidden.status, 404);
      });

      it("the owner does everything to its own, private or shared", async () => {
        const ws = ws2;
        // Shared components, so that the stack may be shared too.
        const orchestrator = await registerComponent(alice, ws, { type: "orchestrator", shared: true });
        const artifactStore = await registerComponent(alice, ws, { type: "artifact_store", shared: true });
        const mine =
          kind === "stacks"
            ? await registerStack(alice, ws, { orchestrator, artifactStore })
            : await registerComponent(alice, ws, { type: "alerter" });
        for (const change of [changeBody(kind), { name: `${mine.name}-renamed` }, { is_shared: true }, { is_shared: false }]) {
          const reply = await alice.api.put(path(kind, mine.id), change);
          assert.equal(reply.status, 200, `${JSON.stringify(change)}: ${JSON.stringify(reply.body)}`);
        }
        const got = (await alice.api.get(path(kind, mine.id))).body;
        assert.equal(got.name, `${mine.name}-renamed`);
        assert.equal(got.is_shared, false);
        assert.equal((await alice.api.delete(path(kind, mine.id))).status, 200);
        assert.equal((await alice.api.get(path(kind, mine.id))).status, 404);
      });

      it("other writers may delete a shared one they do not own", async () => {
        const theirs =
          kind === "stacks"
            ? await registerStack(alice, ws1, { shared: true })
            : await registerComponent(alice, ws1, { type: "alerter", shared: true });
        const reply = await bob.api.delete(path(kind, theirs.id));
        assert.equal(reply.status, 200, JSON.stringify(reply.body));
        assert.equal(reply.body, null);
        assert.equal((await alice.api.get(path(kind, theirs.id))).status, 404);
      });
    });
  }

  it("a list names no workspace the caller cannot read: no default stack is made there for it", async () => {
    const defaultsOf = async (userId: string) =>
      (await db().selectFrom("stack").select("workspace_id").where("user_id", "=", userId).where("name", "=", "default").execute()).map(
        (r) => r.workspace_id,
      );
    for (const kind of KINDS) {
      for (const query of [{}, { scope_workspace: ws1.id }, { workspace_id: ws1.id }] as Record<string, string>[]) {
        const reply = await scoped.api.get(`${API}/${kind}`, query);
        assert.equal(reply.status, 200, `${kind} ${JSON.stringify(query)}: ${JSON.stringify(reply.body)}`);
      }
    }
    assert.ok(!(await defaultsOf(scoped.user.id)).includes(ws1.id), "scoped cannot read ws1 (the default workspace)");
    await scoped.api.get(`${API}/stacks`, { scope_workspace: ws2.id });
    assert.ok((await defaultsOf(scoped.user.id)).includes(ws2.id), "where it reads, its default stack is made");
  });
});
