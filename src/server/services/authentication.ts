/**
 * Sessions (SPEC §5.1): login, the per-request session check, logout. Nothing is trusted from the
 * token, and nothing this process remembers is used without asking the store first: every request
 * reads the access generation, so a logout, revoke, deactivation or role change through any server
 * process counts at once.
 */
import { deviceOf, issueDeviceToken } from "../auth/device-tokens.js";
import { dummyHash, hashPassword, needsRehash, verifyPassword } from "../auth/passwords.js";
import { digest, newSessionToken } from "../auth/tokens.js";
import { Unauthenticated } from "../errors.js";
import { frozen } from "../presenters/frozen.js";
import type { Actor, UserActor } from "../policy/actor.js";
import type { WireUser } from "../presenters/wire.js";
import { flag, toFlag } from "../store/dialect.js";
import { newId } from "../store/repos/ids.js";
import { accessGenerationNow, readAccessGeneration } from "../store/access-generation.js";
import { checkSession, insertSession, revokeSession, touchSession } from "../store/repos/sessions.js";
import { findUser, updateUser, type Q, type UserRow } from "../store/repos/users.js";
import { after, now, toMs } from "../store/time.js";
import { audit } from "./audit.js";
import { transaction, type Ctx } from "./context.js";
import { checkThrottle, loginCounters, recordLoginFailure, resetLoginCounter } from "./login-throttle.js";
import { sessionCacheOf, type RememberedSession, type SessionCache } from "./session-cache.js";

/**
 * How often a session's activity (last_seen, the sliding idle expiry) is written: at most once a
 * tenth of the idle TTL, so a session in use never idles out between two writes, and at most once
 * a minute, so reads do not turn into writes.
 */
function touchIntervalMs(ctx: Ctx): number {
  return Math.min(60_000, ctx.config.sessionIdleTtlSeconds * 100);
}

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
  /** The device token the client kept from an earlier login (SPEC §5.1 device cookies). */
  deviceToken: string | undefined;
}

/** A login's session, and the device token that lets this client past lockouts next time. */
export interface PasswordLoginResult extends LoginResult {
  deviceToken: string;
}

