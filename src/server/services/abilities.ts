/**
 * `GET /current-user/abilities`: what the actor may do, globally and to the users, roles,
 * workspaces, teams, stacks and components a client is showing. Targets the actor cannot read are left out, so asking reveals
 * nothing a list would not.
 */
import type { Abilities } from "../../core/abilities.js";
import type { Actor } from "../policy/actor.js";
import {
  allows,
  componentAbilities,
  globalAbilities,
  roleAbilities,
  stackAbilities,
  teamAbilities,
  userAbilities,
  workspaceAbilities,
} from "../policy/abilities.js";
import { canSeeShareable } from "../policy/sharing.js";
import type { TeamGrant } from "../policy/teams.js";
import { authorizeReadWorkspace } from "../policy/workspaces.js";
import { userStatus } from "../presenters/users.js";
import { flag } from "../store/dialect.js";
import { componentsByIds } from "../store/repos/components.js";
import { rolesByIds, withPermissions } from "../store/repos/roles.js";
import { stacksByIds } from "../store/repos/stacks.js";
import { membersOfTeams, teamsByIds } from "../store/repos/teams.js";
import type { Q } from "../store/repos/users.js";
import { workspacesByIds } from "../store/repos/workspaces.js";
import { componentTarget } from "./components.js";
import type { Ctx } from "./context.js";
import { heldUsersByIds, withHoldings } from "./held-principals.js";
import { lockedAccounts } from "./login-throttle.js";
import { stackTarget } from "./stacks.js";
import { requireUser } from "./users.js";

export interface AbilityTargets {
  users?: readonly string[];
  roles?: readonly string[];
  workspaces?: readonly string[];
  teams?: readonly string[];
  stacks?: readonly string[];
  components?: readonly string[];
}

async function usersByIds(q: Q, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await q
    .selectFrom("users")
    .select(["id", "name", "active", "password_hash"])
    .where("id", "in", [...new Set(ids)])
    .execute();
  return withHoldings(q, rows);
}

/** The permissions each team's assignments carry, by scope: every team of a page in one query. */
async function grantsOfTeams(q: Q, teamIds: readonly string[]): Promise<Map<string, TeamGrant[]>> {
  const out = new Map<string, TeamGrant[]>(teamIds.map((id) => [id, []]));
  if (teamIds.length === 0) return out;
  const rows = await q
    .selectFrom("role_assignment as ra")
    .innerJoin("role_permission as rp", "rp.role_id", "ra.role_id")
    .select(["ra.team_id", "ra.workspace_id", "rp.permission"])
    .where("ra.team_id", "in", teamIds)
    .execute();
  for (const { team_id, ...grant } of rows) if (team_id) out.get(team_id)?.push(grant);
  return out;
}

async function teamsWithAccess(q: Q, ids: readonly string[]) {
  const teams = await teamsByIds(q, ids);
  const teamIds = teams.map((t) => t.id);
  const [members, grants] = await Promise.all([membersOfTeams(q, teamIds), grantsOfTeams(q, teamIds)]);
  const held = new Map((await heldUsersByIds(q, [...members.values()].flat())).map((u) => [u.id, u]));
  const heldMembers = (ids: readonly string[]) => ids.flatMap((id) => held.get(id) ?? []);
  return teams.map((t) => ({ id: t.id, members: heldMembers(members.get(t.id) ?? []), grants: grants.get(t.id) ?? [] }));
}

export async function getAbilities(ctx: Ctx, actor: Actor, targets: AbilityTargets = {}): Promise<Abilities> {
  const q = ctx.db.kysely;
  const defaultUserName = ctx.config.defaultUserName;
  const self = await requireUser(q, actor.id);
  const global = globalAbilities(actor, self, defaultUserName);
  const [users, roles, workspaces, teams, stacks, components] = await Promise.all([
    global["users:read"] ? usersByIds(q, targets.users ?? []) : [],
    global["roles:read"] ? rolesByIds(q, targets.roles ?? []).then((rows) => withPermissions(q, rows)) : [],
    workspacesByIds(q, targets.workspaces ?? []),
    global["teams:read"] ? teamsWithAccess(q, targets.teams ?? []) : [],
    stacksByIds(q, targets.stacks ?? []).then((rows) => rows.map(stackTarget).filter((s) => canSeeShareable(actor, s))),
    componentsByIds(q, targets.components ?? []).then((rows) => rows.map(componentTarget).filter((c) => canSeeShareable(actor, c))),
  ]);
  const locked = await lockedAccounts(
    ctx,
    users.map((u) => u.id),
  );
  return {
    global,
    users: Object.fromEntries(
      users.map((u) => [u.id, userAbilities(actor, { ...u, status: userStatus(u), locked: locked.has(u.id) }, defaultUserName)]),
    ),
    roles: Object.fromEntries(roles.map((r) => [r.id, roleAbilities(actor, { ...r, builtin: flag(r.builtin) })])),
    workspaces: Object.fromEntries(
      workspaces.filter((ws) => allows(() => authorizeReadWorkspace(actor, ws, ws.id))).map((ws) => [ws.id, workspaceAbilities(actor, ws)]),
    ),
    teams: Object.fromEntries(teams.map((t) => [t.id, teamAbilities(actor, t.grants, t.members)])),
    stacks: Object.fromEntries(stacks.map((s) => [s.id, stackAbilities(actor, s)])),
    components: Object.fromEntries(components.map((c) => [c.id, componentAbilities(actor, c)])),
  };
}
