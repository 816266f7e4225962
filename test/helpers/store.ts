/**
 * A migrated store of one dialect for the store suites: a fresh database opened with the
 * production `openDatabase`, migrated in `before` and dropped in `after`.
 */
import { after, before } from "node:test";
import { loadConfig } from "../../src/server/config.js";
import type { Ctx } from "../../src/server/services/context.js";
import { openDatabase, type Db } from "../../src/server/store/db.js";
import { migrateToLatest } from "../../src/server/store/migrate.js";
import type { TestDatabase, TestDialect } from "./dialects.js";

export interface StoreFixture {
  /**
   * The store, with its refusal to write access tables outside `transaction()` lifted: these suites
   * write rows straight through the repositories, and no server remembers sessions of this store.
   */
  db: Db;
  /** What services take: the store and a configuration with defaults. */
  ctx: Ctx;
  /** Migrations the first `migrateToLatest` applied. */
  applied: string[];
}

/** One store for the enclosing suite. Read the fields inside tests, not at declaration. */
export function useStore(dialect: TestDialect, options: { migrate?: boolean } = {}): StoreFixture {
  const fixture = {} as StoreFixture;
  let database: TestDatabase | undefined;
  before(async () => {
    database = await dialect.createDatabase();
    const opened = openDatabase(database.url);
    fixture.db = { ...opened, kysely: opened.kysely.withoutPlugins() };
    fixture.ctx = { db: fixture.db, config: loadConfig({}, { databaseUrl: database.url }) };
    fixture.applied = options.migrate === false ? [] : await migrateToLatest(fixture.db);
  });
  after(async () => {
    try {
      await fixture.db?.close();
    } finally {
      await database?.drop();
    }
  });
  return fixture;
}
