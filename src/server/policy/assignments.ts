/**
 * Rules for role assignments (SPEC §4 rules 2, 6 and 9). Writing an assignment needs `write` in its
 * scope and every permission of the role there: a workspace admin hands out roles in their
 * workspace only, and nobody grants more than they hold. Nobody changes their own assignments,
 * directly or through a team they belong to, nor those of someone who holds more in that scope.
 */
import type { Permission } from "../../core/permissions.js";
import type { Actor } from "./actor.js";
import { forbidWhen, has, hideUnless, requireHolds, requirePermission } from "./can.js";
import { requireOutranks, type HeldPrincipal } from "./principals.js";

export interface AssignmentTarget {
  id: string;
  workspaceId: string | null;
  /** The user of a user assignment, or the members of a team assignment's team. */
  affectedUsers: readonly HeldPrincipal[];
  rolePermissions: readonly Permission[];
}

/** An assignment is visible to readers of its scope; others get a 404, as for a missing id. */
export function authorizeReadAssignment(actor: Actor, target: Pick<AssignmentTarget, "id" | "workspaceId">): void {
  hideUnless(
    has(actor, "read", target.workspaceId),
    `Unable to get role assignment with ID '${target.id}': no such role assignment exists.`,
  );
}

export function authorizeWriteAssignment(actor: Actor, target: Omit<AssignmentTarget, "id">): void {
  requirePermission(actor, "write", target.workspaceId);
  requireHolds(actor, target.rolePermissions, target.workspaceId);
  forbidWhen(
    target.affectedUsers.some((user) => user.id === actor.id),
    "You cannot change your own role assignments, directly or through a team you belong to.",
  );
  for (const user of target.affectedUsers) requireOutranks(actor, user, target.workspaceId);
}
