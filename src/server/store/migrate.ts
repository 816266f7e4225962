/**
 * Applies pending migrations. Kysely's migrator takes a dialect-specific lock (an advisory lock on
 * PostgreSQL, GET_LOCK on MariaDB, a lock row on SQLite), so servers starting together migrate once.
 */
import { Migrator } from "kysely";
import { advanceAccessGeneration } from "./access-generation.js";
import type { Db } from "./db.js";
import { migrationProvider } from "./migrations/index.js";

/** The migrator of a store, also for tests that migrate part of the way (to build a store from before a migration). */
export function migrator(db: Db): Migrator {
  return new Migrator({
    // Migrations may write any table; they advance the access generation once done (below).
    db: db.kysely.withoutPlugins(),
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
  const applied = (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  // Other processes on this store may remember sessions read before the new schema's data.
  if (applied.length > 0) await advanceAccessGeneration(db.kysely.withoutPlugins());
  return applied;
}

export async function migrationStatus(db: Db): Promise<MigrationState[]> {
  const list = await migrator(db).getMigrations();
  return list.map((m) => ({ name: m.name, applied: m.executedAt !== undefined }));
}