/** `secretKey` signs and checks device tokens: the server's, shared by every server on the store. */
export async function login(ctx: Ctx, req: LoginRequest, secretKey: string): Promise<PasswordLoginResult> {
  const username = req.username.trim();
  const user = username.length > 0 && username.length <= 255 ? await findUser(ctx.db.kysely, username) : undefined;
  const counted = await loginCounters(ctx, user, username, req.source, deviceOf(secretKey, req.deviceToken, user));
  await checkThrottle(ctx, counted);
  const stored = user?.password_hash ?? (await dummyHash());
  const passwordOk = await verifyPassword(stored, req.password);
  if (!user || !user.password_hash || !passwordOk || !flag(user.active)) {
    return recordLoginFailure(ctx, counted, { username, source: req.source, userId: user?.id ?? null });
  }
  // Guesses racing this one may have locked a counter while the password was being checked.
  await checkThrottle(ctx, counted);
  const rehash = needsRehash(user.password_hash) ? await hashPassword(req.password) : undefined;
  const session = await startSession(ctx, user, { client: req.client, source: req.source }, async (q) => {
    if (rehash) await updateUser(q, user.id, { password_hash: rehash });
    await resetLoginCounter(q, counted);
  });
  const account = { ...user, password_hash: rehash ?? user.password_hash };
  return { ...session, deviceToken: issueDeviceToken(secretKey, account, ctx.config.loginDeviceTtlSeconds) };
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
 * The actor behind a bearer token or session cookie, or 401. Every request reads the store: the
 * access generation, and when that has moved since this process last read the session, the
 * session with its user and the user's grants in one statement (store/repos/sessions.ts). What
 * was read is remembered with the generation (services/session-cache.ts).
 *
 * On SQLite, with the session remembered, all of that happens at once: the actor comes back
 * without a promise, and so does a refusal (thrown). The promises the asynchronous path takes were
 * a noticeable share of such a request's time (docs/performance.md).
 */
export function authenticate(ctx: Ctx, token: string, source: string): UserActor | Promise<UserActor> {
  if (token.length > 200) throw new Unauthenticated("Invalid authentication credentials");
  const tokenDigest = digest(token);
  const generation = accessGenerationNow(ctx.db.kysely);
  if (generation === undefined) return readAccessGeneration(ctx.db.kysely).then((read) => confirm(ctx, tokenDigest, read, source));
  return confirm(ctx, tokenDigest, generation, source);
}

/** The actor of a session at `generation`: as remembered when it may be, else read afresh. */
function confirm(ctx: Ctx, tokenDigest: string, generation: number, source: string): UserActor | Promise<UserActor> {
  const sessions = sessionCacheOf(ctx.db);
  const nowMs = Date.now();
  const session = sessions.get(tokenDigest, generation);
  // Remembered times run behind the store's once another process has seen the session active, so
  // they never end a session or stand in for its activity: the session is read again instead.
  if (session && session.expiresMs > nowMs && nowMs - session.lastSeenMs <= touchIntervalMs(ctx)) return actorOf(session, source);
  return readSession(ctx, sessions, tokenDigest, generation, nowMs).then((read) => actorOf(read, source));
}

function actorOf(session: RememberedSession, source: string): UserActor {
  const { check } = session;
  const actor: UserActor = {
    kind: "user",
    id: check.user.id,
    name: check.user.name,
    sessionId: check.session_id,
    source,
    global: session.global,
    byWorkspace: session.byWorkspace,
  };
  sessionsOfActors.set(actor, session);
  return actor;
}

async function readSession(
  ctx: Ctx,
  sessions: SessionCache,
  tokenDigest: string,
  generation: number,
  nowMs: number,
): Promise<RememberedSession> {
  const q = ctx.db.kysely;
  const row = await checkSession(q, tokenDigest);
  if (!row || flag(row.revoked) || !flag(row.user.active) || toMs(row.idle_expires) <= nowMs || toMs(row.max_expires) <= nowMs) {
    sessions.forget(tokenDigest);
    throw new Unauthenticated("Invalid authentication credentials");
  }
  if (nowMs - toMs(row.last_seen) > touchIntervalMs(ctx)) {
    const idle = Math.min(toMs(row.max_expires), nowMs + ctx.config.sessionIdleTtlSeconds * 1000);
    const touched = { last_seen: now(), idle_expires: after(0, idle) };
    await touchSession(q, row.session_id, touched.last_seen, touched.idle_expires);
    return sessions.remember(tokenDigest, generation, { ...row, ...touched });
  }
  return sessions.remember(tokenDigest, generation, row);
}

/**
 * The session each request's actor was confirmed against, so `GET /current-user` need not read the
 * caller's own row again. Keyed by the actor object, which lives for one request.
 */
const sessionsOfActors = new WeakMap<UserActor, RememberedSession>();

/** The caller's own row as this request's session check confirmed it. */
export function ownRowOf(actor: Actor): UserRow | undefined {
  return actor.kind === "user" ? sessionsOfActors.get(actor)?.check.user : undefined;
}

/**
 * The answer about the caller's own account: remembered with the session (given at once, no
 * promise), or made now (after the request's generation was read, so never older than it) and
 * remembered, frozen.
 */
export function ownAnswerOf(actor: Actor, present: () => Promise<WireUser>): WireUser | Promise<WireUser> {
  const session = actor.kind === "user" ? sessionsOfActors.get(actor) : undefined;
  if (session?.ownAnswer) return session.ownAnswer;
  return present().then((presented) => {
    const answer = frozen(presented);
    if (session) session.ownAnswer = answer;
    return answer;
  });
}

export async function logout(ctx: Ctx, actor: UserActor): Promise<void> {
  await transaction(ctx, async (q) => {
    await revokeSession(q, actor.sessionId);
    await audit(q, actor, "logout", { type: "session", id: actor.sessionId, name: actor.name });
  });
}
