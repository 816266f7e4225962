/** Users: list, get, create (with or without a password), update, delete (SPEC §4, §5.3). */
import type { UserCreate, UserUpdate } from "../../core/schemas/users.js";
import { checkPasswordPolicy, hashPassword, verifyPassword } from "../auth/passwords.js";
import { digest, newActivationToken } from "../auth/tokens.js";
import { BadRequest, Conflict, NotFound, Unauthenticated } from "../errors.js";
import type { Actor } from "../policy/actor.js";
import { keepingAnAdmin } from "../policy/last-admin.js";
import {
  authorizeChangeUsers,
  authorizeCreateUser,
  authorizeDeleteUser,
  authorizeListUsers,
  authorizeUpdateUser,
  authorizeUpdateUserRequest,
  canSeeEmail,
  emailShownSql,
} from "../policy/users.js";
import { presentUser, presentUsers, type UserView } from "../presenters/users.js";
import type { WireUser } from "../presenters/wire.js";
import { flag, toFlag } from "../store/dialect.js";
import type { ListParams, Page } from "../store/list-query.js";
import { newId } from "../store/repos/ids.js";
import { revokeUserSessions } from "../store/repos/sessions.js";
import {
  deleteUser as deleteUserRow,
  findUser,
  insertUser,
  listUsers as listUserRows,
  updateUser as updateUserRow,
  type NewUserRow,
  type Q,
  type UserRow,
} from "../store/repos/users.js";
import { after, now } from "../store/time.js";
import { audit } from "./audit.js";
import { transaction, type Ctx } from "./context.js";
import { heldUser } from "./held-principals.js";
import { nameClash } from "./look-alike-names.js";
import { principalName } from "./name-skeleton.js";
import { transferOwnership } from "./ownership-transfer.js";

export function viewFor(actor: Actor): UserView {
  return { showEmail: (user) => canSeeEmail(actor, user) };
}

export function userNotFound(nameOrId: string): NotFound {
  return new NotFound(`Unable to get user with name or ID '${nameOrId}': no user with this name or ID exists.`);
}

export async function requireUser(q: Q, nameOrId: string): Promise<UserRow> {
  const user = await findUser(q, nameOrId);
  if (!user) throw userNotFound(nameOrId);
  return user;
}

/**
 * The 409 for a name another user has (case-insensitively) or one that looks like it, or an email
 * another user has; undefined when both are free.
 */
export async function identityClash(
  q: Q,
  fields: { name?: string | null; email?: string | null },
  selfId: string | null,
  verb: string,
): Promise<Conflict | undefined> {
  if (fields.name != null) {
    const clash = await nameClash(q, "users", fields.name, selfId, verb);
    if (clash) return clash;
  }
  if (fields.email != null) {
    const clash = await q.selectFrom("users").select("id").where("email_key", "=", fields.email.toLowerCase()).executeTakeFirst();
    if (clash && clash.id !== selfId)
      return new Conflict(
        `Unable to ${verb} user '${fields.name ?? ""}': another user already uses this email address.`.replace(" ''", ""),
      );
  }
  return undefined;
}

/** Refuses what `identityClash` finds. */
export async function requireFreeIdentity(...args: Parameters<typeof identityClash>): Promise<void> {
  const clash = await identityClash(...args);
  if (clash) throw clash;
}

/**
 * The 409 for a write a unique index refused, read again on the committed state (a concurrent
 * request took the name or email meanwhile); `fallback` if that request is gone again.
 */
export function identityConflict(
  ctx: Ctx,
  fields: Parameters<typeof identityClash>[1],
  selfId: string | null,
  verb: string,
  fallback: string,
) {
  return async (): Promise<Conflict> => (await identityClash(ctx.db.kysely, fields, selfId, verb)) ?? new Conflict(fallback);
}

export async function listUsers(ctx: Ctx, actor: Actor, params: ListParams): Promise<Page<WireUser>> {
  authorizeListUsers(actor);
  const q = ctx.db.kysely;
  const page = await listUserRows(q, params, { email: emailShownSql(actor) });
  return { ...page, items: await presentUsers(q, page.items, viewFor(actor)) };
}

export async function getUser(ctx: Ctx, actor: Actor, nameOrId: string): Promise<WireUser> {
  authorizeListUsers(actor);
  const q = ctx.db.kysely;
  return presentUser(q, await requireUser(q, nameOrId), viewFor(actor));
}

/**
 * Creates an active user (with a password) or a pending one, whose one-time activation token is
 * returned once in `activation_token` and stored only as a digest.
 */
export async function createUser(ctx: Ctx, actor: Actor, body: UserCreate): Promise<WireUser> {
  authorizeCreateUser(actor);
  if (body.password != null) await checkPasswordPolicy(body.password, ctx.config.passwordMinLength, body);
  const passwordHash = body.password != null ? await hashPassword(body.password) : null;
  const token = passwordHash === null ? newActivationToken() : null;
  const stamp = now();
  const row: NewUserRow = {
    id: newId(),
    created: stamp,
    updated: stamp,
    ...principalName(body.name),
    full_name: body.full_name,
    email: body.email ?? null,
    email_key: body.email?.toLowerCase() ?? null,
    email_opted_in: body.email_opted_in == null ? (body.email ? 1 : null) : toFlag(body.email_opted_in),
    active: toFlag(passwordHash !== null),
    password_hash: passwordHash,
    activation_digest: token ? digest(token) : null,
    activation_expires: token ? after(ctx.config.inviteTtlSeconds) : null,
  };
  const conflict = `Unable to create user with name '${body.name}': Found existing user with this name.`;
  const user = await transaction(
    ctx,
    async (q) => {
      await requireFreeIdentity(q, body, null, "create");
      await insertUser(q, row);
      await audit(q, actor, token ? "user.invite" : "user.create", { type: "user", id: row.id, name: row.name });
      return presentUser(q, row, viewFor(actor));
    },
    { conflict: identityConflict(ctx, body, null, "create", conflict) },
  );
  return { ...user, activation_token: token };
}

