/**
 * Rules for teams (SPEC §4 rules 2, 6, 9). Team members receive the team's roles, so changing who
 * is in a team is handing out (or taking away) those roles: the actor must hold every permission
 * the team carries, in each scope it carries it, and may not change their own membership of a
 * team. Adding or removing someone is acting on them: the actor must hold all they hold.
 */
import { isPermission, type Permission } from "../../core/permissions.js";
import type { Actor } from "./actor.js";
import { forbidWhen, requireHolds, requirePermission } from "./can.js";
import { requireOutranks, type HeldPrincipal } from "./principals.js";

export interface TeamGrant {
  workspace_id: string | null;
  permission: string;
}

function requireHoldsGrants(actor: Actor, grants: readonly TeamGrant[]): void {
  const byScope = new Map<string | null, Permission[]>();
  for (const { workspace_id, permission } of grants) {
    if (isPermission(permission)) byScope.set(workspace_id, [...(byScope.get(workspace_id) ?? []), permission]);
  }
  for (const [scope, permissions] of byScope) requireHolds(actor, permissions, scope);
}

export function authorizeReadTeams(actor: Actor): void {
  requirePermission(actor, "read");
}

/**
 * Before a team named in the path is looked up: changing teams needs `write` globally, and a
 * refusal must not tell whether the team exists.
 */
export function authorizeChangeTeams(actor: Actor): void {
  requirePermission(actor, "write");
}

/**
 * A new team carries no roles yet, so its creator may be among its first members; putting someone
 * else in it is still acting on them (rule 9).
 */
export function authorizeCreateTeam(actor: Actor, members: readonly HeldPrincipal[]): void {
  requirePermission(actor, "write");
  for (const user of members) requireOutranks(actor, user, "every");
}

export function authorizeUpdateTeam(
  actor: Actor,
  grants: readonly TeamGrant[],
  added: readonly HeldPrincipal[],
  removed: readonly HeldPrincipal[],
): void {
  requirePermission(actor, "write");
  const changed = [...added, ...removed];
  if (changed.length === 0) return;
  forbidWhen(
    changed.some((user) => user.id === actor.id),
    "You cannot change your own team memberships.",
  );
  requireHoldsGrants(actor, grants);
  for (const user of changed) requireOutranks(actor, user, "every");
}

/** Deleting a team removes every member from it: the same bar as removing them all. */
export function authorizeDeleteTeam(actor: Actor, grants: readonly TeamGrant[], members: readonly HeldPrincipal[]): void {
  requirePermission(actor, "write");
  requireHoldsGrants(actor, grants);
  forbidWhen(
    members.some((user) => user.id === actor.id) && grants.length > 0,
    "You cannot delete a team you belong to while it holds roles: that would change your own permissions.",
  );
  for (const user of members) if (user.id !== actor.id) requireOutranks(actor, user, "every");
}
