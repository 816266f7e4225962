/**
 * Abilities shipped to clients (src/core/abilities.ts). Each one asks the very rule the API
 * enforces, by running its `authorize*` function and noting whether it throws, so the dashboard
 * and the API can never disagree about who may do what.
 */
import type {
  AbilitySet,
  GlobalAbility,
  RoleAbility,
  ShareableAbility,
  TeamAbility,
  UserAbility,
  UserStatus,
  WorkspaceAbility,
} from "../../core/abilities.js";
import type { Permission } from "../../core/permissions.js";
import { CohortError } from "../errors.js";
import type { Actor } from "./actor.js";
import { authorizeWriteAssignment } from "./assignments.js";
import { authorizeReadAudit } from "./audit.js";
import { holdsAnywhere } from "./can.js";
import { NO_HOLDINGS } from "./holdings.js";
import type { HeldPrincipal } from "./principals.js";
import { authorizeDeleteComponent, authorizeUpdateComponent, type ComponentTarget } from "./components.js";
import { authorizeCreateRole, authorizeDeleteRole, authorizeReadRoles, authorizeUpdateRole } from "./roles.js";
import type { OwnerFields, ShareableTarget } from "./sharing.js";
import { authorizeDeleteStack, authorizeUpdateStack, type StackTarget } from "./stacks.js";
import { authorizeCreateTeam, authorizeDeleteTeam, authorizeReadTeams, authorizeUpdateTeam, type TeamGrant } from "./teams.js";
import {
  authorizeCreateUser,
  authorizeDeactivateUser,
  authorizeDeleteUser,
  authorizeListUsers,
  authorizeUnlockUser,
  authorizeUpdateSelf,
  authorizeUpdateUser,
} from "./users.js";
import { authorizeCreateInWorkspace } from "./workspace-resources.js";
import { authorizeCreateWorkspace, authorizeDeleteWorkspace, authorizeUpdateWorkspace } from "./workspaces.js";

/** True when `check` passes; a policy refusal is false, anything else is a bug and propagates. */
export function allows(check: () => void): boolean {
  try {
    check();
    return true;
  } catch (err) {
    if (err instanceof CohortError) return false;
    throw err;
  }
}

/** Rules about names ask about "some other name": any value different from the current one. */
const anotherName = (name: string) => `${name} (renamed)`;

interface UserTarget extends HeldPrincipal {
  status: UserStatus;
  /** Locked out of logging in by failed attempts (SPEC §5.1). */
  locked: boolean;
}

export function globalAbilities(actor: Actor, self: { id: string; name: string }, defaultUserName: string): AbilitySet<GlobalAbility> {
  return {
    "users:read": allows(() => authorizeListUsers(actor)),
    "users:invite": allows(() => authorizeCreateUser(actor)),
    "roles:read": allows(() => authorizeReadRoles(actor)),
    "roles:create": allows(() => authorizeCreateRole(actor, [])),
    // Workspace readers see the workspaces they read, so any read role opens the list.
    "workspaces:read": holdsAnywhere(actor, "read"),
    "workspaces:create": allows(() => authorizeCreateWorkspace(actor)),
    "teams:read": allows(() => authorizeReadTeams(actor)),
    "teams:create": allows(() => authorizeCreateTeam(actor, [])),
    "audit:read": allows(() => authorizeReadAudit(actor)),
    me: allows(() => authorizeUpdateSelf(actor, self, null, defaultUserName)),
    "me:rename": allows(() => authorizeUpdateSelf(actor, self, anotherName(self.name), defaultUserName)),
  };
}

/**
 * What the actor may do to one user. Which of deactivate / reactivate applies follows the user's
 * status, and unlock whether they are locked out; whether a role can be granted also depends on
 * the role, which the API checks per role.
 */
