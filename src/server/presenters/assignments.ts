/** Role assignments on the wire, with their workspace, principal and role nested. */
import type { AssignmentRow } from "../store/repos/assignments.js";
import { rolesByIds, withPermissions } from "../store/repos/roles.js";
import { teamsByIds } from "../store/repos/teams.js";
import type { Q } from "../store/repos/users.js";
import { workspacesByIds } from "../store/repos/workspaces.js";
import { presentRole } from "./roles.js";
import { presentNestedUser } from "./users.js";
import { base, type WireTeamRoleAssignment, type WireUserRoleAssignment } from "./wire.js";
import { presentWorkspace } from "./workspaces.js";

async function related(q: Q, rows: readonly AssignmentRow[]) {
  const [roles, workspaces] = await Promise.all([
    rolesByIds(
      q,
      rows.map((r) => r.role_id),
    ).then((list) => withPermissions(q, list)),
    workspacesByIds(
      q,
      rows.flatMap((r) => (r.workspace_id ? [r.workspace_id] : [])),
    ),
  ]);
  return {
    role: (row: AssignmentRow) => {
      const role = roles.find((r) => r.id === row.role_id);
      return role ? presentRole(role) : null;
    },
    workspace: (row: AssignmentRow) => {
      const ws = workspaces.find((w) => w.id === row.workspace_id);
      return ws ? presentWorkspace(ws) : null;
    },
  };
}

export async function presentUserAssignments(q: Q, rows: readonly AssignmentRow[]): Promise<WireUserRoleAssignment[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.user_id ? [r.user_id] : [])))];
  const [rel, users] = await Promise.all([
    related(q, rows),
    ids.length === 0 ? Promise.resolve([]) : q.selectFrom("users").selectAll().where("id", "in", ids).execute(),
  ]);
  return rows.map((row) => {
    const user = users.find((u) => u.id === row.user_id);
    return { ...base(row), workspace: rel.workspace(row), user: user ? presentNestedUser(user) : null, role: rel.role(row) };
  });
}

export async function presentTeamAssignments(q: Q, rows: readonly AssignmentRow[]): Promise<WireTeamRoleAssignment[]> {
  const [rel, teams] = await Promise.all([
    related(q, rows),
    teamsByIds(
      q,
      rows.flatMap((r) => (r.team_id ? [r.team_id] : [])),
    ),
  ]);
  return rows.map((row) => {
    const team = teams.find((t) => t.id === row.team_id);
    return {
      ...base(row),
      workspace: rel.workspace(row),
      team: team ? { ...base(team), name: team.name, users: [] } : null,
      role: rel.role(row),
    };
  });
}
