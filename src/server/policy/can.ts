/**
 * The evaluator every access decision goes through (SPEC §4). Rules are pure and synchronous over
 * data loaded first: the actor's live permissions and the target. Resource rules live beside this
 * file, one per resource; routes declare a scope and services call `authorize*`.
 */
import type { Permission } from "../../core/permissions.js";
import { Hidden, IllegalOperation, NotEnoughPermissions } from "../errors.js";
import type { Actor } from "./actor.js";
import { heldIn } from "./holdings.js";

/** Permissions the actor holds in a workspace (global ∪ that workspace), or globally for null. */
export function permissionsIn(actor: Actor, workspaceId: string | null): ReadonlySet<Permission> {
  if (actor.kind === "local") return new Set<Permission>(["read", "write", "me"]);
  return heldIn(actor, workspaceId);
}

export function has(actor: Actor, permission: Permission, workspaceId: string | null = null): boolean {
  return permissionsIn(actor, workspaceId).has(permission);
}

/** 403 "Not enough permissions" unless the actor holds `permission` in the scope. */
export function requirePermission(actor: Actor, permission: Permission, workspaceId: string | null = null): void {
  if (!has(actor, permission, workspaceId)) throw new NotEnoughPermissions(permission);
}

/** True if the actor holds `permission` in at least one scope: a route's coarse gate. */
export function holdsAnywhere(actor: Actor, permission: Permission): boolean {
  if (actor.kind === "local" || actor.global.has(permission)) return true;
  for (const perms of actor.byWorkspace.values()) if (perms.has(permission)) return true;
  return false;
}

/** Workspaces where the actor may read, or "all" when it reads globally (for SQL list filters). */
export function readableWorkspaces(actor: Actor): "all" | string[] {
  if (has(actor, "read")) return "all";
  if (actor.kind === "local") return "all";
  return [...actor.byWorkspace.entries()].filter(([, p]) => p.has("read")).map(([id]) => id);
}

/** Permissions the actor may hand out in a scope: only ones it holds there (no escalation). */
export function requireHolds(actor: Actor, permissions: Iterable<Permission>, workspaceId: string | null): void {
  const held = permissionsIn(actor, workspaceId);
  const missing = [...permissions].filter((p) => !held.has(p));
  if (missing.length > 0) {
    throw new IllegalOperation(
      `You cannot grant the permission${missing.length > 1 ? "s" : ""} ${missing.map((p) => `'${p}'`).join(", ")}: you do not hold ${missing.length > 1 ? "them" : "it"}${workspaceId ? " in this workspace" : " globally"}.`,
    );
  }
}

/** Throws IllegalOperation when `illegal` holds; used for rules that no permission can lift. */
export function forbidWhen(illegal: boolean, message: string): void {
  if (illegal) throw new IllegalOperation(message);
}

/** A target the actor cannot see is answered exactly like a missing one (and audited as a denial). */
export function hideUnless(visible: boolean, notFoundMessage: string): void {
  if (!visible) throw new Hidden(notFoundMessage);
}
