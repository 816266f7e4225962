/**
 * What the server tells a client the actor may do (`GET /api/v1/current-user/abilities`). The
 * policy module computes every value; clients (the dashboard) only show or hide controls by them
 * and never derive them from role names or permissions (STYLE §2.5). The API refuses anyway.
 *
 * Abilities answer "may you", not "will it succeed": conflicts with the current data (a role still
 * in use, the last admin) are reported by the API when the action is tried.
 */

/** Abilities that need no target. */
export const GLOBAL_ABILITIES = [
  "users:read",
  "users:invite",
  "roles:read",
  "roles:create",
  "workspaces:read",
  "workspaces:create",
  "audit:read",
  /** Edit one's own profile and password. */
  "me",
  /** Change one's own username (the default user keeps its name). */
  "me:rename",
] as const;
export type GlobalAbility = (typeof GLOBAL_ABILITIES)[number];

/** Per user, for a page of users. */
export const USER_ABILITIES = ["edit_roles", "deactivate", "reactivate", "new_link", "delete"] as const;
export type UserAbility = (typeof USER_ABILITIES)[number];

/** Per role. */
export const ROLE_ABILITIES = ["update", "delete"] as const;
export type RoleAbility = (typeof ROLE_ABILITIES)[number];

/** Per workspace: `update` covers the description, `rename` the name. */
export const WORKSPACE_ABILITIES = ["update", "rename", "delete"] as const;
export type WorkspaceAbility = (typeof WORKSPACE_ABILITIES)[number];

export type AbilitySet<A extends string> = Record<A, boolean>;

/** Ids per kind in one request (a page of a list); clients ask in rounds for more. */
export const MAX_ABILITY_TARGETS = 100;

/** The answer of `GET /current-user/abilities`; targets the actor cannot read are left out. */
export interface Abilities {
  global: AbilitySet<GlobalAbility>;
  users: Record<string, AbilitySet<UserAbility>>;
  roles: Record<string, AbilitySet<RoleAbility>>;
  workspaces: Record<string, AbilitySet<WorkspaceAbility>>;
}

/** A user's state as the dashboard shows it: active, invited but never signed up, or switched off. */
export const USER_STATUSES = ["active", "pending", "deactivated"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
