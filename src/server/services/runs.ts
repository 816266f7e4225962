/**
 * Pipeline runs: list, get, create, update (status, end time), delete (SPEC §3, §4 rule 4). A run
 * may name a stack only if its creator can see that stack; readers who cannot see it later (it was
 * made private, or is someone else's private one) get the run with `stack: null`.
 */
import type { RunCreate, RunUpdate } from "../../core/schemas/pipelines.js";
import { BadRequest, Conflict, NotFound } from "../errors.js";
import type { Actor } from "../policy/actor.js";
import { authorizeChangePipeline, authorizeReadPipeline, pipelineNotFound, visiblePipelinesSql } from "../policy/pipelines.js";
import { canSeeShareable, namedShareableShownSql } from "../policy/sharing.js";
import { authorizeReadStack } from "../policy/stacks.js";
import { authorizeCreateInWorkspace } from "../policy/workspace-resources.js";
import { presentRun, presentRuns, type RunDetails, type RunView } from "../presenters/runs.js";
import type { WireRun } from "../presenters/wire.js";
import { isUniqueViolation } from "../store/dialect.js";
import type { ListParams, Page } from "../store/list-query.js";
import { newId } from "../store/repos/ids.js";
import {
  deleteRun as deleteRunRow,
  findRun,
  insertRun,
  listRuns as listRunRows,
  updateRun as updateRunRow,
  type RunRow,
} from "../store/repos/runs.js";
import { findStack } from "../store/repos/stacks.js";
import type { Q } from "../store/repos/users.js";
import { now } from "../store/time.js";
import { audit } from "./audit.js";
import { transaction, type Ctx } from "./context.js";
import { loadPipeline } from "./pipelines.js";
import { stackTarget } from "./stacks.js";
import { requireWorkspace } from "./workspaces.js";

const KIND = "pipeline run";
const target = (row: RunRow) => ({ id: row.id, workspaceId: row.workspace_id });

/** What the actor reads of a run: its stack only if they can see that stack. */
function viewFor(actor: Actor): RunView {
  return { canSeeStack: (stack) => canSeeShareable(actor, stackTarget(stack)) };
}

/** The same, as SQL for list filters and sorts (SPEC §4 rule 10). */
function shownFor(actor: Actor) {
  return { stack: namedShareableShownSql(actor, "stack", "pipeline_run.stack_id") };
}

async function loadRun(q: Q, id: string): Promise<RunRow> {
  const row = await findRun(q, id);
  if (!row) throw new NotFound(pipelineNotFound(KIND, id));
  return row;
}

/** Builds and deployments do not exist in Cohort: naming one is naming something missing. */
function refuseMissing(kind: string, id: string | null | undefined): void {
  if (id) throw new NotFound(`Unable to get ${kind} with ID '${id}': no ${kind} with this ID exists.`);
}

export async function listRuns(ctx: Ctx, actor: Actor, params: ListParams, workspace?: string): Promise<Page<WireRun>> {
  const workspaceId = workspace ? (await requireWorkspace(ctx, actor, workspace)).id : undefined;
  const q = ctx.db.kysely;
  const page = await listRunRows(q, params, { visible: visiblePipelinesSql(actor, "pipeline_run"), workspaceId, shown: shownFor(actor) });
  return { ...page, items: await presentRuns(q, page.items, viewFor(actor)) };
}

export async function getRun(ctx: Ctx, actor: Actor, id: string): Promise<WireRun> {
  const q = ctx.db.kysely;
  const row = await loadRun(q, id);
  authorizeReadPipeline(actor, KIND, target(row));
  return presentRun(q, row, viewFor(actor));
}

export async function createRun(ctx: Ctx, actor: Actor, workspace: string, body: RunCreate): Promise<WireRun> {
  const ws = await requireWorkspace(ctx, actor, workspace);
  authorizeCreateInWorkspace(actor, ws, workspace, body, "pipeline runs");
  refuseMissing("pipeline build", body.build);
  refuseMissing("pipeline deployment", body.deployment);
  const q0 = ctx.db.kysely;
  if (body.pipeline) {
    const pipeline = await loadPipeline(q0, body.pipeline);
    authorizeReadPipeline(actor, "pipeline", { id: pipeline.id, workspaceId: pipeline.workspace_id });
    if (pipeline.workspace_id !== ws.id) throw new BadRequest(`Pipeline '${pipeline.name}' belongs to another workspace than the run.`);
  }
  if (body.stack) {
    const stack = await findStack(q0, body.stack);
    if (!stack) throw new NotFound(`Unable to get stack with ID '${body.stack}': no stack with this ID exists.`);
    authorizeReadStack(actor, stackTarget(stack));
    if (stack.workspace_id !== ws.id) throw new BadRequest(`Stack '${stack.name}' belongs to another workspace than the run.`);
  }
  const stamp = now();
  const details: RunDetails = {
    schedule_id: body.schedule_id ?? null,
    enable_cache: body.enable_cache ?? null,
    enable_artifact_metadata: body.enable_artifact_metadata ?? null,
    client_version: body.client_version ?? null,
    server_version: body.server_version ?? null,
    client_environment: body.client_environment,
    orchestrator_environment: body.orchestrator_environment,
    git_sha: body.git_sha ?? null,
  };
  const row: RunRow = {
    id: body.id?.toLowerCase() ?? newId(),
    created: stamp,
    updated: stamp,
    workspace_id: ws.id,
    user_id: actor.id,
    name: body.name,
    name_key: body.name.toLowerCase(),
    pipeline_id: body.pipeline?.toLowerCase() ?? null,
    stack_id: body.stack?.toLowerCase() ?? null,
    orchestrator_run_id: body.orchestrator_run_id ?? null,
    status: body.status,
    start_time: body.start_time ?? null,
    end_time: body.end_time ?? null,
    num_steps: body.num_steps ?? null,
    configuration: JSON.stringify(body.pipeline_configuration),
    details: JSON.stringify(details),
  };
  try {
    return await transaction(ctx, async (q) => {
      await insertRun(q, row);
      await audit(q, actor, "run.create", { type: "pipeline_run", id: row.id, name: row.name }, { status: row.status });
      return presentRun(q, row, viewFor(actor));
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // Two unique rules (the id a client chose, the name): say which one was hit.
    const byId = await findRun(q0, row.id);
    throw new Conflict(
      byId
        ? `Unable to create pipeline run: A pipeline run with ID '${row.id}' already exists.`
        : `Unable to create pipeline run: A pipeline run with name '${row.name}' already exists.`,
    );
  }
}

export async function updateRun(ctx: Ctx, actor: Actor, id: string, body: RunUpdate): Promise<WireRun> {
  const before = await loadRun(ctx.db.kysely, id);
  authorizeChangePipeline(actor, KIND, target(before));
  const patch: Partial<RunRow> = { updated: now() };
  if (body.status != null) patch.status = body.status;
  if (body.end_time != null) patch.end_time = body.end_time;
  return transaction(ctx, async (q) => {
    await updateRunRow(q, before.id, patch);
    await audit(
      q,
      actor,
      "run.update",
      { type: "pipeline_run", id: before.id, name: before.name },
      { status: patch.status ?? before.status },
    );
    return presentRun(q, await loadRun(q, before.id), viewFor(actor));
  });
}

export async function deleteRun(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const before = await loadRun(ctx.db.kysely, id);
  authorizeChangePipeline(actor, KIND, target(before));
  await transaction(ctx, async (q) => {
    await deleteRunRow(q, before.id);
    await audit(q, actor, "run.delete", { type: "pipeline_run", id: before.id, name: before.name });
  });
}