export function userAbilities(actor: Actor, target: UserTarget, defaultUserName: string): AbilitySet<UserAbility> {
  return {
    edit_roles: allows(() => authorizeWriteAssignment(actor, { workspaceId: null, affectedUsers: [target], rolePermissions: [] })),
    deactivate: target.status === "active" && allows(() => authorizeUpdateUser(actor, target, { active: false }, defaultUserName)),
    reactivate: target.status === "deactivated" && allows(() => authorizeUpdateUser(actor, target, { active: true }, defaultUserName)),
    new_link: allows(() => authorizeDeactivateUser(actor, target)),
    delete: allows(() => authorizeDeleteUser(actor, target, defaultUserName)),
    unlock: target.locked && allows(() => authorizeUnlockUser(actor, target)),
  };
}

interface RoleTarget {
  name: string;
  builtin: boolean;
  permissions: readonly Permission[];
}

export function roleAbilities(actor: Actor, role: RoleTarget): AbilitySet<RoleAbility> {
  return {
    update: allows(() => authorizeUpdateRole(actor, role, null, [])),
    // Whether the role is still assigned is data, not permission: the API explains it when tried.
    delete: allows(() => authorizeDeleteRole(actor, role, false)),
  };
}

export function workspaceAbilities(actor: Actor, ws: { id: string; name: string }): AbilitySet<WorkspaceAbility> {
  // What a client registering as itself in this workspace sends (SPEC §4 rule 5).
  const asSelf = { user: actor.id, workspace: ws.id };
  return {
    update: allows(() => authorizeUpdateWorkspace(actor, ws, null)),
    rename: allows(() => authorizeUpdateWorkspace(actor, ws, anotherName(ws.name))),
    delete: allows(() => authorizeDeleteWorkspace(actor, ws)),
    create_stack: allows(() => authorizeCreateInWorkspace(actor, ws, ws.id, asSelf, "stacks")),
    create_component: allows(() => authorizeCreateInWorkspace(actor, ws, ws.id, asSelf, "components")),
  };
}

/**
 * Someone who is never the actor and holds nothing: asks whether others may be added at all; who
 * exactly may be is rule 9's per-user answer, which the API gives when tried.
 */
const SOMEONE_ELSE: HeldPrincipal = { id: "", name: "", holdings: NO_HOLDINGS };

export function teamAbilities(actor: Actor, grants: readonly TeamGrant[], members: readonly HeldPrincipal[]): AbilitySet<TeamAbility> {
  return {
    update: allows(() => authorizeUpdateTeam(actor, grants, [], [])),
    edit_members: allows(() => authorizeUpdateTeam(actor, grants, [SOMEONE_ELSE], [])),
    edit_roles: allows(() => authorizeWriteAssignment(actor, { workspaceId: null, affectedUsers: members, rolePermissions: [] })),
    delete: allows(() => authorizeDeleteTeam(actor, grants, members)),
  };
}

/** The abilities of a stack or component, from its own update and delete rules. */
function shareableAbilities<T extends ShareableTarget & { name: string }>(
  target: T,
  update: (request: OwnerFields) => void,
  remove: () => void,
): AbilitySet<ShareableAbility> {
  return {
    update: allows(() => update({})),
    rename: allows(() => update({ name: anotherName(target.name) })),
    share: !target.isShared && allows(() => update({ is_shared: true })),
    unshare: target.isShared && allows(() => update({ is_shared: false })),
    delete: allows(remove),
  };
}

export function stackAbilities(actor: Actor, stack: StackTarget): AbilitySet<ShareableAbility> {
  return shareableAbilities(
    stack,
    (request) => authorizeUpdateStack(actor, stack, request),
    () => authorizeDeleteStack(actor, stack),
  );
}

export function componentAbilities(actor: Actor, component: ComponentTarget): AbilitySet<ShareableAbility> {
  return shareableAbilities(
    component,
    (request) => authorizeUpdateComponent(actor, component, request),
    // Held by no stack: whether one holds it now is data, which the API reports when tried.
    () => authorizeDeleteComponent(actor, component, 0),
  );
}
