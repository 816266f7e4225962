/**
 * Pipelines and runs (SPEC §3, §4 rule 4): visible to every reader of their workspace, changed by
 * its writers; a run names only a stack its creator can see, and shows it only to those who can
 * see it too. And `GET /workspaces/{ws}/statistics`: numbers, counting only what the caller sees
 * (ZenML sent strings and counted everyone's private stacks).
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { before, describe, it } from "node:test";
import type { WireRun, WireWorkspace } from "../../src/server/presenters/wire.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { createActiveUser } from "../helpers/fixtures.js";
import { expectStatus } from "../helpers/http.js";
import { createPipeline, createRun, pipelineBody, runBody } from "../helpers/pipelines.js";
import { useTestServer } from "../helpers/server.js";
import {
  API,
  callerOf,
  createWorkspace,
  createWorkspaceUser,
  getWorkspace,
  listedIds,
  registerComponent,
  registerStack,
  type Caller,
} from "../helpers/stacks.js";

const PIPELINE_KEYS = [
  "id",
  "created",
  "updated",
  "user",
  "workspace",
  "name",
  "version",
  "version_hash",
  "docstring",
  "spec",
  "runs",
  "status",
];
const RUN_KEYS = [
  "id",
  "created",
  "updated",
  "user",
  "workspace",
  "name",
  "orchestrator_run_id",
  "schedule_id",
  "enable_cache",
  "enable_artifact_metadata",
  "start_time",
  "end_time",
  "status",
  "pipeline_configuration",
  "num_steps",
  "client_version",
  "server_version",
  "client_environment",
  "orchestrator_environment",
  "git_sha",
  "pipeline",
  "stack",
  "metadata",
  "build",
  "deployment",
];

describeEachDialect("pipelines, runs and statistics", (dialect) => {
  const t = useTestServer({ dialect });
  let ws1: WireWorkspace;
  let ws2: WireWorkspace;
  let alice: Caller;
  let bob: Caller;
  let guest: Caller;
  let scoped: Caller;

  before(async () => {
    ws1 = await getWorkspace(t.admin, "default");
    ws2 = await createWorkspace(t.admin);
    alice = await callerOf((await createActiveUser(t.server, t.admin, ["read", "write"])).api);
    bob = await callerOf((await createActiveUser(t.server, t.admin, ["read", "write"])).api);
    guest = await callerOf((await createActiveUser(t.server, t.admin, ["read"])).api);
    scoped = await callerOf((await createWorkspaceUser(t.server, t.admin, ws2, ["read", "write"])).api);
  });

  describe("pipelines", () => {
    it("create, get, list, update, delete, with ZenML's fields in order", async () => {
      const pipeline = await createPipeline(alice, ws1);
      assert.deepEqual(Object.keys(pipeline), PIPELINE_KEYS);
      assert.deepEqual([pipeline.user?.id, pipeline.user?.teams, pipeline.user?.roles], [alice.user.id, null, null]);
      assert.deepEqual(pipeline.spec, { version: "0.3", steps: [] });
      assert.deepEqual(pipeline.status, []);
      assert.deepEqual((await bob.api.get(`${API}/pipelines/${pipeline.id}`)).body, pipeline);
      assert.ok((await listedIds(guest.api, `${API}/pipelines`, { name: `equals:${pipeline.name}` })).includes(pipeline.id));
      const renamed = await bob.api.put(`${API}/pipelines/${pipeline.id}`, { docstring: "Evaluates." });
      assert.equal(renamed.status, 200);
      assert.deepEqual([renamed.body.docstring, renamed.body.user.id], ["Evaluates.", alice.user.id]);
      assert.equal((await bob.api.delete(`${API}/pipelines/${pipeline.id}`)).status, 200);
      assert.equal((await alice.api.get(`${API}/pipelines/${pipeline.id}`)).status, 404);
    });

    it("name and version are unique per workspace (409); another version or workspace is fine", async () => {
      const pipeline = await createPipeline(alice, ws1);
      const again = await bob.api.post(
        `${API}/workspaces/${ws1.id}/pipelines`,
        pipelineBody(bob, ws1, { name: pipeline.name.toUpperCase() }),
      );
      assert.equal(again.status, 409);
      assert.deepEqual(again.body.detail, [
        "EntityExistsError",
        "Unable to create pipeline in workspace 'default': A pipeline with this name and version already exists.",
      ]);
      await createPipeline(bob, ws1, { name: pipeline.name, version: "2" });
      await createPipeline(alice, ws2, { name: pipeline.name });
    });

    it("readers read, writers write, a workspace's outsiders see nothing of it", async () => {
      const pipeline = await createPipeline(alice, ws1);
      assert.equal((await guest.api.get(`${API}/pipelines/${pipeline.id}`)).status, 200);
      const denied = await guest.api.put(`${API}/pipelines/${pipeline.id}`, { docstring: "x" });
      assert.deepEqual([denied.status, denied.body.detail], [403, "Not enough permissions"]);
      assert.equal((await guest.api.delete(`${API}/pipelines/${pipeline.id}`)).status, 403);
      for (const send of [
        () => scoped.api.get(`${API}/pipelines/${pipeline.id}`),
        () => scoped.api.put(`${API}/pipelines/${pipeline.id}`, { docstring: "x" }),
        () => scoped.api.delete(`${API}/pipelines/${pipeline.id}`),
      ]) {
        const reply = await send();
        assert.equal(reply.status, 404);
        assert.deepEqual(reply.body.detail, [
          "KeyError",
          `Unable to get pipeline with ID '${pipeline.id}': no pipeline with this ID exists.`,
        ]);
      }
      assert.ok(!(await listedIds(scoped.api, `${API}/pipelines`)).includes(pipeline.id));
      assert.equal((await scoped.api.get(`${API}/workspaces/${ws1.id}/pipelines`)).status, 404);
      const forged = await alice.api.post(`${API}/workspaces/${ws1.id}/pipelines`, pipelineBody(bob, ws1));
      assert.deepEqual(forged.body.detail, [
        "IllegalOperationError",
        "Creating pipelines for a user other than yourself is not supported.",
      ]);
      const forgedRun = await alice.api.post(`${API}/workspaces/${ws1.id}/runs`, runBody(bob, ws1));
      assert.deepEqual(forgedRun.body.detail, [
        "IllegalOperationError",
        "Creating pipeline runs for a user other than yourself is not supported.",
      ]);
    });
  });

  describe("runs", () => {
    it("create with a pipeline and a stack; fields in ZenML's order; status and end time update", async () => {
      const pipeline = await createPipeline(alice, ws1);
      const stack = await registerStack(alice, ws1, { shared: true });
      const id = randomUUID();
      const run = await createRun(alice, ws1, { id, pipeline: pipeline.id, stack: stack.id, start_time: "2026-11-23T09:00:00+01:00" });
      assert.deepEqual(Object.keys(run), RUN_KEYS);
      assert.equal(run.id, id, "ZenML clients choose a run's id");
      assert.equal(run.start_time, "2026-11-23T08:00:00.000000", "times are stored in UTC");
      assert.deepEqual([run.pipeline?.id, run.stack?.id, run.status, run.num_steps], [pipeline.id, stack.id, "running", 3]);
      assert.deepEqual(run.client_environment, { python_version: "3.10.12" });
      const done = await bob.api.put(`${API}/runs/${run.id}`, { status: "completed", end_time: "2026-11-23T08:10:00.5" });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.deepEqual([done.body.status, done.body.end_time], ["completed", "2026-11-23T08:10:00.500000"]);
      assert.deepEqual((await alice.api.get(`${API}/pipelines/${pipeline.id}`)).body.status, ["completed"]);
      assert.deepEqual(await listedIds(guest.api, `${API}/runs`, { pipeline_id: pipeline.id }), [run.id]);
      const dup = await alice.api.post(`${API}/workspaces/${ws1.id}/runs`, runBody(alice, ws1, { name: run.name }));
      assert.deepEqual(dup.body.detail, [
        "EntityExistsError",
        `Unable to create pipeline run: A pipeline run with name '${run.name}' already exists.`,
      ]);
      for (const end_time of ["2026-02-30T08:00:00", "2026-11-31T08:00:00", "2026-11-23T24:00:00"]) {
        const impossible = await bob.api.put(`${API}/runs/${run.id}`, { end_time });
        assert.equal(impossible.status, 422, `${end_time}: ${JSON.stringify(impossible.body)}`);
        assert.match(String(impossible.body.detail[1]), /end_time.*must be a time/);
      }
      assert.equal(
        (await alice.api.get(`${API}/runs/${run.id}`)).body.end_time,
        "2026-11-23T08:10:00.500000",
        "an impossible time changes nothing",
      );
      const sameId = await alice.api.post(`${API}/workspaces/${ws1.id}/runs`, runBody(alice, ws1, { id }));
      assert.deepEqual(sameId.body.detail, [
        "EntityExistsError",
        `Unable to create pipeline run: A pipeline run with ID '${id}' already exists.`,
      ]);
    });

    it("a run shows its stack only to those who can see the stack", async () => {
      const stack = await registerStack(alice, ws1);
      const run = await createRun(alice, ws1, { stack: stack.id });
      assert.equal((await alice.api.get(`${API}/runs/${run.id}`)).body.stack.id, stack.id);
      const seenByBob = await bob.api.get(`${API}/runs/${run.id}`);
      assert.equal(seenByBob.status, 200);
      assert.equal(seenByBob.body.stack, null);
      const listed = (await bob.api.get(`${API}/runs`, { name: run.name })).body.items as WireRun[];
      assert.deepEqual(
        listed.map((r) => [r.id, r.stack]),
        [[run.id, null]],
      );
      // A stack hidden from him is null to his filters too (SPEC §4 rule 10).
      assert.deepEqual((await bob.api.get(`${API}/runs`, { stack_id: stack.id })).body.items, []);
      // Nor can anyone name someone else's private stack in a run of their own.
      const forged = await bob.api.post(`${API}/workspaces/${ws1.id}/runs`, runBody(bob, ws1, { stack: stack.id }));
      assert.equal(forged.status, 404);
    });

    it("a run names a pipeline its creator reads in the pipeline's own workspace; any other is no pipeline (404)", async () => {
      const own = await createPipeline(scoped, ws2);
      const run = await createRun(scoped, ws2, { pipeline: own.id });
      assert.equal(run.pipeline?.id, own.id);
      const elsewhere = await createPipeline(alice, ws1);
      const refused = await scoped.api.post(`${API}/workspaces/${ws2.id}/runs`, runBody(scoped, ws2, { pipeline: elsewhere.id }));
      assert.deepEqual(
        [refused.status, refused.body.detail],
        [404, ["KeyError", `Unable to get pipeline with ID '${elsewhere.id}': no pipeline with this ID exists.`]],
      );
    });

    it("runs outlive their pipeline and stack; builds and deployments do not exist here", async () => {
      const pipeline = await createPipeline(alice, ws1);
      const orchestrator = await registerComponent(alice, ws1, { type: "orchestrator" });
      const artifactStore = await registerComponent(alice, ws1, { type: "artifact_store" });
      const stack = await registerStack(alice, ws1, { orchestrator, artifactStore });
      const run = await createRun(alice, ws1, { pipeline: pipeline.id, stack: stack.id });
      assert.equal((await alice.api.delete(`${API}/pipelines/${pipeline.id}`)).status, 200);
      assert.equal((await alice.api.delete(`${API}/stacks/${stack.id}`)).status, 200);
      const after = (await alice.api.get(`${API}/runs/${run.id}`)).body as WireRun;
      assert.deepEqual([after.pipeline, after.stack], [null, null]);
      const build = await alice.api.post(`${API}/workspaces/${ws1.id}/runs`, runBody(alice, ws1, { build: randomUUID() }));
      assert.equal(build.status, 404);
      const bad = await alice.api.post(`${API}/workspaces/${ws1.id}/runs`, runBody(alice, ws1, { status: "exploded" }));
      assert.equal(bad.status, 422);
      assert.equal((await guest.api.delete(`${API}/runs/${run.id}`)).status, 403);
      assert.equal((await bob.api.delete(`${API}/runs/${run.id}`)).status, 200);
    });
  });

  it("statistics are numbers counting only what the caller can see", async () => {
    const ws = await createWorkspace(t.admin);
    await registerStack(alice, ws);
    await registerStack(alice, ws, { shared: true });
    const pipeline = await createPipeline(alice, ws);
    await createRun(alice, ws, { pipeline: pipeline.id });
    const stats = async (caller: Caller) =>
      expectStatus(await caller.api.get(`${API}/workspaces/${ws.name}/statistics`), 200, "statistics").body;
    // Alice: her default, private and shared stacks, with two components each.
    assert.deepEqual(await stats(alice), { stacks: 3, components: 6, pipelines: 1, runs: 1 });
    // Bob: his own default stack and alice's shared one; never alice's private ones.
    assert.deepEqual(await stats(bob), { stacks: 2, components: 4, pipelines: 1, runs: 1 });
    const outsider = await scoped.api.get(`${API}/workspaces/${ws.id}/statistics`);
    assert.equal(outsider.status, 404);
  });
});
