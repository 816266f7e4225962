/**
 * The permission vocabulary shared by the server, the CLI and the dashboard.
 *
 * The wire catalogue is ZenML's three coarse permissions (SPEC §3). Finer actions used inside the
 * policy module map onto them there; nothing outside the policy interprets them.
 */
export const PERMISSIONS = ["read", "write", "me"] as const;
export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: unknown): value is Permission {
  return typeof value === "string" && (PERMISSIONS as readonly string[]).includes(value);
}

/** The roles every store starts with; they can be neither edited nor deleted. */
export const BUILTIN_ROLES: Readonly<Record<string, readonly Permission[]>> = {
  admin: ["read", "write", "me"],
  guest: ["read", "me"],
};

/** The role an invitation gives unless others are chosen (ZenML's default, as `user create` uses). */
export const DEFAULT_ROLE_NAME = "admin";

export function isBuiltinRoleName(name: string): boolean {
  return Object.hasOwn(BUILTIN_ROLES, name.toLowerCase());
}

/** Orders a permission set the way the catalogue lists it, so output is stable. */
export function sortPermissions(perms: Iterable<Permission>): Permission[] {
  const set = new Set(perms);
  return PERMISSIONS.filter((p) => set.has(p));
}
