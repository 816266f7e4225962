/**
 * A copy of a SQLite store taken while servers may be using it. The file cannot simply be copied
 * then: in WAL mode recent commits live in `cohort.db-wal` until a checkpoint, and a copy made
 * during a write is torn. SQLite's online backup copies a consistent snapshot page by page and
 * starts over if another connection writes meanwhile. PostgreSQL and MariaDB have their own tools
 * (`pg_dump`, `mariadb-dump`), which Cohort does not wrap.
 */
import { closeSync, existsSync, openSync, rmSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { dialectOf, redact, sqlitePath } from "./db.js";

export interface Backup {
  /** Absolute path of the file written. */
  file: string;
  bytes: number;
}

/** Copies the SQLite store at `databaseUrl` to the new file `target`; on failure, no file is left. */
export async function backupSqliteStore(databaseUrl: string, target: string): Promise<Backup> {
  const dialect = dialectOf(databaseUrl);
  if (dialect !== "sqlite") {
    const tool = dialect === "postgres" ? "pg_dump" : "mariadb-dump (or mysqldump)";
    throw new Error(`'${redact(databaseUrl)}' is not a SQLite store: back it up with ${tool}.`);
  }
  const source = sqlitePath(databaseUrl);
  if (source === ":memory:") throw new Error("An in-memory store has nothing to back up.");
  if (!existsSync(source)) throw new Error(`There is no store at '${source}'.`);
  const file = resolve(target);
  // Created here, empty (which SQLite takes as an empty database), readable by its owner only: it
  // holds password hashes. Never over an existing file: it may be the only good copy someone has.
  try {
    closeSync(openSync(file, "wx", 0o600));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new Error(`'${file}' already exists: choose a new file name.`);
    if (code === "ENOENT") throw new Error(`The directory '${dirname(file)}' does not exist.`);
    throw err;
  }
  let db: SQLite.Database | undefined;
  try {
    db = new SQLite(source, { fileMustExist: true });
    db.pragma("busy_timeout = 5000");
    await db.backup(file);
  } catch (err) {
    rmSync(file, { force: true });
    if ((err as { code?: string }).code === "SQLITE_NOTADB") throw new Error(`'${source}' is not a SQLite store.`);
    throw err;
  } finally {
    db?.close();
  }
  return { file, bytes: statSync(file).size };
}
