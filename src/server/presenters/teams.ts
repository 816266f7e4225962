/** Teams on the wire: top-level teams carry their members as full users (as ZenML's do). */
import { membersOfTeams, type TeamRow } from "../store/repos/teams.js";
import type { Q } from "../store/repos/users.js";
import { presentUsers, type UserView } from "./users.js";
import { base, type WireTeam } from "./wire.js";

export async function presentTeams(q: Q, rows: readonly TeamRow[], view: UserView): Promise<WireTeam[]> {
  const members = await membersOfTeams(
    q,
    rows.map((r) => r.id),
  );
  const ids = [...new Set([...members.values()].flat())];
  const userRows = ids.length === 0 ? [] : await q.selectFrom("users").selectAll().where("id", "in", ids).orderBy("name").execute();
  const users = new Map((await presentUsers(q, userRows, view)).map((u) => [u.id, u]));
  return rows.map((row) => ({
    ...base(row),
    name: row.name,
    users: (members.get(row.id) ?? []).flatMap((id) => users.get(id) ?? []).sort((a, b) => a.name.localeCompare(b.name)),
  }));
}

export async function presentTeam(q: Q, row: TeamRow, view: UserView): Promise<WireTeam> {
  const [team] = await presentTeams(q, [row], view);
  if (!team) throw new Error("presentTeams lost a row");
  return team;
}
