/**
 * Brute-force protection (SPEC §5.1). Failures are counted per submitted username (existing or
 * not, so a 429 reveals nothing about who exists) and per source address, in the store, so every
 * server process agrees. Reaching the limit locks the key until the window has passed since the
 * failure that reached it.
 */
import { RateLimited } from "../errors.js";
import { metrics } from "../observability/metrics.js";
import { clearFailures, recentFailures, recordFailure } from "../store/repos/login-failures.js";
import type { Q } from "../store/repos/users.js";
import { after, now, toMs } from "../store/time.js";
import { audit } from "./audit.js";
import { transaction, type Ctx } from "./context.js";

const userKey = (username: string) => `user:${username.toLowerCase().slice(0, 255)}`;
const addressKey = (source: string) => `addr:${source}`;

/** Seconds until the key unlocks, or 0 when it is not locked. */
async function lockedFor(ctx: Ctx, key: string, limit: number): Promise<number> {
  const window = ctx.config.loginWindowSeconds;
  const times = await recentFailures(ctx.db.kysely, key, after(-window), limit);
  if (times.length < limit) return 0;
  // The oldest of the last `limit` failures opened the lock; it lasts one window from the newest.
  const newest = times[0] ?? now();
  return Math.max(0, (toMs(newest) + window * 1000 - Date.now()) / 1000);
}

export async function checkThrottle(ctx: Ctx, username: string, source: string): Promise<void> {
  const byUser = await lockedFor(ctx, userKey(username), ctx.config.loginMaxFailures);
  const byAddress = await lockedFor(ctx, addressKey(source), ctx.config.loginMaxFailuresPerAddress);
  const wait = Math.max(byUser, byAddress);
  if (wait > 0) throw new RateLimited("Too many failed login attempts. Try again later.", wait);
}

export async function recordLoginFailure(ctx: Ctx, username: string, source: string, userId: string | null): Promise<void> {
  const name = username.slice(0, 255);
  metrics.failedLogins.inc();
  await transaction(ctx, async (q) => {
    await recordFailure(q, [userKey(username), addressKey(source)], now());
    await audit(q, { id: null, name, source }, "login", { type: "session", id: userId, name }, {}, "failure");
  });
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
