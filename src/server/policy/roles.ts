/** Rules for roles (SPEC §4 rules 2 and 6): built-ins are immutable; no role beyond one's own. */
import type { Permission } from "../../core/permissions.js";
import type { Actor } from "./actor.js";
import { forbidWhen, requireHolds, requirePermission } from "./can.js";

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

/** Editing needs every permission the role carries before and after the change. */
export function authorizeUpdateRole(actor: Actor, role: RoleTarget, newPermissions: readonly Permission[] | null | undefined): void {
  requirePermission(actor, "write");
  forbidWhen(role.builtin, `The built-in role '${role.name}' cannot be updated.`);
  requireHolds(actor, [...role.permissions, ...(newPermissions ?? [])], null);
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
