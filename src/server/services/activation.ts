/**
 * Invitations and activation (SPEC §5.3). A pending user holds only the SHA-256 digest of a
 * 64-hex token and its expiry; activation checks it in constant time, uses it once, and answers
 * every failure with the same 401 so a caller learns nothing about why.
 */
import type { UserActivate } from "../../core/schemas/users.js";
import { checkPasswordPolicy, hashPassword } from "../auth/passwords.js";
import { digest, newActivationToken, sameDigest } from "../auth/tokens.js";
import { AuthorizationFailed } from "../errors.js";
import type { Actor } from "../policy/actor.js";
import { keepingAnAdmin } from "../policy/last-admin.js";
import { authorizeChangeUsers, authorizeDeactivateUser } from "../policy/users.js";
import { presentUser } from "../presenters/users.js";
import type { WireUser } from "../presenters/wire.js";
import { flag, toFlag } from "../store/dialect.js";
import { revokeUserSessions } from "../store/repos/sessions.js";
import { findUser, type UserRow } from "../store/repos/users.js";
import { after, now, toMs } from "../store/time.js";
import { audit, recordRefusal } from "./audit.js";
import { transaction, type Ctx } from "./context.js";
import { heldUser } from "./held-principals.js";
import { principalName } from "./name-skeleton.js";
import { identityConflict, requireFreeIdentity, requireUser, viewFor } from "./users.js";

const INVALID = "The activation link is invalid, expired or already used.";

/** Why an activation fails: for the audit log only, as the caller gets one answer for all. */
type Refusal = "unknown user" | "not pending" | "expired" | "wrong token";

function refusalOf(user: UserRow, token: string): Refusal | undefined {
  if (!user.activation_digest || !user.activation_expires) return "not pending";
  if (toMs(user.activation_expires) <= Date.now()) return "expired";
  return sameDigest(digest(token), user.activation_digest) ? undefined : "wrong token";
}

/** Every failed activation is audited (SPEC §9), then answered with the one 401. */
async function refuse(ctx: Ctx, nameOrId: string, user: UserRow | undefined, source: string, reason: Refusal): Promise<never> {
  const target = { type: "user", id: user?.id ?? null, name: user?.name ?? nameOrId.slice(0, 255) };
  await recordRefusal(ctx, { id: null, name: null, source }, "user.activate", target, { reason }, "failure");
  throw new AuthorizationFailed(INVALID);
}

// The format lives in core beside the header that carries it to the dashboard and the CLI.
export { signupLink } from "../../core/signup-link.js";

export async function activateUser(ctx: Ctx, nameOrId: string, body: UserActivate, source: string): Promise<WireUser> {
  const user = nameOrId.length <= 255 ? await findUser(ctx.db.kysely, nameOrId) : undefined;
  if (!user) return refuse(ctx, nameOrId, user, source, "unknown user");
  const refusal = refusalOf(user, body.activation_token);
  if (refusal) return refuse(ctx, nameOrId, user, source, refusal);
  const owner = { name: body.name ?? user.name, full_name: body.full_name ?? user.full_name, email: body.email ?? user.email };
  await checkPasswordPolicy(body.password, ctx.config.passwordMinLength, owner);
  const passwordHash = await hashPassword(body.password);
  const stamp = now();
  return transaction(
    ctx,
    async (q) => {
      if (body.name != null || body.email != null) await requireFreeIdentity(q, body, user.id, "activate");
      // The digest in the WHERE makes the token single-use even when two activations race.
      const result = await q
        .updateTable("users")
        .set({
          updated: stamp,
          active: toFlag(true),
          password_hash: passwordHash,
          activation_digest: null,
          activation_expires: null,
          ...(body.name != null ? principalName(body.name) : {}),
          ...(body.full_name != null ? { full_name: body.full_name } : {}),
          ...(body.email != null
            ? { email: body.email, email_key: body.email.toLowerCase(), email_opted_in: toFlag(body.email_opted_in ?? true) }
            : {}),
        })
        .where("id", "=", user.id)
        .where("activation_digest", "=", user.activation_digest)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new AuthorizationFailed(INVALID);
      const self = { id: user.id, name: body.name ?? user.name, source };
      await audit(q, self, "user.activate", { type: "user", id: user.id, name: self.name });
      return presentUser(q, await requireUser(q, user.id), { showEmail: () => true });
    },
    {
      conflict: identityConflict(
        ctx,
        body,
        user.id,
        "activate",
        `Unable to activate user with name '${body.name ?? user.name}': Found existing user with this name.`,
      ),
    },
  ).catch((err: unknown) => {
    // Another activation with the same token won the race.
    if (err instanceof AuthorizationFailed) return refuse(ctx, nameOrId, user, source, "not pending");
    throw err;
  });
}

/**
 * Makes a user pending again with a fresh token (the admin-issued reset and the "regenerate
 * invite link" action). The old token, the old password and every session of the user die with
 * it (SPEC §5.3), so no later `active: true` can bring the old password back.
 */
export async function deactivateUser(ctx: Ctx, actor: Actor, nameOrId: string): Promise<WireUser> {
  authorizeChangeUsers(actor);
  const q0 = ctx.db.kysely;
  const target = await heldUser(q0, await requireUser(q0, nameOrId));
  authorizeDeactivateUser(actor, target);
  const token = newActivationToken();
  const user = await transaction(
    ctx,
    async (q) => {
      await keepingAnAdmin(
        q,
        () =>
          q
            .updateTable("users")
            .set({
              updated: now(),
              active: toFlag(false),
              password_hash: null,
              activation_digest: digest(token),
              activation_expires: after(ctx.config.inviteTtlSeconds),
            })
            .where("id", "=", target.id)
            .execute(),
        flag(target.active),
      );
      await revokeUserSessions(q, target.id);
      await audit(q, actor, "user.deactivate", { type: "user", id: target.id, name: target.name }, { was_active: flag(target.active) });
      return presentUser(q, await requireUser(q, target.id), viewFor(actor));
    },
    { guard: true },
  );
  return { ...user, activation_token: token };
}
