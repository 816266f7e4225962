/**
 * Abilities shipped to clients (src/core/abilities.ts). Each one asks the very rule the API
 * enforces, by running its `authorize*` function and noting whether it throws, so the dashboard
 * and the API can never disagree about who may do what.
 */
import type { AbilitySet, GlobalAbility, RoleAbility, UserAbility, UserStatus, WorkspaceAbility } from "../../core/abilities.js";
import type { Permission } from "../../core/permissions.js";
import { CohortError } from "../errors.js";
import type { Actor } from "./actor.js";
import { authorizeWriteAssignment } from "./assignments.js";
import { authorizeReadAudit } from "./audit.js";
import { holdsAnywhere } from "./can.js";
import { authorizeCreateRole, authorizeDeleteRole, authorizeReadRoles, authorizeUpdateRole } from "./roles.js";
import {
  authorizeCreateUser,
  authorizeDeactivateUser,
  authorizeDeleteUser,
  authorizeListUsers,
  authorizeUpdateSelf,
  authorizeUpdateUser,
} from "./users.js";
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

interface UserTarget {
  id: string;
  name: string;
  status: UserStatus;
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
    "audit:read": allows(() => authorizeReadAudit(actor)),
    me: allows(() => authorizeUpdateSelf(actor, self, null, defaultUserName)),
    "me:rename": allows(() => authorizeUpdateSelf(actor, self, anotherName(self.name), defaultUserName)),
  };
}

/**
 * What the actor may do to one user. Which of deactivate / reactivate applies follows the user's
 * status; whether a role can be granted also depends on the role, which the API checks per role.
 */
export function userAbilities(actor: Actor, target: UserTarget, defaultUserName: string): AbilitySet<UserAbility> {
  return {
    edit_roles: allows(() => authorizeWriteAssignment(actor, { workspaceId: null, affectedUserIds: [target.id], rolePermissions: [] })),
    deactivate: target.status === "active" && allows(() => authorizeUpdateUser(actor, target, { active: false }, defaultUserName)),
    reactivate: target.status === "deactivated" && allows(() => authorizeUpdateUser(actor, target, { active: true }, defaultUserName)),
    new_link: allows(() => authorizeDeactivateUser(actor, target)),
    delete: allows(() => authorizeDeleteUser(actor, target, defaultUserName)),
  };
}

interface RoleTarget {
  name: string;
  builtin: boolean;
  permissions: readonly Permission[];
}

export function roleAbilities(actor: Actor, role: RoleTarget): AbilitySet<RoleAbility> {
  return {
    update: allows(() => authorizeUpdateRole(actor, role, null)),
    // Whether the role is still assigned is data, not permission: the API explains it when tried.
    delete: allows(() => authorizeDeleteRole(actor, role, false)),
  };
}

export function workspaceAbilities(actor: Actor, ws: { id: string; name: string }): AbilitySet<WorkspaceAbility> {
  return {
    update: allows(() => authorizeUpdateWorkspace(actor, ws, null)),
    rename: allows(() => authorizeUpdateWorkspace(actor, ws, anotherName(ws.name))),
    delete: allows(() => authorizeDeleteWorkspace(actor, ws)),
  };
}
