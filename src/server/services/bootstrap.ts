/**
 * First start (SPEC §2): the migration seeds workspace `default` and the built-in roles; this
 * creates the `default` admin. With COHORT_DEFAULT_USER_PASSWORD it is active with that password;
 * otherwise it is pending and a one-time setup link is issued. Safe when several servers start at
 * once: the user is created once (unique name), and a fresh setup link is claimed by one process.
 */
import { randomBytes } from "node:crypto";
import { checkPasswordPolicy, hashPassword } from "../auth/passwords.js";
import { digest, newActivationToken } from "../auth/tokens.js";
import { isUniqueViolation, toFlag } from "../store/dialect.js";
import { GLOBAL_SCOPE } from "../store/repos/assignments.js";
import { newId } from "../store/repos/ids.js";
import { findRole } from "../store/repos/roles.js";
import { findUser, insertUser } from "../store/repos/users.js";
import { after, now } from "../store/time.js";
import { signupLink } from "./activation.js";
import { audit } from "./audit.js";
import { transaction, type Ctx } from "./context.js";
import { fillNameSkeletons } from "./look-alike-names.js";
import { principalName } from "./name-skeleton.js";

export interface BootstrapResult {
  /** Set when the default user is pending and this process issued its setup link. */
  setupLink?: string;
  defaultUserId: string;
  /** What an admin should see to: users or teams whose names look alike (services/look-alike-names.ts). */
  warnings: string[];
}

const SYSTEM = { id: null, name: "system", source: "bootstrap" };

async function createDefaultUser(ctx: Ctx): Promise<void> {
  const { defaultUserName: name, defaultUserPassword: password } = ctx.config;
  if (password !== undefined) await checkPasswordPolicy(password, ctx.config.passwordMinLength, { name });
  const passwordHash = password !== undefined ? await hashPassword(password) : null;
  const stamp = now();
  const id = newId();
  try {
    await transaction(ctx, async (q) => {
      const admin = await findRole(q, "admin");
      if (!admin) throw new Error("the built-in admin role is missing: the store was not migrated");
      await insertUser(q, {
        id,
        created: stamp,
        updated: stamp,
        ...principalName(name),
        full_name: "",
        email: null,
        email_key: null,
        email_opted_in: null,
        active: toFlag(passwordHash !== null),
        password_hash: passwordHash,
        activation_digest: null,
        activation_expires: null,
      });
      await q
        .insertInto("role_assignment")
        .values({
          id: newId(),
          created: stamp,
          updated: stamp,
          role_id: admin.id,
          user_id: id,
          team_id: null,
          workspace_id: null,
          principal_id: id,
          scope: GLOBAL_SCOPE,
        })
        .execute();
      await audit(q, SYSTEM, "user.create", { type: "user", id, name }, { default_user: true });
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err; // another process created it first
  }
}

/**
 * The deployment's one identity. Its id is random, so no unique index stops two processes that
 * start together from each inserting one (and then signing CSRF tokens with different keys): the
 * check and the insert run under the guard lock instead.
 */
async function createIdentity(ctx: Ctx): Promise<void> {
  await transaction(
    ctx,
    async (q) => {
      if (await q.selectFrom("server_identity").select("id").executeTakeFirst()) return;
      await q
        .insertInto("server_identity")
        .values({ id: newId(), secret_key: randomBytes(32).toString("hex"), created: now() })
        .execute();
    },
    { guard: true },
  );
}

export interface BootstrapOptions {
  /**
   * Issue a fresh setup link while the default user is pending (default true). The CLI's local
   * mode passes false: each command opens the store, and rotating the link there would silently
   * kill the one a running server printed.
   */
  issueSetupLink?: boolean;
}

export async function bootstrap(ctx: Ctx, options: BootstrapOptions = {}): Promise<BootstrapResult> {
  const q = ctx.db.kysely;
  if (!(await q.selectFrom("server_identity").select("id").executeTakeFirst())) await createIdentity(ctx);
  const warnings = await fillNameSkeletons(ctx);
  let user = await findUser(q, ctx.config.defaultUserName);
  if (!user) {
    await createDefaultUser(ctx);
    user = await findUser(q, ctx.config.defaultUserName);
  }
  if (!user) throw new Error("could not create the default user");
  if (user.active || user.password_hash || options.issueSetupLink === false) return { defaultUserId: user.id, warnings };
  // Still pending: issue a fresh setup link. The old digest in the WHERE lets one process win.
  const token = newActivationToken();
  const pending = user;
  const issued = await transaction(ctx, async (tx) => {
    const result = await tx
      .updateTable("users")
      .set({ activation_digest: digest(token), activation_expires: after(ctx.config.inviteTtlSeconds) })
      .where("id", "=", pending.id)
      .where((eb) =>
        pending.activation_digest === null ? eb("activation_digest", "is", null) : eb("activation_digest", "=", pending.activation_digest),
      )
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  });
  if (!issued) return { defaultUserId: user.id, warnings };
  return { defaultUserId: user.id, setupLink: signupLink(ctx.config.baseUrl, user, token), warnings };
}

/** The server's stable id and its secret key (COHORT_SECRET_KEY wins over the stored one). */
export async function serverIdentity(ctx: Ctx): Promise<{ id: string; secretKey: string }> {
  // Ordered to the id, so every process picks the same row even in a store that has two.
  const row = await ctx.db.kysely.selectFrom("server_identity").selectAll().orderBy("created").orderBy("id").executeTakeFirstOrThrow();
  return { id: row.id, secretKey: ctx.config.secretKey ?? row.secret_key };
}
