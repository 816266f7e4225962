/**
 * Rule 9 (SPEC §4): nobody acts on someone who holds more. Changing, deactivating, re-issuing a
 * link for or deleting another principal, assigning or revoking their roles, and adding them to or
 * removing them from a team all need the actor to hold, in the same scope, every permission the
 * target holds. Otherwise a `write` holder could take over an admin: issue the admin a new
 * activation link, set its password, and log in as them.
 *
 * What the target holds is read from its assignments whatever its status: a pending or deactivated
 * admin is an admin again once activated, so it is protected like one.
 */
import { sortPermissions, type Permission } from "../../core/permissions.js";
import type { Actor } from "./actor.js";
import { forbidWhen, permissionsIn } from "./can.js";
import { heldIn, type Holdings } from "./holdings.js";

/** A user (later also a service account) as rule 9 sees it. */
export interface HeldPrincipal {
  id: string;
  name: string;
  holdings: Holdings;
}

/**
 * Where the comparison is made: `"every"` for acts on the account itself (all it holds, wherever
 * it holds it), or the scope of one assignment (null: global).
 */
export type RuleScope = "every" | string | null;

function missingIn(actor: Actor, target: Holdings, workspaceId: string | null): Permission[] {
  const held = permissionsIn(actor, workspaceId);
  return [...heldIn(target, workspaceId)].filter((p) => !held.has(p));
}

/** The permissions the target holds and the actor lacks, in the scope (empty when the actor may act). */
export function permissionsBeyond(actor: Actor, target: Holdings, scope: RuleScope): Permission[] {
  if (actor.kind === "local") return [];
  if (scope !== "every") return missingIn(actor, target, scope);
  const missing = new Set(missingIn(actor, target, null));
  for (const workspaceId of target.byWorkspace.keys()) for (const p of missingIn(actor, target, workspaceId)) missing.add(p);
  return sortPermissions(missing);
}

/** 403 unless the actor holds, in the scope, every permission the target holds (SPEC §4 rule 9). */
export function requireOutranks(actor: Actor, target: HeldPrincipal, scope: RuleScope): void {
  if (actor.id === target.id) return;
  const missing = permissionsBeyond(actor, target.holdings, scope);
  const where = scope === "every" ? "" : scope === null ? " globally" : " in this workspace";
  forbidWhen(
    missing.length > 0,
    `User '${target.name}' holds ${missing.map((p) => `'${p}'`).join(", ")}${where}, which you do not: only someone who holds every permission they hold may change them, their roles or their teams.`,
  );
}
