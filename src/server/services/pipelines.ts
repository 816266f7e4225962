/** Pipelines: list, get, create, update, delete (SPEC §3, §4 rule 4). */
import type { PipelineCreate, PipelineUpdate } from "../../core/schemas/pipelines.js";
import { Conflict, NotFound } from "../errors.js";
import type { Actor } from "../policy/actor.js";
import {
  authorizeChangePipeline,
  authorizeReadPipeline,
  authorizeUpdatePipeline,
  pipelineNotFound,
  visiblePipelinesSql,
} from "../policy/pipelines.js";
import { authorizeCreateInWorkspace } from "../policy/workspace-resources.js";
import { presentPipeline, presentPipelines } from "../presenters/pipelines.js";
import type { WirePipeline } from "../presenters/wire.js";
import type { ListParams, Page } from "../store/list-query.js";
import { newId } from "../store/repos/ids.js";
import {
  deletePipeline as deletePipelineRow,
  findPipeline,
  insertPipeline,
  listPipelines as listPipelineRows,
  updatePipeline as updatePipelineRow,
  type PipelineRow,
} from "../store/repos/pipelines.js";
import type { Q } from "../store/repos/users.js";
import { now } from "../store/time.js";
import { audit } from "./audit.js";
import { transaction, type Ctx } from "./context.js";
import { requireWorkspace } from "./workspaces.js";

const target = (row: PipelineRow) => ({ id: row.id, name: row.name, workspaceId: row.workspace_id, userId: row.user_id });

export async function loadPipeline(q: Q, id: string): Promise<PipelineRow> {
  const row = await findPipeline(q, id);
  if (!row) throw new NotFound(pipelineNotFound("pipeline", id));
  return row;
}

function conflict(workspaceName: string): Conflict {
  return new Conflict(`Unable to create pipeline in workspace '${workspaceName}': A pipeline with this name and version already exists.`);
}

export async function listPipelines(ctx: Ctx, actor: Actor, params: ListParams, workspace?: string): Promise<Page<WirePipeline>> {
  const workspaceId = workspace ? (await requireWorkspace(ctx, actor, workspace)).id : undefined;
  const q = ctx.db.kysely;
  const page = await listPipelineRows(q, params, { visible: visiblePipelinesSql(actor, "pipeline"), workspaceId });
  return { ...page, items: await presentPipelines(q, page.items) };
}

export async function getPipeline(ctx: Ctx, actor: Actor, id: string): Promise<WirePipeline> {
  const q = ctx.db.kysely;
  const row = await loadPipeline(q, id);
  authorizeReadPipeline(actor, "pipeline", target(row));
  return presentPipeline(q, row);
}

export async function createPipeline(ctx: Ctx, actor: Actor, workspace: string, body: PipelineCreate): Promise<WirePipeline> {
  const ws = await requireWorkspace(ctx, actor, workspace);
  authorizeCreateInWorkspace(actor, ws, workspace, body, "pipelines");
  const stamp = now();
  const row: PipelineRow = {
    id: newId(),
    created: stamp,
    updated: stamp,
    workspace_id: ws.id,
    user_id: actor.id,
    name: body.name,
    name_key: body.name.toLowerCase(),
    version: body.version,
    version_hash: body.version_hash,
    docstring: body.docstring ?? null,
    spec: JSON.stringify(body.spec),
  };
  return transaction(
    ctx,
    async (q) => {
      await insertPipeline(q, row);
      await audit(q, actor, "pipeline.create", { type: "pipeline", id: row.id, name: row.name }, { version: row.version });
      return presentPipeline(q, row);
    },
    { conflict: () => conflict(ws.name) },
  );
}

export async function updatePipeline(ctx: Ctx, actor: Actor, id: string, body: PipelineUpdate): Promise<WirePipeline> {
  const before = await loadPipeline(ctx.db.kysely, id);
  authorizeUpdatePipeline(actor, target(before), body);
  const patch: Partial<PipelineRow> = { updated: now() };
  if (body.name != null) Object.assign(patch, { name: body.name, name_key: body.name.toLowerCase() });
  if (body.version != null) patch.version = body.version;
  if (body.version_hash != null) patch.version_hash = body.version_hash;
  if (body.docstring !== undefined) patch.docstring = body.docstring;
  if (body.spec != null) patch.spec = JSON.stringify(body.spec);
  const ws = await requireWorkspace(ctx, actor, before.workspace_id);
  return transaction(
    ctx,
    async (q) => {
      const current = await loadPipeline(q, id);
      await updatePipelineRow(q, current.id, patch);
      await audit(
        q,
        actor,
        "pipeline.update",
        { type: "pipeline", id: current.id, name: patch.name ?? current.name },
        { changed: Object.keys(patch) },
      );
      return presentPipeline(q, { ...current, ...patch });
    },
    { conflict: () => conflict(ws.name) },
  );
}

/** Its runs stay, unlisted (their pipeline becomes null), as ZenML keeps them. */
export async function deletePipeline(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const before = await loadPipeline(ctx.db.kysely, id);
  authorizeChangePipeline(actor, "pipeline", target(before));
  await transaction(ctx, async (q) => {
    await deletePipelineRow(q, before.id);
    await audit(q, actor, "pipeline.delete", { type: "pipeline", id: before.id, name: before.name }, { version: before.version });
  });
}
