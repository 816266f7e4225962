/**
 * Rows that no longer decide anything, deleted: sessions that can no longer be used (revoked, or
 * past either expiry) and login failures older than the throttle window. Without this both tables
 * only grew, the second at the pace of anyone guessing passwords. Every server process sweeps when
 * it starts and then every hour; the deletes are idempotent, so processes sharing a store need no
 * coordination. An ended session is already refused and listed nowhere, so deleting it changes
 * no answer.
 */
import { deleteEndedSessions } from "../store/repos/sessions.js";
import { purgeFailures } from "../store/repos/login-failures.js";
import { after, now } from "../store/time.js";
import { transaction, type Ctx } from "./context.js";

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

export interface SweepResult {
  sessions: number;
  loginFailures: number;
}

/** One sweep, in one transaction (sessions are an access table: services/context.ts). */
export function sweep(ctx: Ctx): Promise<SweepResult> {
  return transaction(ctx, async (q) => ({
    sessions: await deleteEndedSessions(q, now()),
    loginFailures: await purgeFailures(q, after(-ctx.config.loginWindowSeconds)),
  }));
}

export interface Sweeper {
  /** Stops sweeping, once a sweep under way has finished (the store may be closed after). */
  stop(): Promise<void>;
}

/**
 * Sweeps now, then every `intervalMs` until stopped. Each outcome goes to `report`; a failed sweep
 * (the store briefly unreachable, say) is reported and the next one tries again. The first sweep
 * is over when this resolves, so a server starts listening on a swept store.
 */
export async function startSweeping(
  ctx: Ctx,
  report: (outcome: SweepResult | Error) => void,
  intervalMs = SWEEP_INTERVAL_MS,
): Promise<Sweeper> {
  const once = () => sweep(ctx).then(report, (err: unknown) => report(err instanceof Error ? err : new Error(String(err))));
  let running = once();
  await running;
  const timer = setInterval(() => (running = running.then(once)), intervalMs).unref();
  return {
    stop: () => {
      clearInterval(timer);
      return running;
    },
  };
}
