/**
 * Applies pending migrations. Kysely's migrator takes a dialect-specific lock (an advisory lock on
 * PostgreSQL, GET_LOCK on MariaDB, a lock row on SQLite), so servers starting together migrate once.
 */
import { Migrator } from "kysely";
import type { Db } from "./db.js";
import { migrationProvider } from "./migrations/index.js";

function migrator(db: Db): Migrator {
  return new Migrator({
    db: db.kysely,
    provider: migrationProvider,
    migrationTableName: "cohort_migration",
    migrationLockTableName: "cohort_migration_lock",
  });
}

export interface MigrationState {
  name: string;
  applied: boolean;
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

export async function migrationStatus(db: Db): Promise<MigrationState[]> {
  const list = await migrator(db).getMigrations();
  return list.map((m) => ({ name: m.name, applied: m.executedAt !== undefined }));
}
