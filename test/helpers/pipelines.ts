/**
 * Builds pipelines and runs through the API the way a ZenML client does: bodies repeat the caller's
 * `user` and the route's `workspace` ids.
 */
import type { WirePipeline, WireRun, WireWorkspace } from "../../src/server/presenters/wire.js";
import { uniqueName } from "./fixtures.js";
import { expectStatus, type Body } from "./http.js";
import { API, type Caller } from "./stacks.js";

export const pipelineBody = (caller: Caller, ws: WireWorkspace, extra: Body = {}) => ({
  user: caller.user.id,
  workspace: ws.id,
  name: uniqueName("pipeline"),
  version: "1",
  version_hash: "5f1c0d",
  docstring: "Trains the model.",
  spec: { version: "0.3", steps: [] },
  ...extra,
});

export async function createPipeline(caller: Caller, ws: WireWorkspace, extra: Body = {}): Promise<WirePipeline> {
  const reply = await caller.api.post(`${API}/workspaces/${ws.id}/pipelines`, pipelineBody(caller, ws, extra));
  return expectStatus(reply, 200, "create pipeline").body as WirePipeline;
}

export const runBody = (caller: Caller, ws: WireWorkspace, extra: Body = {}) => ({
  user: caller.user.id,
  workspace: ws.id,
  name: uniqueName("run"),
  status: "running",
  start_time: "2026-11-23T08:03:18.991451",
  pipeline_configuration: { name: "training", enable_cache: true },
  num_steps: 3,
  client_version: "0.40.3",
  client_environment: { python_version: "3.10.12" },
  ...extra,
});

export async function createRun(caller: Caller, ws: WireWorkspace, extra: Body = {}): Promise<WireRun> {
  const reply = await caller.api.post(`${API}/workspaces/${ws.id}/runs`, runBody(caller, ws, extra));
  return expectStatus(reply, 200, "create run").body as WireRun;
}
