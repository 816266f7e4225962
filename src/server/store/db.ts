/**
 * Opens the store from a URL: `sqlite:///path/to/file.db`, `postgres://…` or `mysql://…`
 * (`mariadb://` is accepted as an alias). Dialect quirks live in dialect.ts, not here.
 */
import { chmodSync, closeSync, mkdirSync, openSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, MysqlDialect, PostgresDialect, SqliteDialect } from "kysely";
import type mysql from "mysql2";
import type pg from "pg";
import { OnlyInTransactions } from "./access-generation.js";
import type { Database } from "./schema.js";
import { allowDirectReads, withStatementCache } from "./sqlite-statements.js";

export type DialectName = "sqlite" | "postgres" | "mysql";

export interface Db {
  /**
   * The store, refusing to write access tables outside a transaction (store/access-generation.ts);
   * services/context.ts `transaction()` is where they are written.
   */
  readonly kysely: Kysely<Database>;
  readonly dialect: DialectName;
  close(): Promise<void>;
}

/**
 * The PostgreSQL and MySQL drivers load only for a store that uses them: together they took
 * about a third of a second of every CLI command in local mode (SPEC §11), which opens a SQLite
 * store. Both are CommonJS, so `require` loads them on the spot and opening stays synchronous.
 */
const require = createRequire(import.meta.url);

export function dialectOf(url: string): DialectName {
  if (url.startsWith("sqlite:")) return "sqlite";
  if (url.startsWith("postgres:") || url.startsWith("postgresql:")) return "postgres";
  if (url.startsWith("mysql:") || url.startsWith("mariadb:")) return "mysql";
  throw new Error(`Unsupported database URL '${redact(url)}': use sqlite:///path, postgres://… or mysql://…`);
}

/** The file path of a sqlite URL: `sqlite:///abs/file.db` → `/abs/file.db`, `sqlite://rel.db` → `rel.db`. */
export function sqlitePath(url: string): string {
  const rest = url.replace(/^sqlite:(\/\/)?/, "");
  if (rest === ":memory:" || rest === "") return ":memory:";
  return rest;
}

const guarded = (kysely: Kysely<Database>) => kysely.withPlugin(new OnlyInTransactions());

export interface OpenOptions {
  /** Where a warning goes (a store found readable by others); standard error by default. */
  warn?: (message: string) => void;
}

const warnOnStderr = (message: string) => process.stderr.write(`Warning: ${message}\n`);

/** The files of a SQLite store: the database, and the side files WAL mode keeps beside it. */
const sideFiles = (path: string) => [path, `${path}-wal`, `${path}-shm`, `${path}-journal`];

/**
 * A SQLite store is its owner's alone (SPEC §9): it holds password hashes and the CSRF key. Its
 * directory is created 0700 and the file itself 0600 before SQLite opens it (SQLite would make it
 * 0644 less the umask), and SQLite gives the `-wal` and `-shm` files it creates the mode of the
 * store. Files found open to others are tightened, with a warning; a directory that already
 * existed is left as it is (it may be shared on purpose), the files in it being private.
 */
function makePrivate(path: string, warn: (message: string) => void): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    // Exclusive: only a file made here, never one someone else just put there.
    closeSync(openSync(path, "wx", 0o600));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  const loose = sideFiles(path).filter((file) => {
    try {
      return (statSync(file).mode & 0o077) !== 0;
    } catch {
      return false;
    }
  });
  for (const file of loose) chmodSync(file, 0o600);
  if (loose.length > 0) warn(`the store ${loose.join(", ")} was readable by other users; it is now readable by its owner only (0600).`);
}

export function openDatabase(url: string, options: OpenOptions = {}): Db {
  const dialect = dialectOf(url);
  if (dialect === "sqlite") {
    const path = sqlitePath(url);
    if (path !== ":memory:") makePrivate(path, options.warn ?? warnOnStderr);
    const sqlite = new SQLite(path);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("synchronous = NORMAL");
    const statements = withStatementCache(sqlite);
    const kysely = guarded(new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) }));
    allowDirectReads(kysely, sqlite, statements);
    return { kysely, dialect, close: () => kysely.destroy() };
  }
  if (dialect === "postgres") {
    const { Pool, types } = require("pg") as typeof pg;
    // COUNT(*) is a bigint in PostgreSQL; our counts fit in a double.
    types.setTypeParser(20, (v) => Number(v));
    const pool = new Pool({ connectionString: url, max: 10 });
    const kysely = guarded(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }));
    return { kysely, dialect, close: () => kysely.destroy() };
  }
  const { createPool } = require("mysql2") as typeof mysql;
  const pool = createPool({ uri: url.replace(/^mariadb:/, "mysql:"), connectionLimit: 10, timezone: "Z" });
  const kysely = guarded(new Kysely<Database>({ dialect: new MysqlDialect({ pool }) }));
  return { kysely, dialect, close: () => kysely.destroy() };
}

/** The URL with any password masked, for messages and logs. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}
