/**
 * Prepared statements for SQLite, reused. Kysely's SQLite driver prepares every query afresh, and
 * parsing and planning the SQL was the largest single cost of an authenticated request (about a
 * sixth of the server's time in the current-user benchmark, docs/performance.md). Kysely emits the
 * same SQL text for the same query shape, with values as parameters, so a small cache keyed by the
 * text catches the hot paths. SQLite itself re-prepares a cached statement if the schema changes.
 */
import type SQLite from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

/** Distinct query shapes kept; the least recently used one goes first. */
const CAPACITY = 500;

export function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const cached = cache.get(sql);
      // A statement still iterating (a streamed query) cannot run again until it finishes.
      if (cached && !cached.busy) {
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > CAPACITY) cache.delete(cache.keys().next().value as string);
      }
      return statement;
    },
  };
}
