/**
 * Rules for roles (SPEC §4 rules 2, 6 and 9): built-ins are immutable; no role beyond one's own;
 * and changing what a role carries changes what each of its holders holds, so it is acting on
 * each of them, in the scope of their assignment.
 */
import type { Permission } from "../../core/permissions.js";
import type { Actor } from "./actor.js";
import { forbidWhen, requireHolds, requirePermission } from "./can.js";
import { requireOutranks, type HeldPrincipal } from "./principals.js";

/** A user who holds a role, through one assignment (direct or through a team) in one scope. */
export interface RoleHolder {
  user: HeldPrincipal;
  workspaceId: string | null;
}

interface RoleTarget {
  name: string;
  builtin: boolean;
  permissions: readonly Permission[];
}

export function authorizeReadRoles(actor: Actor): void {
  requirePermission(actor, "read");
}

/**
 * Before a role named in the path is looked up: editing and deleting roles needs `write` globally,
 * and a refusal must not tell whether the role exists.
 */
export function authorizeChangeRoles(actor: Actor): void {
  requirePermission(actor, "write");
}

export function authorizeCreateRole(actor: Actor, permissions: readonly Permission[]): void {
  requirePermission(actor, "write");
  requireHolds(actor, permissions, null);
}

/**
 * Editing needs every permission the role carries before and after the change; changing its
 * permissions also needs all that each holder holds where they hold the role.
 */
export function authorizeUpdateRole(
  actor: Actor,
  role: RoleTarget,
  newPermissions: readonly Permission[] | null | undefined,
  holders: readonly RoleHolder[],
): void {
  requirePermission(actor, "write");
  forbidWhen(role.builtin, `The built-in role '${role.name}' cannot be updated.`);
  requireHolds(actor, [...role.permissions, ...(newPermissions ?? [])], null);
  if (newPermissions == null || sameSet(newPermissions, role.permissions)) return;
  for (const holder of holders) requireOutranks(actor, holder.user, holder.workspaceId);
}

/** As sets: a list may name a permission twice (the store keeps it once), so lengths prove nothing. */
function sameSet(a: readonly Permission[], b: readonly Permission[]): boolean {
  const [x, y] = [new Set(a), new Set(b)];
  return x.size === y.size && [...x].every((p) => y.has(p));
}

export function authorizeDeleteRole(actor: Actor, role: RoleTarget, inUse: boolean): void {
  requirePermission(actor, "write");
  forbidWhen(role.builtin, `The built-in role '${role.name}' cannot be deleted.`);
  requireHolds(actor, role.permissions, null);
  forbidWhen(
    inUse,
    `Role \`${role.name}\` of type cannot be deleted as it is in use by multiple users and teams. Before deleting this role make sure to remove all instances where this role is used.`,
  );
}
