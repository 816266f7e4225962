/**
 * SPEC §4 rule 8: deleting a user hands their stacks, components, pipelines and runs to the actor
 * who deletes them, or to `?transfer_to=`; nothing is orphaned. A transferred stack or component
 * whose name the heir already uses gets the old owner's name appended (`prod-alice`, then
 * `prod-alice-2`); the heir's own resources never change (services/ownership-transfer.ts).
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { WireComponent, WireStack, WireWorkspace } from "../../src/server/presenters/wire.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { createActiveUser, uniqueName } from "../helpers/fixtures.js";
import { holdInFlight } from "../helpers/in-flight.js";
import { expectStatus } from "../helpers/http.js";
import { useTestServer } from "../helpers/server.js";
import { API, callerOf, defaultStack, getWorkspace, registerComponent, registerStack, type Caller } from "../helpers/stacks.js";

describeEachDialect("stacks: transfer on user delete", (dialect) => {
  const t = useTestServer({ dialect });
  let ws: WireWorkspace;
  let admin: Caller;

  const db = () => t.server.running.runtime.ctx.db.kysely;

  before(async () => {
    ws = await getWorkspace(t.admin, "default");
    admin = await callerOf(t.admin);
  });

  async function pipelineAndRun(caller: Caller, stack: WireStack): Promise<{ pipeline: string; run: string }> {
    const common = { user: caller.user.id, workspace: ws.id };
    const pipeline = expectStatus(
      await caller.api.post(`${API}/workspaces/${ws.id}/pipelines`, {
        ...common,
        name: uniqueName("p"),
        version: "1",
        version_hash: "h",
        spec: {},
      }),
      200,
      "pipeline",
    ).body.id as string;
    const run = expectStatus(
      await caller.api.post(`${API}/workspaces/${ws.id}/runs`, {
        ...common,
        name: uniqueName("run"),
        status: "completed",
        pipeline,
        stack: stack.id,
      }),
      200,
      "run",
    ).body.id as string;
    return { pipeline, run };
  }

  const ownerOf = async (table: "stack" | "stack_component" | "pipeline" | "pipeline_run", id: string) =>
    (await db().selectFrom(table).select("user_id").where("id", "=", id).executeTakeFirstOrThrow()).user_id;

  it("to the deleting admin: everything moves, clashing names get the old owner's name appended", async () => {
    const alice = await callerOf((await createActiveUser(t.server, t.admin, ["read", "write"])).api);
    const prod = uniqueName("prod");
    const aliceDefault = await defaultStack(alice, ws);
    const aliceProd = await registerStack(alice, ws, { name: prod });
    const aliceTeam = await registerStack(alice, ws, { name: uniqueName("team"), shared: true });
    const made = await pipelineAndRun(alice, aliceProd);
    // The admin already has a default stack and a `prod`, and even `prod-alice`.
    const adminDefault = await defaultStack(admin, ws);
    const adminProd = await registerStack(admin, ws, { name: prod });
    await registerStack(admin, ws, { name: `${prod}-${alice.user.name}` });

    const reply = await t.admin.delete(`${API}/users/${alice.user.id}`);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));

    const mine = async (id: string) => expectStatus(await t.admin.get(`${API}/stacks/${id}`), 200, `admin gets ${id}`).body as WireStack;
    const movedDefault = await mine(aliceDefault.id);
    assert.equal(movedDefault.user?.id, admin.user.id);
    assert.equal(movedDefault.name, `default-${alice.user.name}`);
    for (const [type, [c]] of Object.entries(movedDefault.components)) {
      assert.equal((c as WireComponent).name, `default-${alice.user.name}`, type);
      assert.equal((c as WireComponent).user?.id, admin.user.id);
    }
    assert.equal((await mine(aliceProd.id)).name, `${prod}-${alice.user.name}-2`);
    const team = await mine(aliceTeam.id);
    assert.deepEqual([team.name, team.is_shared, team.user?.id], [aliceTeam.name, true, admin.user.id]);
    // The heir's own things are untouched, and its default is still the default.
    assert.equal((await mine(adminDefault.id)).name, "default");
    assert.equal((await mine(adminProd.id)).name, prod);
    assert.equal((await defaultStack(admin, ws)).id, adminDefault.id);
    assert.equal(await ownerOf("pipeline", made.pipeline), admin.user.id);
    assert.equal(await ownerOf("pipeline_run", made.run), admin.user.id);
    // The former default is an ordinary stack now: the heir may delete it.
    assert.equal((await t.admin.delete(`${API}/stacks/${aliceDefault.id}`)).status, 200);
  });

  it("to `?transfer_to=`: an heir without a default stack receives the old one as its default", async () => {
    const dave = await callerOf((await createActiveUser(t.server, t.admin, ["read", "write"])).api);
    const heir = await callerOf((await createActiveUser(t.server, t.admin, ["read", "write"])).api);
    const daveDefault = await defaultStack(dave, ws);
    const orchestrator = await registerComponent(dave, ws, { type: "orchestrator", shared: true });
    const reply = await t.admin.request("DELETE", `${API}/users/${dave.user.name}`, { query: { transfer_to: heir.user.name } });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    const heirDefault = await defaultStack(heir, ws);
    assert.equal(heirDefault.id, daveDefault.id);
    assert.equal(heirDefault.user?.id, heir.user.id);
    assert.equal(await ownerOf("stack_component", orchestrator.id), heir.user.id);
    // The admin received nothing of dave's.
    const adminStacks = await db().selectFrom("stack").select("id").where("user_id", "=", admin.user.id).execute();
    assert.ok(!adminStacks.some((s) => s.id === daveDefault.id));
  });

  it("nothing is left without an owner, and a failed delete moves nothing", async () => {
    const erin = await callerOf((await createActiveUser(t.server, t.admin, ["read", "write"])).api);
    const stack = await registerStack(erin, ws);
    // Transferring to the user being deleted is refused, and the refusal changes nothing.
    const refused = await t.admin.request("DELETE", `${API}/users/${erin.user.id}`, { query: { transfer_to: erin.user.id } });
    assert.equal(refused.status, 400);
    assert.equal(await ownerOf("stack", stack.id), erin.user.id);
    const missingHeir = await t.admin.request("DELETE", `${API}/users/${erin.user.id}`, { query: { transfer_to: "nobody-here" } });
    assert.equal(missingHeir.status, 404);
    assert.equal(await ownerOf("stack", stack.id), erin.user.id);
    assert.equal((await t.admin.delete(`${API}/users/${erin.user.id}`)).status, 200);
    for (const table of ["stack", "stack_component", "pipeline", "pipeline_run"] as const) {
      const orphans = await db()
        .selectFrom(table)
        .select("id")
        .where((eb) => eb.not(eb.exists(eb.selectFrom("users").select("users.id").whereRef("users.id", "=", `${table}.user_id`))))
        .execute();
      assert.deepEqual(orphans, [], table);
    }
  });

  it("two admins deleting each other at once: the loser, whose account is gone, gets 401, not a 500", async () => {
    const adminWithStack = async () => {
      const user = await createActiveUser(t.server, t.admin, ["read", "write", "me"]);
      return { ...user, stack: await registerStack(await callerOf(user.api), ws) };
    };
    const [a, b] = [await adminWithStack(), await adminWithStack()];
    // Both are authenticated as admins before either runs (helpers/in-flight.ts), as in a race.
    const held = [
      await holdInFlight(t.server.url, a.token, "DELETE", `${API}/users/${b.user.id}`),
      await holdInFlight(t.server.url, b.token, "DELETE", `${API}/users/${a.user.id}`),
    ];
    const replies = await Promise.all(held.map((h) => h.release()));
    const winner = replies.findIndex((r) => r.status === 200);
    const [survivor, gone] = winner === 0 ? [a, b] : [b, a];
    assert.deepEqual(
      replies.map((r) => [r.status, r.body]),
      winner === 0
        ? [
            [200, null],
            [401, { detail: "Invalid authentication credentials" }],
          ]
        : [
            [401, { detail: "Invalid authentication credentials" }],
            [200, null],
          ],
    );
    // The survivor keeps its own stack and received the other's.
    assert.equal(await ownerOf("stack", survivor.stack.id), survivor.user.id);
    assert.equal(await ownerOf("stack", gone.stack.id), survivor.user.id);
  });
});
