/**
 * Fires requests at once and tallies the answers, for the suites that race conflicting requests
 * (SPEC §10). All calls start in the same tick, so they overlap on the server as far as it allows.
 */
import type { Reply } from "./http.js";

/** Starts every call at once and waits for all of them. */
export function race(calls: readonly (() => Promise<Reply>)[]): Promise<Reply[]> {
  return Promise.all(calls.map((call) => call()));
}

/** `n` copies of one call, started at once. */
export function raceSame(n: number, call: () => Promise<Reply>): Promise<Reply[]> {
  return race(Array.from({ length: n }, () => call));
}

/** How many replies had each status, e.g. `{ 200: 1, 409: 7 }`. */
export function statusCounts(replies: readonly Reply[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const r of replies) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

/** The statuses with their bodies, for assertion messages. */
export function describeReplies(replies: readonly Reply[]): string {
  return replies.map((r) => `${r.status} ${JSON.stringify(r.body)}`).join("\n");
}
