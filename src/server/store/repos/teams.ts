/** Queries on `team` and `team_member`. */
import type { Selectable } from "kysely";
import type { TeamTable } from "../schema.js";
import type { Q } from "./users.js";

export type TeamRow = Selectable<TeamTable>;

/** The teams each user belongs to, by user id. */
export async function teamsOfUsers(q: Q, userIds: readonly string[]): Promise<Map<string, TeamRow[]>> {
  const out = new Map<string, TeamRow[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const rows = await q
    .selectFrom("team_member")
    .innerJoin("team", "team.id", "team_member.team_id")
    .selectAll("team")
    .select("team_member.user_id as member_id")
    .where("team_member.user_id", "in", [...new Set(userIds)])
    .orderBy("team.name")
    .execute();
  for (const { member_id, ...team } of rows) out.get(member_id)?.push(team);
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