export async function updateUser(ctx: Ctx, actor: Actor, nameOrId: string, body: UserUpdate): Promise<WireUser> {
  authorizeUpdateUserRequest(actor, nameOrId);
  const q = ctx.db.kysely;
  const target = await heldUser(q, await requireUser(q, nameOrId));
  authorizeUpdateUser(actor, target, body, ctx.config.defaultUserName);
  return applyUserUpdate(ctx, actor, target, body);
}

/**
 * Applies a profile change (shared by `PUT /users/{id}` and `PUT /current-user`, whose access
 * rules differ and are checked before). A password change needs the current password and ends
 * every other session; deactivation ends them all and must leave an admin.
 */
export async function applyUserUpdate(ctx: Ctx, actor: Actor, target: UserRow, body: UserUpdate): Promise<WireUser> {
  let passwordHash: string | undefined;
  if (body.password != null) {
    if (body.old_password == null || !target.password_hash || !(await verifyPassword(target.password_hash, body.old_password))) {
      throw new BadRequest("To change the password, send the current one as 'old_password'; the one sent is missing or incorrect.");
    }
    const owner = { name: body.name ?? target.name, full_name: body.full_name ?? target.full_name, email: body.email ?? target.email };
    await checkPasswordPolicy(body.password, ctx.config.passwordMinLength, owner);
    passwordHash = await hashPassword(body.password);
  }
  if (body.active === true && !target.password_hash) {
    throw new BadRequest(`User '${target.name}' has not accepted the invitation yet; send them the activation link instead.`);
  }
  const patch: Partial<NewUserRow> = { updated: now() };
  if (body.name != null) Object.assign(patch, principalName(body.name));
  if (body.full_name != null) patch.full_name = body.full_name;
  if (body.email != null)
    Object.assign(patch, { email: body.email, email_key: body.email.toLowerCase(), email_opted_in: toFlag(body.email_opted_in ?? true) });
  else if (body.email_opted_in != null) patch.email_opted_in = toFlag(body.email_opted_in);
  if (passwordHash) patch.password_hash = passwordHash;
  if (body.active != null) {
    patch.active = toFlag(body.active);
    if (body.active) Object.assign(patch, { activation_digest: null, activation_expires: null });
  }
  const deactivating = body.active === false && flag(target.active);
  return transaction(
    ctx,
    async (q) => {
      await requireFreeIdentity(q, { name: body.name, email: body.email }, target.id, "update");
      await keepingAnAdmin(q, () => updateUserRow(q, target.id, patch), deactivating);
      if (passwordHash)
        await revokeUserSessions(q, target.id, actor.kind === "user" && actor.id === target.id ? actor.sessionId : undefined);
      if (deactivating) await revokeUserSessions(q, target.id);
      const changed = Object.keys(patch).filter((k) => !["updated", "name_key", "name_skeleton", "email_key", "password_hash"].includes(k));
      await audit(
        q,
        actor,
        passwordHash ? "user.password_change" : "user.update",
        { type: "user", id: target.id, name: body.name ?? target.name },
        { changed, password: Boolean(passwordHash) },
      );
      const updated = await requireUser(q, target.id);
      return presentUser(q, updated, viewFor(actor));
    },
    {
      guard: deactivating,
      conflict: identityConflict(
        ctx,
        body,
        target.id,
        "update",
        `Unable to update user with name '${body.name ?? target.name}': Found existing user with this name.`,
      ),
    },
  );
}

export async function deleteUser(ctx: Ctx, actor: Actor, nameOrId: string, transferTo?: string): Promise<void> {
  authorizeChangeUsers(actor);
  const q0 = ctx.db.kysely;
  const target = await heldUser(q0, await requireUser(q0, nameOrId));
  authorizeDeleteUser(actor, target, ctx.config.defaultUserName);
  await transaction(
    ctx,
    async (q) => {
      const heir = transferTo ? await requireUser(q, transferTo) : undefined;
      if (heir && heir.id === target.id) throw new BadRequest("Resources cannot be transferred to the user being deleted.");
      // The actor was authenticated before this transaction: another admin deleting them at the same
      // moment may have committed since, and a deleted account can receive nothing (nor act).
      if (!heir && !(await findUser(q, actor.id))) throw new Unauthenticated("Invalid authentication credentials");
      const transferred = await transferOwnership(q, target, heir ?? actor);
      await keepingAnAdmin(q, () => deleteUserRow(q, target.id));
      await audit(
        q,
        actor,
        "user.delete",
        { type: "user", id: target.id, name: target.name },
        { transfer_to: heir?.name ?? actor.name, pending: !flag(target.active), transferred },
      );
    },
    { guard: true },
  );
}
