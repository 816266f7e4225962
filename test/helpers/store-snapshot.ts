/**
 * Every row of every table, read through the store, to prove that a batch of refused requests
 * wrote nothing (SPEC §10). A few writes are legitimate answers to bad input and are left out:
 *
 * - `login_failure`: every failed login is counted, by design (SPEC §5.1 brute-force limits);
 * - `audit_event` rows whose outcome is not `success`: failed logins and denials are logged
 *   (SPEC §4 "Denials are logged"), each on its own and append-only;
 * - `session.last_seen` / `session.idle_expires`: the sliding idle expiry, touched by any
 *   authenticated request at most once a tenth of the idle TTL (services/authentication.ts).
 */
import assert from "node:assert/strict";
import type { Kysely } from "kysely";
import type { Database } from "../../src/server/store/schema.js";

type Row = Record<string, unknown>;

// Left out in SQL, not after reading: the logs grow with every request, and suites that dump the
// store around every batch would otherwise read them whole each time.
const SKIPPED_TABLES = new Set(["login_failure"]);
const KEPT_ROWS: Record<string, { column: string; equals: string }> = { audit_event: { column: "outcome", equals: "success" } };
const SKIPPED_COLUMNS: Record<string, readonly string[]> = { session: ["last_seen", "idle_expires"] };

/** Table name → its rows as sorted JSON lines, so two snapshots compare with deepEqual. */
export type StoreSnapshot = Record<string, string[]>;

/** Tables per store, read once: migrations have run before a suite dumps anything. */
const tablesOf = new WeakMap<Kysely<Database>, Promise<string[]>>();

export async function snapshotStore(db: Kysely<Database>): Promise<StoreSnapshot> {
  // Introspection finds tables added by later migrations too, so no table escapes the comparison.
  if (!tablesOf.has(db))
    tablesOf.set(
      db,
      db.introspection.getTables().then((found) => found.map((t) => t.name).sort()),
    );
  const tables = await tablesOf.get(db)!;
  const snapshot: StoreSnapshot = {};
  // Rows are read untyped: the snapshot covers tables whatever their schema.
  const untyped = db as unknown as Kysely<Record<string, Row>>;
  // One query per table, side by side: PostgreSQL and MariaDB pools answer them in parallel.
  const read = async (table: string) => {
    const kept = KEPT_ROWS[table];
    let query = untyped.selectFrom(table).selectAll();
    if (kept) query = query.where(kept.column, "=", kept.equals);
    const rows = (await query.execute()) as Row[];
    const skipColumns = SKIPPED_COLUMNS[table] ?? [];
    snapshot[table] = rows.map((row) => JSON.stringify(Object.entries(row).filter(([column]) => !skipColumns.includes(column)))).sort();
  };
  await Promise.all(tables.filter((t) => !SKIPPED_TABLES.has(t)).map(read));
  return snapshot;
}

/** Fails naming the tables that differ, with the rows added and removed. */
export function assertSameStore(before: StoreSnapshot, after: StoreSnapshot, what: string): void {
  const changes: string[] = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = new Set(before[table] ?? []);
    const now = new Set(after[table] ?? []);
    const added = [...now].filter((r) => !was.has(r));
    const removed = [...was].filter((r) => !now.has(r));
    if (added.length || removed.length) changes.push(`${table}: +${JSON.stringify(added)} -${JSON.stringify(removed)}`.slice(0, 2000));
  }
  assert.deepEqual(changes, [], `${what} wrote to the store`);
}
