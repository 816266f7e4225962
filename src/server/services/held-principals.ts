/**
 * Users as rule 9 (SPEC §4) compares them with the actor: each with what its assignments give it,
 * directly or through teams. One query for any number of users.
 */
import { holdingsOf } from "../policy/holdings.js";
import type { HeldPrincipal } from "../policy/principals.js";
import { grantsOfUsers } from "../store/repos/assignments.js";
import type { Q } from "../store/repos/users.js";

/** The users given (rows already loaded), each with its holdings. */
export async function withHoldings<T extends { id: string; name: string }>(q: Q, users: readonly T[]): Promise<(T & HeldPrincipal)[]> {
  const grants = await grantsOfUsers(
    q,
    users.map((u) => u.id),
  );
  return users.map((u) => ({ ...u, holdings: holdingsOf(grants.get(u.id) ?? []) }));
}

/** One user row with its holdings. */
export async function heldUser<T extends { id: string; name: string }>(q: Q, user: T): Promise<T & HeldPrincipal> {
  const [held] = await withHoldings(q, [user]);
  return held!;
}

/** The users with these ids, with their holdings (ids that name no user are left out). */
export async function heldUsersByIds(q: Q, ids: readonly string[]): Promise<HeldPrincipal[]> {
  if (ids.length === 0) return [];
  const rows = await q
    .selectFrom("users")
    .select(["id", "name"])
    .where("id", "in", [...new Set(ids)])
    .execute();
  return withHoldings(q, rows);
}
