/**
 * Which workspace a stack or component list is about: the route's (`/workspaces/{ws}/stacks`),
 * ZenML's hidden `scope_workspace`, a `workspace_id=<uuid>` filter, or none. The named workspace is
 * also where the caller's default stack is made if it does not exist yet; with none named, that is
 * the `default` workspace, where ZenML clients start.
 */
import type { Actor } from "../policy/actor.js";
import { DEFAULT_WORKSPACE } from "../policy/workspaces.js";
import { canReadInWorkspace } from "../policy/workspace-resources.js";
import type { ListParams } from "../store/list-query.js";
import { findWorkspace } from "../store/repos/workspaces.js";
import type { Ctx } from "./context.js";
import { requireWorkspace } from "./workspaces.js";

export interface ListScopeOptions {
  /** The route's workspace, by name or id. */
  workspace?: string;
  /** ZenML's `scope_workspace` query parameter (an id). */
  scopeWorkspace?: string;
}

export interface ListScope {
  /** Only rows of this workspace. */
  workspaceId?: string;
  /** Workspaces where the caller's default stack must exist before listing. */
  prepare: string[];
}

export async function listScope(ctx: Ctx, actor: Actor, params: ListParams, options: ListScopeOptions): Promise<ListScope> {
  if (options.workspace) {
    const ws = await requireWorkspace(ctx, actor, options.workspace);
    return { workspaceId: ws.id, prepare: [ws.id] };
  }
  const readable = (id: string | undefined) => (id && canReadInWorkspace(actor, id) ? [id] : []);
  const scoped = options.scopeWorkspace?.toLowerCase();
  if (scoped) return { workspaceId: scoped, prepare: readable(scoped) };
  const filtered = params.filters.find((f) => f.field === "workspace_id" && f.op === "equals")?.value;
  if (typeof filtered === "string") return { prepare: readable(filtered) };
  return { prepare: readable((await findWorkspace(ctx.db.kysely, DEFAULT_WORKSPACE))?.id) };
}
