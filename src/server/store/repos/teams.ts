/** Queries on `team` and `team_member`. */
import type { Selectable } from "kysely";
import { baseFields, fetchPage, filterExpression, type FilterSpec, type ListParams, type Page } from "../list-query.js";
import { prepared } from "../prepared.js";
import type { TeamTable } from "../schema.js";
import { isUuid } from "./ids.js";
import type { Q } from "./users.js";

/** A team as services read it. `name_skeleton` is an index key for writes, never read back. */
export type TeamRow = Omit<Selectable<TeamTable>, "name_skeleton">;
/**
 * A row to write. Services always give the skeleton key (services/name-skeleton.ts `principalName`);
 * a row without one gets it when a server next opens the store.
 */
export type NewTeamRow = TeamRow & Partial<Pick<Selectable<TeamTable>, "name_skeleton">>;

// Prepared: every user on the wire carries their teams, so this runs for every user page.
const teamsOfUsersQuery = prepared((q, a: { ids: readonly string[] }) =>
  q
    .selectFrom("team_member")
    .innerJoin("team", "team.id", "team_member.team_id")
    .selectAll("team")
    .select("team_member.user_id as member_id")
    .where("team_member.user_id", "in", a.ids)
    .orderBy("team.name"),
);

/** The teams each user belongs to, by user id. */
export async function teamsOfUsers(q: Q, userIds: readonly string[]): Promise<Map<string, TeamRow[]>> {
  const out = new Map<string, TeamRow[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  for (const { member_id, ...team } of await teamsOfUsersQuery(q, { ids: [...out.keys()] })) out.get(member_id)?.push(team);
  return out;
}

export function teamsByIds(q: Q, ids: readonly string[]): Promise<TeamRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return q
    .selectFrom("team")
    .selectAll()
    .where("id", "in", [...new Set(ids)])
    .execute();
}

export async function isTeamMember(q: Q, teamId: string, userId: string): Promise<boolean> {
  const row = await q
    .selectFrom("team_member")
    .select("team_id")
    .where("team_id", "=", teamId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row !== undefined;
}

export const TEAM_FILTERS: FilterSpec = { ...baseFields("team"), name: { kind: "string", column: "team.name", sortKey: "team.name_key" } };

export function findTeam(q: Q, nameOrId: string): Promise<TeamRow | undefined> {
  const query = q.selectFrom("team").selectAll();
  if (isUuid(nameOrId)) return query.where("id", "=", nameOrId.toLowerCase()).executeTakeFirst();
  return query.where("name_key", "=", nameOrId.toLowerCase()).executeTakeFirst();
}

export function listTeams(q: Q, params: ListParams): Promise<Page<TeamRow>> {
  const query = q
    .selectFrom("team")
    .selectAll("team")
    .where((eb) => filterExpression(eb, TEAM_FILTERS, params) ?? eb.lit(true));
  return fetchPage(query, TEAM_FILTERS, params, "team.id");
}

/** Member ids of each team, by team id. */
export async function membersOfTeams(q: Q, teamIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(teamIds.map((id) => [id, []]));
  if (teamIds.length === 0) return out;
  const rows = await q
    .selectFrom("team_member")
    .select(["team_id", "user_id"])
    .where("team_id", "in", [...new Set(teamIds)])
    .execute();
  for (const row of rows) out.get(row.team_id)?.push(row.user_id);
  return out;
}

export async function insertTeam(q: Q, row: NewTeamRow): Promise<void> {
  await q.insertInto("team").values(row).execute();
}

export async function updateTeam(q: Q, id: string, patch: Partial<NewTeamRow>): Promise<void> {
  await q.updateTable("team").set(patch).where("id", "=", id).execute();
}

export async function deleteTeam(q: Q, id: string): Promise<void> {
  await q.deleteFrom("team").where("id", "=", id).execute();
}

export async function addMembers(q: Q, teamId: string, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await q
    .insertInto("team_member")
    .values(userIds.map((user_id) => ({ team_id: teamId, user_id })))
    .execute();
}

export async function removeMembers(q: Q, teamId: string, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await q
    .deleteFrom("team_member")
    .where("team_id", "=", teamId)
    .where("user_id", "in", [...userIds])
    .execute();
}

/** The permissions a team's assignments carry, by scope (null = global). */
export async function grantsOfTeam(q: Q, teamId: string): Promise<{ workspace_id: string | null; permission: string }[]> {
  return q
    .selectFrom("role_assignment as ra")
    .innerJoin("role_permission as rp", "rp.role_id", "ra.role_id")
    .select(["ra.workspace_id", "rp.permission"])
    .where("ra.team_id", "=", teamId)
    .execute();
}
