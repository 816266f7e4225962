/**
 * Ownership and sharing of stacks and components (SPEC §4 rule 4).
 *
 * - A private resource exists only for its owner: anyone else gets the 404 a missing id gets,
 *   on get, update, delete and share alike, and lists never show it.
 * - A shared resource is visible to everyone with `read` in its workspace.
 * - Changing or deleting needs `write` in the workspace. Other writers may edit and delete a
 *   *shared* resource they do not own: shared stacks are the team's infrastructure, and as in
 *   GitLab, where maintainers may edit what the project shares, the team must be able to fix one
 *   while its owner is away.
 * - Sharing, unsharing and renaming are the owner's alone (403 for others): they decide who sees
 *   the resource, and a name lives in its owner's namespace, where a clash would tell others
 *   which names the owner uses privately.
 * - The owner needs `read` in the workspace too: losing it hides even one's own resources.
 */
import type { Actor } from "./actor.js";
import { forbidWhen, has, hideUnless, requirePermission } from "./can.js";
import { authorizeStayInPlace, readableInSql, type PlacementFields, type Where } from "./workspace-resources.js";

export interface ShareableTarget {
  workspaceId: string;
  userId: string;
  isShared: boolean;
}

export function isOwner(actor: Actor, target: ShareableTarget): boolean {
  return actor.kind === "local" || target.userId === actor.id;
}

export function canSeeShareable(actor: Actor, target: ShareableTarget): boolean {
  return has(actor, "read", target.workspaceId) && (target.isShared || isOwner(actor, target));
}

/** SQL twin of `canSeeShareable` for lists and counts over `table` (stack or stack_component). */
export function visibleShareablesSql(actor: Actor, table: "stack" | "stack_component"): Where {
  const readable = readableInSql(actor, table);
  return (eb) => {
    if (actor.kind === "local") return readable(eb);
    return eb.and([readable(eb), eb.or([eb(eb.ref(`${table}.is_shared`), "=", 1), eb(eb.ref(`${table}.user_id`), "=", actor.id)])]);
  };
}

/**
 * For rows that name a stack or component by `column` (a run's stack): true where the named one
 * exists and the actor sees it (`canSeeShareable`, through `visibleShareablesSql`); elsewhere the
 * row shows the actor null there, so list filters and sorts must not read it (SPEC §4 rule 10).
 */
export function namedShareableShownSql(actor: Actor, table: "stack" | "stack_component", column: string): Where {
  const visible = visibleShareablesSql(actor, table);
  return (eb) => eb.exists(eb.selectFrom(table).select(`${table}.id`).whereRef(`${table}.id`, "=", column).where(visible));
}

export function authorizeReadShareable(actor: Actor, target: ShareableTarget, notFound: string): void {
  hideUnless(canSeeShareable(actor, target), notFound);
}

export interface ShareableChange {
  /** The change flips `is_shared`. */
  sharing: boolean;
  /** The change gives the resource another name. */
  renaming: boolean;
}

/** The fields of an update request that only the owner may change. */
export interface OwnerFields {
  name?: string | null;
  is_shared?: boolean | null;
}

function ownerChanges(current: { name: string; isShared: boolean }, request: OwnerFields): ShareableChange {
  return {
    sharing: request.is_shared != null && request.is_shared !== current.isShared,
    renaming: request.name != null && request.name !== current.name,
  };
}

/** `label` names the resource in messages, e.g. "stack 'prod'". */
export function authorizeChangeShareable(
  actor: Actor,
  target: ShareableTarget & { name: string },
  notFound: string,
  request: OwnerFields & PlacementFields,
  label: string,
): void {
  authorizeReadShareable(actor, target, notFound);
  requirePermission(actor, "write", target.workspaceId);
  authorizeStayInPlace(actor, target, request, label);
  const change = ownerChanges(target, request);
  forbidWhen((change.sharing || change.renaming) && !isOwner(actor, target), `Only the owner of ${label} can rename, share or unshare it.`);
}

export function authorizeDeleteShareable(actor: Actor, target: ShareableTarget, notFound: string): void {
  authorizeReadShareable(actor, target, notFound);
  requirePermission(actor, "write", target.workspaceId);
}
