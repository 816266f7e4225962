import type { RoleWithPermissions } from "../store/repos/roles.js";
import { base, type WireRole } from "./wire.js";

export function presentRole(role: RoleWithPermissions): WireRole {
  return { ...base(role), name: role.name, permissions: role.permissions };
}
