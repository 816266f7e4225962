import type { RoleWithPermissions } from "../store/repos/roles.js";
import type { WireRole } from "./wire.js";

/** One literal, not `{ ...base(role), … }`: see presentNestedUser in users.ts. */
export function presentRole(role: RoleWithPermissions): WireRole {
  return { id: role.id, created: role.created, updated: role.updated, name: role.name, permissions: role.permissions };
}
