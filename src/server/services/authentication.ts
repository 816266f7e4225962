/**
 * Sessions (SPEC §5.1): login, the per-request session check, logout. Nothing is cached in the
 * token or in this process: every request re-reads the session and the user's live grants, so a
 * logout, revoke, deactivation or role change through any server process counts at once.
 */
import type { Permission } from "../../core/permissions.js";
import { dummyHash, hashPassword, needsRehash, verifyPassword } from "../auth/passwords.js";
import { digest, newSessionToken } from "../auth/tokens.js";
import { Unauthenticated } from "../errors.js";
import type { Actor, UserActor } from "../policy/actor.js";
import { flag, toFlag } from "../store/dialect.js";
import { newId } from "../store/repos/ids.js";
import { checkSession, insertSession, revokeSession, touchSession } from "../store/repos/sessions.js";
import { findUser, updateUser, type Q, type UserRow } from "../store/repos/users.js";
import { after, now, toMs } from "../store/time.js";
import { audit } from "./audit.js";
import { transaction, type Ctx } from "./context.js";
import { checkThrottle, recordLoginFailure, resetUserThrottle } from "./login-throttle.js";

/** last_seen is written at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60_000;

export interface LoginResult {
  access_token: string;
  token_type: "bearer";
  expires_in: number;
  sessionId: string;
}

export interface LoginRequest {
  username: string;
  password: string;
  client: string;
  source: string;
}

export async function login(ctx: Ctx, req: LoginRequest): Promise<LoginResult> {
  const username = req.username.trim();
  await checkThrottle(ctx, username, req.source);
  const user = username.length > 0 && username.length <= 255 ? await findUser(ctx.db.kysely, username) : undefined;
  const stored = user?.password_hash ?? (await dummyHash());
  const passwordOk = await verifyPassword(stored, req.password);
  if (!user || !user.password_hash || !passwordOk || !flag(user.active)) {
    return recordLoginFailure(ctx, username, req.source, user?.id ?? null);
  }
  // Guesses racing this one may have locked the username while the password was being checked.
  await checkThrottle(ctx, username, req.source);
  const rehash = needsRehash(user.password_hash) ? await hashPassword(req.password) : undefined;
  return startSession(ctx, user, { client: req.client, source: req.source }, async (q) => {
    if (rehash) await updateUser(q, user.id, { password_hash: rehash });
    await resetUserThrottle(q, username);
  });
}

export interface SessionOrigin {
  client: string;
  source: string;
}

/**
 * Creates a session for a user who has already proven who they are (a login, or the CLI that
 * holds the store itself) and returns its bearer token, the only time it exists in clear.
 * `alsoInTx` runs in the same transaction, before the audit event.
 */
export async function startSession(
  ctx: Ctx,
  user: { id: string; name: string },
  origin: SessionOrigin,
  alsoInTx?: (q: Q) => Promise<void>,
): Promise<LoginResult> {
  const token = newSessionToken();
  const sessionId = newId();
  const nowMs = Date.now();
  const maxTtl = ctx.config.sessionMaxTtlSeconds;
  const idleTtl = Math.min(ctx.config.sessionIdleTtlSeconds, maxTtl);
  await transaction(ctx, async (q) => {
    await alsoInTx?.(q);
    await insertSession(q, {
      id: sessionId,
      token_digest: digest(token),
      user_id: user.id,
      created: now(),
      last_seen: now(),
      idle_expires: after(idleTtl, nowMs),
      max_expires: after(maxTtl, nowMs),
      client: origin.client.slice(0, 255),
      source: origin.source.slice(0, 64),
      revoked: toFlag(false),
    });
    await audit(q, { id: user.id, name: user.name, source: origin.source }, "login", { type: "session", id: sessionId, name: user.name });
  });
  return { access_token: token, token_type: "bearer", expires_in: idleTtl, sessionId };
}

/**
 * The actor behind a bearer token or session cookie, or 401. One statement reads the session, its
 * user and the user's grants (store/repos/sessions.ts), fresh on every request.
 */
export async function authenticate(ctx: Ctx, token: string, source: string): Promise<UserActor> {
  const q = ctx.db.kysely;
  const row = token.length <= 200 ? await checkSession(q, digest(token)) : undefined;
  const nowMs = Date.now();
  if (!row || flag(row.revoked) || !flag(row.user.active) || toMs(row.idle_expires) <= nowMs || toMs(row.max_expires) <= nowMs) {
    throw new Unauthenticated("Invalid authentication credentials");
  }
  if (nowMs - toMs(row.last_seen) > TOUCH_INTERVAL_MS) {
    const idle = Math.min(toMs(row.max_expires), nowMs + ctx.config.sessionIdleTtlSeconds * 1000);
    await touchSession(q, row.session_id, now(), after(0, idle));
  }
  const global = new Set<Permission>();
  const byWorkspace = new Map<string, Set<Permission>>();
  for (const grant of row.grants) {
    if (grant.workspace_id === null) global.add(grant.permission);
    else {
      let set = byWorkspace.get(grant.workspace_id);
      if (!set) byWorkspace.set(grant.workspace_id, (set = new Set()));
      set.add(grant.permission);
    }
  }
  const actor: UserActor = { kind: "user", id: row.user.id, name: row.user.name, sessionId: row.session_id, source, global, byWorkspace };
  ownRows.set(actor, row.user);
  return actor;
}

/**
 * The caller's own row as this request's session check read it, so `GET /current-user` need not
 * read it again. Keyed by the actor object, which lives for one request: nothing outlives it.
 */
const ownRows = new WeakMap<UserActor, UserRow>();

export function ownRowOf(actor: Actor): UserRow | undefined {
  return actor.kind === "user" ? ownRows.get(actor) : undefined;
}

export async function logout(ctx: Ctx, actor: UserActor): Promise<void> {
  await transaction(ctx, async (q) => {
    await revokeSession(q, actor.sessionId);
    await audit(q, actor, "logout", { type: "session", id: actor.sessionId, name: actor.name });
  });
}
