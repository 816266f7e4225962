/** Queries on `role_assignment` (user and team principals, global or per workspace). */
import type { Selectable } from "kysely";
import { isPermission, type Permission } from "../../../core/permissions.js";
import { baseFields, fetchPage, filterExpression, type FilterSpec, type ListParams, type Page } from "../list-query.js";
import type { RoleAssignmentTable } from "../schema.js";
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

/** A permission the user holds, globally (workspace_id NULL) or in one workspace. Read per request by sessions.ts. */
export interface PermissionGrant {
  workspace_id: string | null;
  permission: Permission;
}

/**
 * Every permission each user's assignments give, directly or through their teams, by user id:
 * whatever the user's status, since a pending or deactivated account gets them back on activation.
 */
export async function grantsOfUsers(q: Q, userIds: readonly string[]): Promise<Map<string, PermissionGrant[]>> {
  const out = new Map<string, PermissionGrant[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const ids = [...out.keys()];
  const rows = await q
    .selectFrom("role_assignment as ra")
    .innerJoin("role_permission as rp", "rp.role_id", "ra.role_id")
    .select(["ra.principal_id as user_id", "ra.workspace_id", "rp.permission"])
    .where("ra.principal_id", "in", ids)
    .where("ra.user_id", "is not", null)
    .unionAll(
      q
        .selectFrom("team_member as tm")
        .innerJoin("role_assignment as ra", "ra.principal_id", "tm.team_id")
        .innerJoin("role_permission as rp", "rp.role_id", "ra.role_id")
        .select(["tm.user_id", "ra.workspace_id", "rp.permission"])
        .where("tm.user_id", "in", ids),
    )
    .execute();
  for (const { user_id, workspace_id, permission } of rows) {
    if (isPermission(permission)) out.get(user_id)?.push({ workspace_id, permission });
  }
  return out;
}
