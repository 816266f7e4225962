/** Queries on `users`. No business rules: services decide, this reads and writes rows. */
import type { Kysely, Selectable } from "kysely";
import { baseFields, fetchPage, filterExpression, type FilterSpec, type ListParams, type Page, type ShownWhere } from "../list-query.js";
import { prepared } from "../prepared.js";
import type { Database, UserTable } from "../schema.js";
import { isUuid } from "./ids.js";

export type Q = Kysely<Database>;
/** A user as services read it. `name_skeleton` is an index key for writes, never read back. */
export type UserRow = Omit<Selectable<UserTable>, "name_skeleton">;
/**
 * A row to write. Services always give the skeleton key (services/name-skeleton.ts `principalName`);
 * a row without one gets it when a server next opens the store.
 */
export type NewUserRow = UserRow & Partial<Pick<Selectable<UserTable>, "name_skeleton">>;

export const USER_FILTERS: FilterSpec = {
  ...baseFields("users"),
  name: { kind: "string", column: "users.name", sortKey: "users.name_key" },
  full_name: { kind: "string", column: "users.full_name" },
  // Shown to the user themself and to holders of `write` (policy/users.ts `canSeeEmail`).
  email: { kind: "string", column: "users.email", hiddenBy: "email" },
  active: { kind: "bool", column: "users.active" },
  email_opted_in: { kind: "bool", column: "users.email_opted_in" },
};

// Prepared: services read the caller's own row on many requests (current-user above all).
const userById = prepared((q, a: { id: string }) => q.selectFrom("users").selectAll().where("id", "=", a.id));

export async function findUserById(q: Q, id: string): Promise<UserRow | undefined> {
  return (await userById(q, { id }))[0];
}

/** A path segment is an id when it parses as a UUID, a name otherwise (as ZenML resolves it). */
export function findUser(q: Q, nameOrId: string): Promise<UserRow | undefined> {
  if (isUuid(nameOrId)) return findUserById(q, nameOrId.toLowerCase());
  return q.selectFrom("users").selectAll().where("name_key", "=", nameOrId.toLowerCase()).executeTakeFirst();
}

export async function insertUser(q: Q, row: NewUserRow): Promise<void> {
  await q.insertInto("users").values(row).execute();
}

export async function updateUser(q: Q, id: string, patch: Partial<NewUserRow>): Promise<void> {
  await q.updateTable("users").set(patch).where("id", "=", id).execute();
}

export async function deleteUser(q: Q, id: string): Promise<void> {
  await q.deleteFrom("users").where("id", "=", id).execute();
}

const userCount = prepared((q) => q.selectFrom("row_count").select("n").where("name", "=", "users"));

/** How many users there are, from the count the database keeps (migration 2026-11-23T02-00-user-count). */
export async function countUsers(q: Q): Promise<number> {
  const [row] = await userCount(q, {});
  if (!row) throw new Error("the users count is missing: the store was not migrated");
  return Number(row.n);
}

/** `shown`: the rules USER_FILTERS names, as SQL over `users` rows. */
export function listUsers(q: Q, params: ListParams, shown: { email: ShownWhere }): Promise<Page<UserRow>> {
  const query = q
    .selectFrom("users")
    .selectAll("users")
    .where((eb) => filterExpression(eb, USER_FILTERS, params, shown) ?? eb.lit(true));
  // Every reader sees every user, so an unfiltered list's total is the table's count.
  return fetchPage(query, USER_FILTERS, params, "users.id", { rules: shown, unfilteredTotal: () => countUsers(q) });
}
