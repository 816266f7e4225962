/** Rules for users (SPEC §4 rules 2, 3, 6, 9 and the default-user protections). */
import type { UserUpdate } from "../../core/schemas/users.js";
import type { Actor } from "./actor.js";
import { forbidWhen, has, requirePermission } from "./can.js";
import { requireOutranks, type HeldPrincipal } from "./principals.js";
import type { Where } from "./workspace-resources.js";

interface UserTarget {
  id: string;
  name: string;
}

/** Email is personal: shown to its owner and to those who administer users. */
export function canSeeEmail(actor: Actor, user: UserTarget): boolean {
  return actor.id === user.id || has(actor, "write");
}

/** SQL twin of `canSeeEmail` over `users` rows, for list filters and sorts (SPEC §4 rule 10). */
export function emailShownSql(actor: Actor): Where {
  const everyone = has(actor, "write");
  return (eb) => (everyone ? eb.lit(true) : eb(eb.ref("users.id"), "=", actor.id));
}

export function authorizeListUsers(actor: Actor): void {
  requirePermission(actor, "read");
}

export function authorizeCreateUser(actor: Actor): void {
  requirePermission(actor, "write");
}

const EMAIL_OPT_IN_FOR_OTHERS = "Users can not opt in on behalf of another user.";

/** Whether a path's user (a name or an id) is the actor, told before looking it up. */
function namesActor(actor: Actor, asked: string): boolean {
  const key = asked.toLowerCase();
  return key === actor.id || key === actor.name.toLowerCase();
}

/**
 * The checks that come before a user named in the path is looked up, so that a refusal is the same
 * whether that user exists or not (otherwise it tells who exists). Changing another user needs
 * `write` globally; the self-service routes let through whoever names themselves.
 */
export function authorizeChangeUsers(actor: Actor): void {
  requirePermission(actor, "write");
}

export function authorizeUpdateUserRequest(actor: Actor, asked: string): void {
  if (!namesActor(actor, asked)) authorizeChangeUsers(actor);
}

/** Readers of users may learn that a user does not exist (404); to others, anyone else is refused alike. */
export function authorizeEmailOptInRequest(actor: Actor, asked: string): void {
  requirePermission(actor, "me");
  forbidWhen(!namesActor(actor, asked) && !has(actor, "read"), EMAIL_OPT_IN_FOR_OTHERS);
}

/**
 * Editing a user through `PUT /users/{id}`. Oneself needs `me` for profile fields (or `write`);
 * others need `write` and every permission they hold (rule 9). Nobody sets another user's password
 * (they issue a new activation link), and nobody deactivates themselves.
 */
export function authorizeUpdateUser(actor: Actor, target: HeldPrincipal, change: UserUpdate, defaultUserName: string): void {
  const self = actor.id === target.id;
  const profileChange =
    change.name != null || change.full_name != null || change.email != null || change.email_opted_in != null || change.password != null;
  if (self && profileChange && !has(actor, "write")) requirePermission(actor, "me");
  if (!self || change.active != null) requirePermission(actor, "write");
  forbidWhen(
    !self && change.password != null,
    "You cannot set another user's password; deactivate the user to issue a new activation link instead.",
  );
  forbidWhen(self && change.active === false, "You cannot deactivate the user account currently used to authenticate to the server.");
  forbidDefaultUserRename(target, change.name, defaultUserName);
  requireOutranks(actor, target, "every");
}

/** The default user keeps its name: local mode and `cohort up` find it by that name. */
export function forbidDefaultUserRename(target: UserTarget, newName: string | null | undefined, defaultUserName: string): void {
  forbidWhen(
    newName != null && target.name.toLowerCase() === defaultUserName.toLowerCase() && newName !== target.name,
    "The username of the default user account cannot be changed.",
  );
}

/** `PUT /current-user`: one's own profile and password, with `me`. */
export function authorizeUpdateSelf(actor: Actor, self: UserTarget, newName: string | null | undefined, defaultUserName: string): void {
  requirePermission(actor, "me");
  forbidDefaultUserRename(self, newName, defaultUserName);
}

export function authorizeDeleteUser(actor: Actor, target: HeldPrincipal, defaultUserName: string): void {
  requirePermission(actor, "write");
  forbidWhen(
    actor.id === target.id,
    "You cannot delete the user account currently used to authenticate to the server. If you wish to delete this account, please authenticate with another account or contact your ZenML administrator.",
  );
  forbidWhen(target.name.toLowerCase() === defaultUserName.toLowerCase(), "The default user account cannot be deleted.");
  requireOutranks(actor, target, "every");
}

/** A new activation link lets whoever holds it set the password: never for someone who holds more. */
export function authorizeDeactivateUser(actor: Actor, target: HeldPrincipal): void {
  requirePermission(actor, "write");
  forbidWhen(actor.id === target.id, "You cannot deactivate the user account currently used to authenticate to the server.");
  requireOutranks(actor, target, "every");
}

/**
 * Lifting a user's login lockout (SPEC §5.1): `write` globally, and never for someone who holds
 * more (rule 9), as deactivation. One's own too: a live session proves who one is better than
 * failed logins, which anyone can cause, disprove it.
 */
export function authorizeUnlockUser(actor: Actor, target: HeldPrincipal): void {
  requirePermission(actor, "write");
  requireOutranks(actor, target, "every");
}

/** `PUT /users/{id}/email-opt-in`: only for oneself. */
export function authorizeEmailOptIn(actor: Actor, target: UserTarget): void {
  requirePermission(actor, "me");
  forbidWhen(actor.id !== target.id, EMAIL_OPT_IN_FOR_OTHERS);
}
