/**
 * Brute-force protection (SPEC §5.1). Failures are counted per submitted username (existing or
 * not, so a 429 reveals nothing about who exists) and per source address, in the store, so every
 * server process agrees. Reaching the limit locks the key until the window has passed since the
 * failure that reached it.
 *
 * Concurrent guesses: the lock check before the password check cannot see guesses still being
 * verified, so a burst would get every guess checked. Each failure is therefore recorded first and
 * the key counted after: a failure beyond the limit answers 429, not 401, and a right password
 * answers 429 if the key got locked while it was being checked. Every attempt counts what was
 * committed before it looked, so at most `limit` failures per window are ever answered 401.
 */
import { RateLimited, Unauthenticated } from "../errors.js";
import { metrics } from "../observability/metrics.js";
import { clearFailures, recentFailures, recordFailure } from "../store/repos/login-failures.js";
import type { Q } from "../store/repos/users.js";
import { after, now, toMs } from "../store/time.js";
import { audit } from "./audit.js";
import { transaction, type Ctx } from "./context.js";

const userKey = (username: string) => `user:${username.toLowerCase().slice(0, 255)}`;
/** Bounded like the audit's source: behind a trusted proxy the address is what X-Forwarded-For said. */
const addressKey = (source: string) => `addr:${source.slice(0, 64)}`;

/** Seconds until the key unlocks (it is locked from `limit` recent failures on), or 0. */
async function lockedFor(ctx: Ctx, key: string, limit: number): Promise<number> {
  const window = ctx.config.loginWindowSeconds;
  const times = await recentFailures(ctx.db.kysely, key, after(-window), limit);
  if (times.length < limit) return 0;
  // The oldest of the last `limit` failures opened the lock; it lasts one window from the newest.
  const newest = times[0] ?? now();
  return Math.max(0, (toMs(newest) + window * 1000 - Date.now()) / 1000);
}

/** Seconds until the username or the address unlocks when `slack` more failures than allowed are tolerated, or 0. */
async function throttledFor(ctx: Ctx, username: string, source: string, slack: number): Promise<number> {
  const byUser = await lockedFor(ctx, userKey(username), ctx.config.loginMaxFailures + slack);
  const byAddress = await lockedFor(ctx, addressKey(source), ctx.config.loginMaxFailuresPerAddress + slack);
  return Math.max(byUser, byAddress);
}

const TOO_MANY = "Too many failed login attempts. Try again later.";

/** Refuses (429) a login for a locked username or address; run before the password check and again after a right one. */
export async function checkThrottle(ctx: Ctx, username: string, source: string): Promise<void> {
  const wait = await throttledFor(ctx, username, source, 0);
  if (wait > 0) throw new RateLimited(TOO_MANY, wait);
}

/**
 * Records a failed password check, then throws: 401, or 429 when the failure went beyond the limit
 * (guesses racing each other past the lock check before the password check).
 */
export async function recordLoginFailure(ctx: Ctx, username: string, source: string, userId: string | null): Promise<never> {
  const name = username.slice(0, 255);
  metrics.failedLogins.inc();
  await transaction(ctx, async (q) => {
    await recordFailure(q, [userKey(username), addressKey(source)], now());
    await audit(q, { id: null, name, source }, "login", { type: "session", id: userId, name }, {}, "failure");
  });
  await auditLockout(ctx, username, source, userId);
  // Counted after the commit: of racing failures, the last to count sees all the others.
  const beyond = await throttledFor(ctx, username, source, 1);
  if (beyond > 0) throw new RateLimited(TOO_MANY, beyond);
  throw new Unauthenticated("Incorrect username or password");
}

/** A failure that finds the username locked is audited as a lockout (once when guesses come one by one). */
async function auditLockout(ctx: Ctx, username: string, source: string, userId: string | null): Promise<void> {
  const name = username.slice(0, 255);
  if ((await lockedFor(ctx, userKey(username), ctx.config.loginMaxFailures)) > 0) {
    metrics.lockouts.inc();
    await transaction(ctx, (q) =>
      audit(
        q,
        { id: null, name, source },
        "lockout",
        { type: "user", id: userId, name },
        { window_seconds: ctx.config.loginWindowSeconds },
        "denied",
      ),
    );
  }
}

export async function resetUserThrottle(q: Q, username: string): Promise<void> {
  await clearFailures(q, userKey(username));
}
