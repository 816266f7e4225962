/** Queries on `login_failure`: the store-held counters behind login throttling. */
import { newId } from "./ids.js";
import type { Q } from "./users.js";

export async function recordFailure(q: Q, keys: readonly string[], at: string): Promise<void> {
  if (keys.length === 0) return;
  await q
    .insertInto("login_failure")
    .values(keys.map((throttle_key) => ({ id: newId(), throttle_key, at })))
    .execute();
}

/** The times of the key's failures since `since`, newest first, at most `limit`. */
export async function recentFailures(q: Q, key: string, since: string, limit: number): Promise<string[]> {
  const rows = await q
    .selectFrom("login_failure")
    .select("at")
    .where("throttle_key", "=", key)
    .where("at", ">", since)
    .orderBy("at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => r.at);
}

/** How many failures each of `keys` has had since `since` (keys without any are left out). */
export async function failureCounts(q: Q, keys: readonly string[], since: string): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await q
    .selectFrom("login_failure")
    .select(["throttle_key", (eb) => eb.fn.countAll<number | string | bigint>().as("n")])
    .where("throttle_key", "in", [...keys])
    .where("at", ">", since)
    .groupBy("throttle_key")
    .execute();
  return new Map(rows.map((r) => [r.throttle_key, Number(r.n)]));
}

export async function clearFailures(q: Q, key: string): Promise<void> {
  await q.deleteFrom("login_failure").where("throttle_key", "=", key).execute();
}

/** Forgets the failures of every key starting with `prefix` (which holds no LIKE wildcard). */
export async function clearFailuresStartingWith(q: Q, prefix: string): Promise<void> {
  await q.deleteFrom("login_failure").where("throttle_key", "like", `${prefix}%`).execute();
}

/** Deletes the failures recorded before `before`; returns how many. */
export async function purgeFailures(q: Q, before: string): Promise<number> {
  const result = await q.deleteFrom("login_failure").where("at", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
