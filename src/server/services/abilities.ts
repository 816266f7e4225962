/**
 * `GET /current-user/abilities`: what the actor may do, globally and to the users, roles and
 * workspaces a client is showing. Targets the actor cannot read are left out, so asking reveals
 * nothing a list would not.
 */
import type { Abilities } from "../../core/abilities.js";
import type { Actor } from "../policy/actor.js";
import { allows, globalAbilities, roleAbilities, userAbilities, workspaceAbilities } from "../policy/abilities.js";
import { authorizeReadWorkspace } from "../policy/workspaces.js";
import { userStatus } from "../presenters/users.js";
import { flag } from "../store/dialect.js";
import { rolesByIds, withPermissions } from "../store/repos/roles.js";
import type { Q } from "../store/repos/users.js";
import { workspacesByIds } from "../store/repos/workspaces.js";
import type { Ctx } from "./context.js";
import { requireUser } from "./users.js";

export interface AbilityTargets {
  users?: readonly string[];
  roles?: readonly string[];
  workspaces?: readonly string[];
}

function usersByIds(q: Q, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return q
    .selectFrom("users")
    .select(["id", "name", "active", "password_hash"])
    .where("id", "in", [...new Set(ids)])
    .execute();
}

export async function getAbilities(ctx: Ctx, actor: Actor, targets: AbilityTargets = {}): Promise<Abilities> {
  const q = ctx.db.kysely;
  const defaultUserName = ctx.config.defaultUserName;
  const self = await requireUser(q, actor.id);
  const global = globalAbilities(actor, self, defaultUserName);
  const [users, roles, workspaces] = await Promise.all([
    global["users:read"] ? usersByIds(q, targets.users ?? []) : [],
    global["roles:read"] ? rolesByIds(q, targets.roles ?? []).then((rows) => withPermissions(q, rows)) : [],
    workspacesByIds(q, targets.workspaces ?? []),
  ]);
  return {
    global,
    users: Object.fromEntries(users.map((u) => [u.id, userAbilities(actor, { ...u, status: userStatus(u) }, defaultUserName)])),
    roles: Object.fromEntries(roles.map((r) => [r.id, roleAbilities(actor, { ...r, builtin: flag(r.builtin) })])),
    workspaces: Object.fromEntries(
      workspaces.filter((ws) => allows(() => authorizeReadWorkspace(actor, ws, ws.id))).map((ws) => [ws.id, workspaceAbilities(actor, ws)]),
    ),
  };
}
