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
  "teams:read",
  "teams:create",
  "audit:read",
  /** Edit one's own profile and password. */
  "me",
  /** Change one's own username (the default user keeps its name). */
  "me:rename",
] as const;
export type GlobalAbility = (typeof GLOBAL_ABILITIES)[number];

/**
 * Per user, for a page of users. `unlock` lifts a login lockout (SPEC §5.1): true only while the
 * user is locked out.
 */
export const USER_ABILITIES = ["edit_roles", "deactivate", "reactivate", "new_link", "delete", "unlock"] as const;
export type UserAbility = (typeof USER_ABILITIES)[number];

/** Per role. */
export const ROLE_ABILITIES = ["update", "delete"] as const;
export type RoleAbility = (typeof ROLE_ABILITIES)[number];

/**
 * Per workspace: `update` covers the description, `rename` the name; `create_stack` and
 * `create_component` register one's own stacks and components in it.
 */
export const WORKSPACE_ABILITIES = ["update", "rename", "delete", "create_stack", "create_component"] as const;
export type WorkspaceAbility = (typeof WORKSPACE_ABILITIES)[number];

/**
 * Per team: `update` renames it, `edit_members` adds and removes members (never oneself), `edit_roles`
 * assigns and revokes its roles (everywhere; a workspace's writers may still assign in theirs).
 */
export const TEAM_ABILITIES = ["update", "edit_members", "edit_roles", "delete"] as const;
export type TeamAbility = (typeof TEAM_ABILITIES)[number];

/**
 * Per stack or component. `update` edits what others may edit too; `rename`, `share` and `unshare`
 * are the owner's (`share` applies to a private one, `unshare` to a shared one). Whether a
 * component is still held by a stack is data, reported by the API when a delete or unshare is tried.
 */
export const SHAREABLE_ABILITIES = ["update", "rename", "share", "unshare", "delete"] as const;
export type ShareableAbility = (typeof SHAREABLE_ABILITIES)[number];

export type AbilitySet<A extends string> = Record<A, boolean>;

/** Ids per kind in one request (a page of a list); clients ask in rounds for more. */
export const MAX_ABILITY_TARGETS = 100;

/** The answer of `GET /current-user/abilities`; targets the actor cannot read are left out. */
export interface Abilities {
  global: AbilitySet<GlobalAbility>;
  users: Record<string, AbilitySet<UserAbility>>;
  roles: Record<string, AbilitySet<RoleAbility>>;
  workspaces: Record<string, AbilitySet<WorkspaceAbility>>;
  teams: Record<string, AbilitySet<TeamAbility>>;
  stacks: Record<string, AbilitySet<ShareableAbility>>;
  components: Record<string, AbilitySet<ShareableAbility>>;
}

/** A user's state as the dashboard shows it: active, invited but never signed up, or switched off. */
export const USER_STATUSES = ["active", "pending", "deactivated"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
