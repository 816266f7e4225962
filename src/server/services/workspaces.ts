/** Workspaces: list, get, create, update, delete (SPEC §3). */
import type { WorkspaceCreate, WorkspaceUpdate } from "../../core/schemas/workspaces.js";
import { NotFound } from "../errors.js";
import type { Actor } from "../policy/actor.js";
import { readableWorkspaces } from "../policy/can.js";
import { keepingAnAdmin } from "../policy/last-admin.js";
import {
  authorizeCreateWorkspace,
  authorizeDeleteWorkspace,
  authorizeReadWorkspace,
  authorizeUpdateWorkspace,
} from "../policy/workspaces.js";
import { presentWorkspace } from "../presenters/workspaces.js";
import type { WireWorkspace } from "../presenters/wire.js";
import type { ListParams, Page } from "../store/list-query.js";
import { newId } from "../store/repos/ids.js";
import {
  deleteWorkspace as deleteWorkspaceRow,
  findWorkspace,
  insertWorkspace,
  listWorkspaces as listWorkspaceRows,
  updateWorkspace as updateWorkspaceRow,
  type WorkspaceRow,
} from "../store/repos/workspaces.js";
import { now } from "../store/time.js";
import { audit } from "./audit.js";
import { transaction, type Ctx } from "./context.js";

/** The workspace if the actor may read it; a 404 otherwise, whether it exists or not. */
export async function requireWorkspace(ctx: Ctx, actor: Actor, nameOrId: string): Promise<WorkspaceRow> {
  const ws = await findWorkspace(ctx.db.kysely, nameOrId);
  if (!ws) throw new NotFound(`Unable to get workspace with name or ID '${nameOrId}': no workspace with this name or ID exists.`);
  authorizeReadWorkspace(actor, ws, nameOrId);
  return ws;
}

export async function listWorkspaces(ctx: Ctx, actor: Actor, params: ListParams): Promise<Page<WireWorkspace>> {
  const page = await listWorkspaceRows(ctx.db.kysely, params, readableWorkspaces(actor));
  return { ...page, items: page.items.map(presentWorkspace) };
}

export async function getWorkspace(ctx: Ctx, actor: Actor, nameOrId: string): Promise<WireWorkspace> {
  return presentWorkspace(await requireWorkspace(ctx, actor, nameOrId));
}

export async function createWorkspace(ctx: Ctx, actor: Actor, body: WorkspaceCreate): Promise<WireWorkspace> {
  authorizeCreateWorkspace(actor);
  const stamp = now();
  const row: WorkspaceRow = {
    id: newId(),
    created: stamp,
    updated: stamp,
    name: body.name,
    name_key: body.name.toLowerCase(),
    description: body.description,
  };
  return transaction(
    ctx,
    async (q) => {
      await insertWorkspace(q, row);
      await audit(q, actor, "workspace.create", { type: "workspace", id: row.id, name: row.name });
      return presentWorkspace(row);
    },
    { conflict: `Unable to create workspace ${body.name}: A workspace with this name already exists.` },
  );
}

export async function updateWorkspace(ctx: Ctx, actor: Actor, nameOrId: string, body: WorkspaceUpdate): Promise<WireWorkspace> {
  const ws = await requireWorkspace(ctx, actor, nameOrId);
  authorizeUpdateWorkspace(actor, ws, body.name);
  const patch: Partial<WorkspaceRow> = { updated: now() };
  if (body.name != null) Object.assign(patch, { name: body.name, name_key: body.name.toLowerCase() });
  if (body.description != null) patch.description = body.description;
  return transaction(
    ctx,
    async (q) => {
      await updateWorkspaceRow(q, ws.id, patch);
      await audit(
        q,
        actor,
        "workspace.update",
        { type: "workspace", id: ws.id, name: body.name ?? ws.name },
        { changed: Object.keys(patch) },
      );
      return presentWorkspace({ ...ws, ...patch });
    },
    { conflict: `Unable to update workspace ${body.name ?? ws.name}: A workspace with this name already exists.` },
  );
}

/** Deleting a workspace drops everything scoped to it, role assignments included. */
export async function deleteWorkspace(ctx: Ctx, actor: Actor, nameOrId: string): Promise<void> {
  const ws = await requireWorkspace(ctx, actor, nameOrId);
  authorizeDeleteWorkspace(actor, ws);
  await transaction(
    ctx,
    async (q) => {
      await keepingAnAdmin(q, () => deleteWorkspaceRow(q, ws.id));
      await audit(q, actor, "workspace.delete", { type: "workspace", id: ws.id, name: ws.name });
    },
    { guard: true },
  );
}
