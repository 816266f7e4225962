/** Rules for workspaces: readers of a workspace see it; global writers create and delete them. */
import type { Actor } from "./actor.js";
import { forbidWhen, has, hideUnless, requirePermission } from "./can.js";

interface WorkspaceTarget {
  id: string;
  name: string;
}

export const DEFAULT_WORKSPACE = "default";

export function authorizeReadWorkspace(actor: Actor, ws: WorkspaceTarget, asked: string): void {
  hideUnless(has(actor, "read", ws.id), `Unable to get workspace with name or ID '${asked}': no workspace with this name or ID exists.`);
}

export function authorizeCreateWorkspace(actor: Actor): void {
  requirePermission(actor, "write");
}

/** A workspace's own writers may edit it; `default` keeps its name. */
export function authorizeUpdateWorkspace(actor: Actor, ws: WorkspaceTarget, newName: string | null | undefined): void {
  requirePermission(actor, "write", ws.id);
  forbidWhen(ws.name === DEFAULT_WORKSPACE && newName != null && newName !== ws.name, "The default workspace cannot be renamed.");
}

export function authorizeDeleteWorkspace(actor: Actor, ws: WorkspaceTarget): void {
  requirePermission(actor, "write");
  forbidWhen(ws.name === DEFAULT_WORKSPACE, "The default workspace cannot be deleted.");
}
