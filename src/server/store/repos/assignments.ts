/** Queries on `role_assignment` (user and team principals, global or per workspace). */
import type { Selectable } from "kysely";
import { isPermission, sortPermissions, type Permission } from "../../../core/permissions.js";
import { baseFields, fetchPage, filterExpression, type FilterSpec, type ListParams, type Page } from "../list-query.js";
import { prepared } from "../prepared.js";
import type { RoleAssignmentTable } from "../schema.js";
import type { RoleWithPermissions } from "./roles.js";
import type { Q } from "./users.js";

export type AssignmentRow = Selectable<RoleAssignmentTable>;
export const GLOBAL_SCOPE = "global";

export const USER_ASSIGNMENT_FILTERS: FilterSpec = {
  ...baseFields("role_assignment"),
  user_id: { kind: "uuid", column: "role_assignment.user_id" },
  role_id: { kind: "uuid", column: "role_assignment.role_id" },
  workspace_id: { kind: "uuid", column: "role_assignment.workspace_id" },
};

export const TEAM_ASSIGNMENT_FILTERS: FilterSpec = {
  ...baseFields("role_assignment"),
  team_id: { kind: "uuid", column: "role_assignment.team_id" },
  role_id: { kind: "uuid", column: "role_assignment.role_id" },
  workspace_id: { kind: "uuid", column: "role_assignment.workspace_id" },
};

export async function insertAssignment(q: Q, row: AssignmentRow): Promise<void> {
  await q.insertInto("role_assignment").values(row).execute();
}

export function findAssignment(q: Q, id: string): Promise<AssignmentRow | undefined> {
  return q.selectFrom("role_assignment").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function deleteAssignment(q: Q, id: string): Promise<void> {
  await q.deleteFrom("role_assignment").where("id", "=", id).execute();
}

export interface AssignmentListScope {
  principal: "user" | "team";
  /** Only assignments in these workspaces (global ones excluded), or every assignment. */
  workspaces: "all" | readonly string[];
  /** Only this principal's assignments. */
  principalId?: string;
}

export function listAssignments(q: Q, params: ListParams, scope: AssignmentListScope): Promise<Page<AssignmentRow>> {
  const spec = scope.principal === "user" ? USER_ASSIGNMENT_FILTERS : TEAM_ASSIGNMENT_FILTERS;
  const column = scope.principal === "user" ? "role_assignment.user_id" : "role_assignment.team_id";
  let query = q
    .selectFrom("role_assignment")
    .selectAll("role_assignment")
    .where(column, "is not", null)
    .where((eb) => filterExpression(eb, spec, params) ?? eb.lit(true));
  if (scope.principalId) query = query.where("role_assignment.principal_id", "=", scope.principalId);
  if (scope.workspaces !== "all") {
    const ids = scope.workspaces;
    query = ids.length === 0 ? query.where((eb) => eb.lit(false)) : query.where("role_assignment.workspace_id", "in", [...ids]);
  }
  return fetchPage(query, spec, params, "role_assignment.id");
}

// Prepared: every user on the wire carries their roles, so this runs for every user page.
const directRolesQuery = prepared((q, a: { ids: readonly string[] }) =>
  q
    .selectFrom("role_assignment as ra")
    .innerJoin("role as r", "r.id", "ra.role_id")
    .leftJoin("role_permission as rp", "rp.role_id", "r.id")
    .selectAll("r")
    .select(["ra.principal_id as holder_id", "rp.permission"])
    .where("ra.principal_id", "in", a.ids)
    .where("ra.user_id", "is not", null)
    .orderBy("ra.created")
    .orderBy("ra.id"),
);

/**
 * Each user's directly assigned roles (any scope) with their permissions, in assignment order: the
 * `roles` field of a user, for a whole page in one query. It looks users up by `principal_id`,
 * which is indexed (a user's assignments carry the user id there too).
 */
export async function directRolesOfUsers(q: Q, userIds: readonly string[]): Promise<Map<string, RoleWithPermissions[]>> {
  const out = new Map<string, RoleWithPermissions[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  for (const row of await directRolesQuery(q, { ids: [...out.keys()] })) {
    const roles = out.get(row.holder_id);
    if (!roles) continue;
    let held = roles.find((r) => r.id === row.id);
    if (!held) {
      const { id, created, updated, name, name_key, builtin } = row;
      roles.push((held = { id, created, updated, name, name_key, builtin, permissions: [] }));
    }
    if (isPermission(row.permission) && !held.permissions.includes(row.permission)) held.permissions.push(row.permission);
  }
  for (const roles of out.values()) for (const role of roles) role.permissions = sortPermissions(role.permissions);
  return out;
}

/** A permission the user holds, globally (workspace_id NULL) or in one workspace. Read per request by sessions.ts. */
export interface PermissionGrant {
  workspace_id: string | null;
  permission: Permission;
}
