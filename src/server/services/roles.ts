/** Roles: list, get, create, update, delete (SPEC §3, §4). */
import type { RoleCreate, RoleUpdate } from "../../core/schemas/roles.js";
import { NotFound } from "../errors.js";
import type { Actor } from "../policy/actor.js";
import { keepingAnAdmin } from "../policy/last-admin.js";
import {
  authorizeChangeRoles,
  authorizeCreateRole,
  authorizeDeleteRole,
  authorizeReadRoles,
  authorizeUpdateRole,
  type RoleHolder,
} from "../policy/roles.js";
import { presentRole } from "../presenters/roles.js";
import type { WireRole } from "../presenters/wire.js";
import { flag, toFlag } from "../store/dialect.js";
import type { ListParams, Page } from "../store/list-query.js";
import { newId } from "../store/repos/ids.js";
import {
  deleteRole as deleteRoleRow,
  findRole,
  holdersOfRole,
  insertRole,
  listRoles as listRoleRows,
  roleInUse,
  setRolePermissions,
  updateRole as updateRoleRow,
  withPermissions,
  type RoleWithPermissions,
} from "../store/repos/roles.js";
import type { Q } from "../store/repos/users.js";
import { now } from "../store/time.js";
import { audit } from "./audit.js";
import { transaction, type Ctx } from "./context.js";
import { heldUsersByIds } from "./held-principals.js";

export async function requireRole(q: Q, nameOrId: string): Promise<RoleWithPermissions> {
  const row = await findRole(q, nameOrId);
  if (!row) throw new NotFound(`Unable to get role with name or ID '${nameOrId}': no role with this name or ID exists.`);
  const [role] = await withPermissions(q, [row]);
  if (!role) throw new Error("withPermissions lost a row");
  return role;
}

/** Who holds the role and where, as rule 9 compares them with the actor. */
async function roleHolders(q: Q, roleId: string): Promise<RoleHolder[]> {
  const holdings = await holdersOfRole(q, roleId);
  const users = new Map(
    (
      await heldUsersByIds(
        q,
        holdings.map((h) => h.user_id),
      )
    ).map((u) => [u.id, u]),
  );
  return holdings.flatMap((h) => {
    const user = users.get(h.user_id);
    return user ? [{ user, workspaceId: h.workspace_id }] : [];
  });
}

const roleTarget = (role: RoleWithPermissions) => ({ name: role.name, builtin: flag(role.builtin), permissions: role.permissions });

export async function listRoles(ctx: Ctx, actor: Actor, params: ListParams): Promise<Page<WireRole>> {
  authorizeReadRoles(actor);
  const q = ctx.db.kysely;
  const page = await listRoleRows(q, params);
  return { ...page, items: (await withPermissions(q, page.items)).map(presentRole) };
}

export async function getRole(ctx: Ctx, actor: Actor, nameOrId: string): Promise<WireRole> {
  authorizeReadRoles(actor);
  return presentRole(await requireRole(ctx.db.kysely, nameOrId));
}

export async function createRole(ctx: Ctx, actor: Actor, body: RoleCreate): Promise<WireRole> {
  authorizeCreateRole(actor, body.permissions);
  const stamp = now();
  const row = { id: newId(), created: stamp, updated: stamp, name: body.name, name_key: body.name.toLowerCase(), builtin: toFlag(false) };
  return transaction(
    ctx,
    async (q) => {
      await insertRole(q, row, body.permissions);
      await audit(q, actor, "role.create", { type: "role", id: row.id, name: row.name }, { permissions: body.permissions });
      return presentRole(await requireRole(q, row.id));
    },
    { conflict: `Unable to create role '${body.name}': Role already exists.` },
  );
}

export async function updateRole(ctx: Ctx, actor: Actor, nameOrId: string, body: RoleUpdate): Promise<WireRole> {
  authorizeChangeRoles(actor);
  const q0 = ctx.db.kysely;
  const role = await requireRole(q0, nameOrId);
  authorizeUpdateRole(actor, roleTarget(role), body.permissions, body.permissions ? await roleHolders(q0, role.id) : []);
  return transaction(
    ctx,
    async (q) => {
      await updateRoleRow(q, role.id, {
        updated: now(),
        ...(body.name != null ? { name: body.name, name_key: body.name.toLowerCase() } : {}),
      });
      if (body.permissions != null) {
        const permissions = body.permissions;
        await keepingAnAdmin(q, () => setRolePermissions(q, role.id, permissions));
      }
      await audit(
        q,
        actor,
        "role.update",
        { type: "role", id: role.id, name: body.name ?? role.name },
        { before: role.permissions, after: body.permissions ?? role.permissions },
      );
      return presentRole(await requireRole(q, role.id));
    },
    { guard: body.permissions != null, conflict: `Unable to update role '${body.name ?? role.name}': Role already exists.` },
  );
}

export async function deleteRole(ctx: Ctx, actor: Actor, nameOrId: string): Promise<void> {
  authorizeChangeRoles(actor);
  const role = await requireRole(ctx.db.kysely, nameOrId);
  await transaction(
    ctx,
    async (q) => {
      authorizeDeleteRole(actor, roleTarget(role), await roleInUse(q, role.id));
      await deleteRoleRow(q, role.id);
      await audit(q, actor, "role.delete", { type: "role", id: role.id, name: role.name }, { permissions: role.permissions });
    },
    { guard: true },
  );
}
