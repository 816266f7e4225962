/**
 * What every user on the wire carries besides its own row: its teams and its directly assigned
 * roles (any scope) with their permissions. One statement for a whole page, whatever its size:
 * a `UNION ALL` of the team rows and the role rows, each branch on an index (team_member.user_id,
 * role_assignment.principal_id, which holds the user id for a user's own assignments).
 */
import { sql } from "kysely";
import { isPermission, sortPermissions } from "../../../core/permissions.js";
import { prepared } from "../prepared.js";
import type { Flag } from "../schema.js";
import type { RoleWithPermissions } from "./roles.js";
import type { TeamRow } from "./teams.js";
import type { Q } from "./users.js";

export interface UserRelations {
  /** By user id, ordered by team name. */
  teams: Map<string, TeamRow[]>;
  /** By user id, in assignment order, each role once. */
  roles: Map<string, RoleWithPermissions[]>;
}

/** A row of the statement below: a team row or a role row (one per permission of the role). */
interface RelationRow {
  kind: "team" | "role";
  holder_id: string;
  id: string;
  created: string;
  updated: string;
  name: string;
  name_key: string;
  builtin: Flag | null;
  permission: string | null;
  /** The order within a kind: team name, or when the role was assigned (then the assignment id). */
  order_1: string;
  order_2: string;
}

const relations = prepared((q, a: { ids: readonly string[] }) =>
  q
    .selectFrom("team_member as tm")
    .innerJoin("team as t", "t.id", "tm.team_id")
    .select([
      sql<"team">`'team'`.as("kind"),
      "tm.user_id as holder_id",
      "t.id",
      "t.created",
      "t.updated",
      "t.name",
      "t.name_key",
      sql<Flag | null>`null`.as("builtin"),
      sql<string | null>`null`.as("permission"),
      "t.name as order_1",
      "t.id as order_2",
    ])
    .where("tm.user_id", "in", a.ids)
    .$castTo<RelationRow>()
    .unionAll(
      q
        .selectFrom("role_assignment as ra")
        .innerJoin("role as r", "r.id", "ra.role_id")
        .leftJoin("role_permission as rp", "rp.role_id", "r.id")
        .select([
          sql<"role">`'role'`.as("kind"),
          "ra.principal_id as holder_id",
          "r.id",
          "r.created",
          "r.updated",
          "r.name",
          "r.name_key",
          "r.builtin",
          "rp.permission",
          "ra.created as order_1",
          "ra.id as order_2",
        ])
        .where("ra.principal_id", "in", a.ids)
        .where("ra.user_id", "is not", null)
        .$castTo<RelationRow>(),
    )
    .orderBy("kind")
    .orderBy("order_1")
    .orderBy("order_2"),
);

export async function relationsOfUsers(q: Q, userIds: readonly string[]): Promise<UserRelations> {
  const teams = new Map<string, TeamRow[]>(userIds.map((id) => [id, []]));
  const roles = new Map<string, RoleWithPermissions[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return { teams, roles };
  for (const row of await relations(q, { ids: [...teams.keys()] })) {
    const { id, created, updated, name, name_key } = row;
    if (row.kind === "team") {
      teams.get(row.holder_id)?.push({ id, created, updated, name, name_key });
      continue;
    }
    const held = roles.get(row.holder_id);
    if (!held) continue;
    let role = held.find((r) => r.id === id);
    if (!role) held.push((role = { id, created, updated, name, name_key, builtin: row.builtin ?? 0, permissions: [] }));
    if (isPermission(row.permission) && !role.permissions.includes(row.permission)) role.permissions.push(row.permission);
  }
  for (const list of roles.values()) for (const role of list) role.permissions = sortPermissions(role.permissions);
  return { teams, roles };
}
