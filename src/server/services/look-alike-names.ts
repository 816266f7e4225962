/**
 * Principal names that must not look alike (SPEC §5.4): users and teams now, service accounts to
 * follow. Each table keeps `name_key` (the lower-cased name) and `name_skeleton` (its confusable
 * skeleton's key, services/name-skeleton.ts) under unique indexes, which settle races; the check
 * here runs first, and again after an index refused a write, to say which name is in the way.
 */
import { sql } from "kysely";
import { Conflict } from "../errors.js";
import { isUniqueViolation } from "../store/dialect.js";
import type { Q } from "../store/repos/users.js";
import { transaction, type Ctx } from "./context.js";
import { skeletonKey } from "./name-skeleton.js";

/** Tables of principals whose names are kept apart, with the word their messages use. */
const KINDS = { users: "user", team: "team" } as const;
export type PrincipalTable = keyof typeof KINDS;

/**
 * The 409 for `name` when another row of `table` has it (case-insensitively) or a name that looks
 * like it; undefined when it is free. `selfId` is the row being renamed, which may keep looking
 * like itself.
 */
export async function nameClash(
  q: Q,
  table: PrincipalTable,
  name: string,
  selfId: string | null,
  verb: string,
): Promise<Conflict | undefined> {
  const kind = KINDS[table];
  const same = await q.selectFrom(table).select("id").where("name_key", "=", name.toLowerCase()).executeTakeFirst();
  if (same && same.id !== selfId)
    return new Conflict(`Unable to ${verb} ${kind} with name '${name}': Found existing ${kind} with this name.`);
  const alike = await q.selectFrom(table).select(["id", "name"]).where("name_skeleton", "=", skeletonKey(name)).executeTakeFirst();
  if (alike && alike.id !== selfId)
    return new Conflict(`Unable to ${verb} ${kind} with name '${name}': it looks like the existing ${kind} '${alike.name}'.`);
  return undefined;
}

/** Throws `nameClash`'s 409, if any. */
export async function requireFreeName(q: Q, table: PrincipalTable, name: string, selfId: string | null, verb: string): Promise<void> {
  const clash = await nameClash(q, table, name, selfId, verb);
  if (clash) throw clash;
}

/** The 409 for a write a unique index refused, found out on the committed state (see `transaction`). */
export function nameConflict(ctx: Ctx, table: PrincipalTable, name: string, selfId: string | null, verb: string) {
  const kind = KINDS[table];
  const fallback = `Unable to ${verb} ${kind} with name '${name}': Found existing ${kind} with this name.`;
  return async (): Promise<Conflict> => (await nameClash(ctx.db.kysely, table, name, selfId, verb)) ?? new Conflict(fallback);
}

/** Rows keyed per transaction while filling in skeletons. */
const PAGE = 500;

interface Unkeyed {
  id: string;
  name: string;
  created: string;
}

/**
 * Gives each of `rows` its skeleton key in one statement, unless another row holds that key: the
 * first in `rows` (the oldest) wins among look-alikes. Returns a line for each row left without.
 */
async function keyRows(ctx: Ctx, table: PrincipalTable, rows: readonly Unkeyed[]): Promise<string[]> {
  return transaction(ctx, async (q) => {
    const keyed = rows.map((row) => ({ ...row, key: skeletonKey(row.name) }));
    const held = await q
      .selectFrom(table)
      .select(["name", "name_skeleton"])
      .where("name_skeleton", "in", [...new Set(keyed.map((r) => r.key))])
      .execute();
    const holders = new Map(held.map((r) => [r.name_skeleton, r.name]));
    const notes: string[] = [];
    const winners: typeof keyed = [];
    for (const row of keyed) {
      const holder = holders.get(row.key);
      if (holder === undefined) {
        holders.set(row.key, row.name);
        winners.push(row);
      } else {
        const kind = KINDS[table];
        notes.push(
          `The ${kind} '${row.name}' looks like the ${kind} '${holder}'; rename one of them so that neither passes for the other.`,
        );
      }
    }
    if (winners.length === 0) return notes;
    const cases = sql.join(
      winners.map((r) => sql`when id = ${r.id} then ${r.key}`),
      sql` `,
    );
    const ids = winners.map((r) => r.id);
    await q
      .updateTable(table)
      .set({ name_skeleton: sql<string>`case ${cases} end` })
      .where("id", "in", ids)
      .where("name_skeleton", "is", null)
      .execute();
    return notes;
  });
}

/**
 * Fills in the skeleton key of every user and team that has none: rows from before the migration
 * that added it, or written by an older server during an upgrade. Runs whenever a server or the
 * CLI opens the store, and costs an indexed query per table when nothing is missing. A store that already
 * holds two look-alikes still opens: the younger stays without a key (so nothing new may look like
 * it either: the older holds the key) and is reported, for an admin to rename.
 */
export async function fillNameSkeletons(ctx: Ctx): Promise<string[]> {
  const notes: string[] = [];
  for (const table of Object.keys(KINDS) as PrincipalTable[]) {
    let after: Unkeyed | undefined;
    for (;;) {
      const from = after;
      const rows = await ctx.db.kysely
        .selectFrom(table)
        .select(["id", "name", "created"])
        .where("name_skeleton", "is", null)
        .$if(from !== undefined, (qb) => qb.where((eb) => eb(eb.refTuple("created", "id"), ">", eb.tuple(from!.created, from!.id))))
        .orderBy("created")
        .orderBy("id")
        .limit(PAGE)
        .execute();
      if (rows.length === 0) break;
      notes.push(...(await keyRowsRetried(ctx, table, rows)));
      after = rows.at(-1);
    }
  }
  return notes;
}

/** A writer that keyed a look-alike between our read and our write wins; the page is done again. */
async function keyRowsRetried(ctx: Ctx, table: PrincipalTable, rows: readonly Unkeyed[]): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await keyRows(ctx, table, rows);
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= 3) throw err;
    }
  }
}
