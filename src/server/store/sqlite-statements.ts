/**
 * Prepared statements for SQLite, reused, and rows built cheaply. Kysely's SQLite driver prepares
 * every query afresh, and parsing and planning the SQL was the largest single cost of an
 * authenticated request (about a sixth of the server's time in the current-user benchmark,
 * docs/performance.md). Kysely emits the same SQL text for the same query shape, with values as
 * parameters, so a small cache keyed by the text catches the hot paths. SQLite itself re-prepares
 * a cached statement if the schema changes.
 *
 * Rows: better-sqlite3 builds each row object in C++, creating and interning every column name
 * for every row, which cost as much as running the queries. Reading statements run in raw mode
 * (arrays) instead, and a function made once per statement from its column names turns each array
 * into the same object better-sqlite3 would have built, as one object literal.
 *
 * Direct reads: Kysely runs every query through its single-connection mutex and several promises
 * (a few µs a query). The prepared hot-path queries (store/prepared.ts) instead run their
 * statement at once when that is what the mutex would give them anyway: on the store itself (not
 * a transaction's handle), while no transaction is open on the connection. Outside a transaction
 * each statement runs synchronously, so it can never interleave with another query; inside one it
 * would see the transaction's uncommitted writes, so it then waits its turn through Kysely.
 */
import type SQLite from "better-sqlite3";
import type { CompiledQuery, SqliteDatabase, SqliteStatement } from "kysely";

/** Distinct query shapes kept; the least recently used one goes first. */
const CAPACITY = 500;

interface Cached {
  statement: SQLite.Statement;
  forKysely: SqliteStatement;
}

function rowBuilder(names: readonly string[]): (values: unknown[]) => unknown {
  // Names are quoted by JSON.stringify, so no column name can change the code. A repeated name
  // keeps its last value, as better-sqlite3 does.
  return new Function("r", `return {${names.map((name, i) => `${JSON.stringify(name)}: r[${i}]`).join(", ")}};`) as (
    values: unknown[],
  ) => unknown;
}

function forKysely(statement: SQLite.Statement): SqliteStatement {
  const names = statement.reader ? statement.columns().map((c) => c.name) : [];
  // `__proto__` in an object literal sets the prototype instead of a property: leave such a
  // statement (none of ours) to better-sqlite3's own rows.
  if (!statement.reader || names.includes("__proto__")) return statement;
  const toRow = rowBuilder(names);
  statement.raw(true);
  return {
    reader: true,
    all: (parameters) => (statement.all(parameters) as unknown[][]).map(toRow),
    run: (parameters) => statement.run(parameters),
    *iterate(parameters) {
      for (const values of statement.iterate(parameters) as IterableIterator<unknown[]>) yield toRow(values);
    },
  };
}

/** What `readDirectly` runs a store's queries on, by the store's root Kysely instance. */
const directReaders = new WeakMap<object, { sqlite: SQLite.Database; statements: SqliteDatabase; values: Map<string, SQLite.Statement> }>();

/** Lets `readDirectly` run reads on `store` (the Kysely instance over `statements`) directly. */
export function allowDirectReads(store: object, sqlite: SQLite.Database, statements: SqliteDatabase): void {
  directReaders.set(store, { sqlite, statements, values: new Map() });
}

/**
 * The rows of a reading query run now on a SQLite store, or undefined when it must go through
 * Kysely: `q` is a transaction or not a SQLite store, or a transaction is open on the connection.
 */
export function readDirectly(q: object, query: CompiledQuery): unknown[] | undefined {
  const reader = directReaders.get(q);
  if (!reader || reader.sqlite.inTransaction) return undefined;
  return reader.statements.prepare(query.sql).all(query.parameters);
}

/** Whether `readDirectly` and `valueDirectly` would run a query on `q` now. */
export function readsDirectly(q: object): boolean {
  const reader = directReaders.get(q);
  return reader !== undefined && !reader.sqlite.inTransaction;
}

/**
 * The first column of a reading query's first row (undefined if none), run now as `readDirectly`
 * runs queries: for the generation every request reads (store/access-generation.ts), where making
 * the row and looking the statement up in the cache above cost about as much as SQLite's work.
 * Statements are kept by SQL text, so this is for a few fixed queries only.
 */
export function valueDirectly(q: object, query: CompiledQuery): unknown {
  const reader = directReaders.get(q);
  if (!reader || reader.sqlite.inTransaction) throw new Error("valueDirectly: this store cannot run a query now (see readsDirectly)");
  let statement = reader.values.get(query.sql);
  if (!statement) reader.values.set(query.sql, (statement = reader.sqlite.prepare(query.sql).pluck()));
  return statement.get(query.parameters);
}

export function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, Cached>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const cached = cache.get(sql);
      // A statement still iterating (a streamed query) cannot run again until it finishes.
      if (cached && !cached.statement.busy) {
        cache.delete(sql);
        cache.set(sql, cached);
        return cached.forKysely;
      }
      const statement = sqlite.prepare(sql);
      const fresh = { statement, forKysely: forKysely(statement) };
      if (!cached) {
        cache.set(sql, fresh);
        if (cache.size > CAPACITY) cache.delete(cache.keys().next().value as string);
      }
      return fresh.forKysely;
    },
  };
}
