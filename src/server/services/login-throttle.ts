/**
 * Brute-force protection (SPEC §5.1). A login attempt is counted against its account and against
 * its source address. An account is counted once whatever names it (its name in any case, or its
 * id); a name that matches no account is counted as itself, so a 429 never tells who exists. An
 * attempt presenting a live device token of the account it names is counted against that device
 * alone (device cookies, OWASP's answer to lockout abuse): an anonymous attacker can lock the
 * account and flood the address, but not the browsers and CLIs its owner logged in from before.
 * A device that keeps failing is locked in turn, and its token then counts as absent. Counters
 * live in the store, so every server process agrees. Reaching a limit locks the counter until the
 * window has passed since the failure that reached it.
 *
 * Concurrent guesses: the lock check before the password check cannot see guesses still being
 * verified, so a burst would get every guess checked. Each failure is therefore recorded first and
 * the counters read after: a failure beyond the limit answers 429, not 401, and a right password
 * answers 429 if a counter got locked while it was being checked. Every attempt counts what was
 * committed before it looked, so at most `limit` failures per window are ever answered 401.
 */
import { RateLimited, Unauthenticated } from "../errors.js";
import { metrics } from "../observability/metrics.js";
import { clearFailures, clearFailuresStartingWith, failureCounts, recentFailures, recordFailure } from "../store/repos/login-failures.js";
import type { Q } from "../store/repos/users.js";
import { after, now, toMs } from "../store/time.js";
import { audit } from "./audit.js";
import { transaction, type Ctx } from "./context.js";

interface Counter {
  key: string;
  limit: number;
}

/** What one login attempt is counted against. */
export interface LoginCounters {
  /** The account's (or the device's) counter first: its lock is the account's lockout. */
  counters: readonly Counter[];
  /** A device token exempts the attempt from the account's and the address's counters. */
  byDevice: boolean;
}

/** The attempt as the audit log records it. */
export interface LoginAttempt {
  username: string;
  source: string;
  userId: string | null;
}

const accountKey = (userId: string) => `account:${userId}`;
/** Names that match no account: lower-cased, as names are unique case-insensitively. */
const nameKey = (username: string) => `user:${username.toLowerCase().slice(0, 255)}`;
const devicePrefix = (userId: string) => `device:${userId}:`;
/** Bounded like the audit's source. */
const addressKey = (source: string) => `addr:${source.slice(0, 64)}`;

/** Seconds until the counter unlocks (it is locked from `limit` recent failures on), or 0. */
async function lockedFor(ctx: Ctx, counter: Counter, slack = 0): Promise<number> {
  const window = ctx.config.loginWindowSeconds;
  const limit = counter.limit + slack;
  const times = await recentFailures(ctx.db.kysely, counter.key, after(-window), limit);
  if (times.length < limit) return 0;
  // The oldest of the last `limit` failures opened the lock; it lasts one window from the newest.
  const newest = times[0] ?? now();
  return Math.max(0, (toMs(newest) + window * 1000 - Date.now()) / 1000);
}

/**
 * The counters of an attempt naming `user` (undefined: no account has that name) as `username`
 * from `source`, with the device id of a live device token of that account if one came.
 */
export async function loginCounters(
  ctx: Ctx,
  user: { id: string } | undefined,
  username: string,
  source: string,
  deviceId: string | undefined,
): Promise<LoginCounters> {
  const { loginMaxFailures, loginMaxFailuresPerAddress } = ctx.config;
  if (user && deviceId) {
    const device = { key: devicePrefix(user.id) + deviceId, limit: loginMaxFailures };
    if ((await lockedFor(ctx, device)) === 0) return { counters: [device], byDevice: true };
  }
  const account = { key: user ? accountKey(user.id) : nameKey(username), limit: loginMaxFailures };
  return { counters: [account, { key: addressKey(source), limit: loginMaxFailuresPerAddress }], byDevice: false };
}

/** Seconds until every counter unlocks when `slack` more failures than allowed are tolerated, or 0. */
async function throttledFor(ctx: Ctx, counted: LoginCounters, slack: number): Promise<number> {
  const waits = await Promise.all(counted.counters.map((counter) => lockedFor(ctx, counter, slack)));
  return Math.max(0, ...waits);
}

const TOO_MANY = "Too many failed login attempts. Try again later.";

/** Refuses (429) a login while one of its counters is locked; run before the password check and again after a right one. */
export async function checkThrottle(ctx: Ctx, counted: LoginCounters): Promise<void> {
  const wait = await throttledFor(ctx, counted, 0);
  if (wait > 0) throw new RateLimited(TOO_MANY, wait);
}

/**
 * Records a failed password check, then throws: 401, or 429 when the failure went beyond the limit
 * (guesses racing each other past the lock check before the password check).
 */
export async function recordLoginFailure(ctx: Ctx, counted: LoginCounters, attempt: LoginAttempt): Promise<never> {
  const name = attempt.username.slice(0, 255);
  metrics.failedLogins.inc();
  await transaction(ctx, async (q) => {
    await recordFailure(
      q,
      counted.counters.map((c) => c.key),
      now(),
    );
    const summary = counted.byDevice ? { device: true } : {};
    await audit(q, { id: null, name, source: attempt.source }, "login", { type: "session", id: attempt.userId, name }, summary, "failure");
  });
  await auditLockout(ctx, counted, attempt);
  // Counted after the commit: of racing failures, the last to count sees all the others.
  const beyond = await throttledFor(ctx, counted, 1);
  if (beyond > 0) throw new RateLimited(TOO_MANY, beyond);
  throw new Unauthenticated("Incorrect username or password");
}

/** A failure that locks the account (or the device) is audited as a lockout (once when guesses come one by one). */
async function auditLockout(ctx: Ctx, counted: LoginCounters, attempt: LoginAttempt): Promise<void> {
  const [principal] = counted.counters;
  if (!principal || (await lockedFor(ctx, principal)) === 0) return;
  const name = attempt.username.slice(0, 255);
  metrics.lockouts.inc();
  const summary = { window_seconds: ctx.config.loginWindowSeconds, ...(counted.byDevice ? { device: true } : {}) };
  await transaction(ctx, (q) =>
    audit(q, { id: null, name, source: attempt.source }, "lockout", { type: "user", id: attempt.userId, name }, summary, "denied"),
  );
}

/** After a successful login: the account (or the device it came from) starts counting afresh. */
export async function resetLoginCounter(q: Q, counted: LoginCounters): Promise<void> {
  const [principal] = counted.counters;
  if (principal) await clearFailures(q, principal.key);
}

/** Lifts an account's lockout: its own failures and its devices', never its addresses'. */
export async function clearAccountFailures(q: Q, userId: string): Promise<void> {
  await clearFailures(q, accountKey(userId));
  await clearFailuresStartingWith(q, devicePrefix(userId));
}

/** Which of these accounts are locked now. */
export async function lockedAccounts(ctx: Ctx, userIds: readonly string[]): Promise<Set<string>> {
  const counts = await failureCounts(ctx.db.kysely, userIds.map(accountKey), after(-ctx.config.loginWindowSeconds));
  return new Set(userIds.filter((id) => (counts.get(accountKey(id)) ?? 0) >= ctx.config.loginMaxFailures));
}
