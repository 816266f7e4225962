/** Queries on `role` and `role_permission`. */
import type { Selectable } from "kysely";
import { isPermission, sortPermissions, type Permission } from "../../../core/permissions.js";
import { baseFields, fetchPage, filterExpression, type FilterSpec, type ListParams, type Page } from "../list-query.js";
import type { RoleTable } from "../schema.js";
import { isUuid } from "./ids.js";
import type { Q } from "./users.js";

export type RoleRow = Selectable<RoleTable>;
export interface RoleWithPermissions extends RoleRow {
  permissions: Permission[];
}

export const ROLE_FILTERS: FilterSpec = { ...baseFields("role"), name: { kind: "string", column: "role.name", sortKey: "role.name_key" } };

export function findRole(q: Q, nameOrId: string): Promise<RoleRow | undefined> {
  const query = q.selectFrom("role").selectAll();
  if (isUuid(nameOrId)) return query.where("id", "=", nameOrId.toLowerCase()).executeTakeFirst();
  return query.where("name_key", "=", nameOrId.toLowerCase()).executeTakeFirst();
}

export function rolesByIds(q: Q, ids: readonly string[]): Promise<RoleRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return q
    .selectFrom("role")
    .selectAll()
    .where("id", "in", [...new Set(ids)])
    .execute();
}

/** Permissions of each role, by role id. */
export async function permissionsOfRoles(q: Q, roleIds: readonly string[]): Promise<Map<string, Permission[]>> {
  const out = new Map<string, Permission[]>(roleIds.map((id) => [id, []]));
  if (roleIds.length === 0) return out;
  const rows = await q
    .selectFrom("role_permission")
    .select(["role_id", "permission"])
    .where("role_id", "in", [...new Set(roleIds)])
    .execute();
  for (const row of rows) if (isPermission(row.permission)) out.get(row.role_id)?.push(row.permission);
  for (const [id, perms] of out) out.set(id, sortPermissions(perms));
  return out;
}

export async function withPermissions(q: Q, roles: readonly RoleRow[]): Promise<RoleWithPermissions[]> {
  const perms = await permissionsOfRoles(
    q,
    roles.map((r) => r.id),
  );
  return roles.map((r) => ({ ...r, permissions: perms.get(r.id) ?? [] }));
}

export async function insertRole(q: Q, row: RoleRow, permissions: readonly Permission[]): Promise<void> {
  await q.insertInto("role").values(row).execute();
  await setRolePermissions(q, row.id, permissions);
}

export async function setRolePermissions(q: Q, roleId: string, permissions: readonly Permission[]): Promise<void> {
  await q.deleteFrom("role_permission").where("role_id", "=", roleId).execute();
  const unique = [...new Set(permissions)];
  if (unique.length > 0)
    await q
      .insertInto("role_permission")
      .values(unique.map((permission) => ({ role_id: roleId, permission })))
      .execute();
}

export async function updateRole(q: Q, id: string, patch: Partial<RoleRow>): Promise<void> {
  await q.updateTable("role").set(patch).where("id", "=", id).execute();
}

export async function deleteRole(q: Q, id: string): Promise<void> {
  await q.deleteFrom("role").where("id", "=", id).execute();
}

export async function roleInUse(q: Q, id: string): Promise<boolean> {
  const row = await q.selectFrom("role_assignment").select("id").where("role_id", "=", id).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Each user a role is assigned to, directly or through a team, with that assignment's scope. */
export function holdersOfRole(q: Q, id: string): Promise<{ user_id: string; workspace_id: string | null }[]> {
  return q
    .selectFrom("role_assignment as ra")
    .innerJoin("users as u", "u.id", "ra.principal_id")
    .select(["u.id as user_id", "ra.workspace_id"])
    .where("ra.role_id", "=", id)
    .unionAll(
      q
        .selectFrom("role_assignment as ra")
        .innerJoin("team_member as tm", "tm.team_id", "ra.principal_id")
        .select(["tm.user_id", "ra.workspace_id"])
        .where("ra.role_id", "=", id),
    )
    .execute();
}

export function listRoles(q: Q, params: ListParams): Promise<Page<RoleRow>> {
  const query = q
    .selectFrom("role")
    .selectAll("role")
    .where((eb) => filterExpression(eb, ROLE_FILTERS, params) ?? eb.lit(true));
  return fetchPage(query, ROLE_FILTERS, params, "role.id");
}
