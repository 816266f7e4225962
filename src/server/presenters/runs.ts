/**
 * Pipeline runs on the wire (ZenML 0.40's PipelineRunResponseModel, field order included), with
 * their pipeline and stack nested. Runs are visible to every reader of the workspace but their
 * stack may be someone's private one: the viewer decides (policy), and a hidden stack is null.
 */
import { pipelinesByIds } from "../store/repos/pipelines.js";
import type { RunRow } from "../store/repos/runs.js";
import { stacksByIds, type StackRow } from "../store/repos/stacks.js";
import type { Q } from "../store/repos/users.js";
import { jsonObject, loadOwners } from "./owned.js";
import { presentPipelines } from "./pipelines.js";
import { presentStacks } from "./stacks.js";
import { base, type WireRun } from "./wire.js";

export interface RunView {
  canSeeStack(stack: StackRow): boolean;
}

/** The run fields kept together in the `details` column. */
export interface RunDetails {
  schedule_id?: string | null;
  enable_cache?: boolean | null;
  enable_artifact_metadata?: boolean | null;
  client_version?: string | null;
  server_version?: string | null;
  client_environment?: Record<string, string>;
  orchestrator_environment?: Record<string, string>;
  git_sha?: string | null;
}

export async function presentRuns(q: Q, rows: readonly RunRow[], view: RunView): Promise<WireRun[]> {
  const [owners, pipelineRows, stackRows] = await Promise.all([
    loadOwners(q, rows),
    pipelinesByIds(
      q,
      rows.flatMap((r) => (r.pipeline_id ? [r.pipeline_id] : [])),
    ),
    stacksByIds(
      q,
      rows.flatMap((r) => (r.stack_id ? [r.stack_id] : [])),
    ),
  ]);
  const visibleStacks = stackRows.filter((s) => view.canSeeStack(s));
  const [pipelines, stacks] = await Promise.all([presentPipelines(q, pipelineRows), presentStacks(q, visibleStacks)]);
  return rows.map((row) => {
    const details = jsonObject(row.details) as RunDetails;
    return {
      ...base(row),
      user: owners.user(row),
      workspace: owners.workspace(row),
      name: row.name,
      orchestrator_run_id: row.orchestrator_run_id,
      schedule_id: details.schedule_id ?? null,
      enable_cache: details.enable_cache ?? null,
      enable_artifact_metadata: details.enable_artifact_metadata ?? null,
      start_time: row.start_time,
      end_time: row.end_time,
      status: row.status,
      pipeline_configuration: jsonObject(row.configuration),
      num_steps: row.num_steps,
      client_version: details.client_version ?? null,
      server_version: details.server_version ?? null,
      client_environment: details.client_environment ?? {},
      orchestrator_environment: details.orchestrator_environment ?? {},
      git_sha: details.git_sha ?? null,
      pipeline: pipelines.find((p) => p.id === row.pipeline_id) ?? null,
      stack: stacks.find((s) => s.id === row.stack_id) ?? null,
      metadata: {},
      build: null,
      deployment: null,
    };
  });
}

export async function presentRun(q: Q, row: RunRow, view: RunView): Promise<WireRun> {
  const [wire] = await presentRuns(q, [row], view);
  if (!wire) throw new Error("presentRuns lost a row");
  return wire;
}
