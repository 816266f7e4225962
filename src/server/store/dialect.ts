/**
 * The few places where SQLite, PostgreSQL and MariaDB behave differently, kept together.
 */
import { sql, type Kysely, type Transaction } from "kysely";
import type { DialectName } from "./db.js";
import type { Database, Flag } from "./schema.js";

const UNIQUE_CODES = new Set(["SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY", "23505", "ER_DUP_ENTRY"]);
const FOREIGN_KEY_CODES = new Set([
  "SQLITE_CONSTRAINT_FOREIGNKEY",
  "23503",
  "ER_NO_REFERENCED_ROW_2",
  "ER_NO_REFERENCED_ROW",
  "ER_ROW_IS_REFERENCED_2",
]);

// A transaction the database chose to abort so that others could go on: PostgreSQL's
// deadlock_detected and serialization_failure, MariaDB's deadlock. Running it again succeeds.
const RETRYABLE_CODES = new Set(["40P01", "40001", "ER_LOCK_DEADLOCK"]);

function codeOf(err: unknown): string | undefined {
  if (err && typeof err === "object" && "code" in err) return String((err as { code: unknown }).code);
  return undefined;
}

export function isUniqueViolation(err: unknown): boolean {
  return UNIQUE_CODES.has(codeOf(err) ?? "");
}

export function isRetryableAbort(err: unknown): boolean {
  return RETRYABLE_CODES.has(codeOf(err) ?? "");
}

export function isForeignKeyViolation(err: unknown): boolean {
  return FOREIGN_KEY_CODES.has(codeOf(err) ?? "");
}

/** Booleans come back as 1 from SQLite and MariaDB and as true from PostgreSQL. */
export function flag(value: unknown): boolean {
  return value === 1 || value === true || value === "1";
}

export function toFlag(value: boolean): Flag {
  return value ? 1 : 0;
}

/**
 * Serializes every transaction that could change who holds which permission, so that checks such
 * as "an admin remains" see the other writers' results. SQLite needs nothing: its one connection
 * runs one transaction at a time.
 */
export async function lockAccessGuard(tx: Transaction<Database> | Kysely<Database>, dialect: DialectName): Promise<void> {
  if (dialect === "sqlite") return;
  await sql`select id from guard where id = 1 for update`.execute(tx);
}

/** A LIKE pattern with the value's own wildcards escaped by `!` (a character no dialect treats specially in literals); pair it with `escape '!'`. */
export function likePattern(value: string, mode: "contains" | "startswith" | "endswith"): string {
  const escaped = value.replace(/[!%_]/g, (c) => "!" + c);
  if (mode === "contains") return `%${escaped}%`;
  if (mode === "startswith") return `${escaped}%`;
  return `%${escaped}`;
}
