/**
 * The databases every store and API suite runs against (SPEC §10: one suite, three dialects).
 *
 * SQLite always runs. PostgreSQL and MariaDB run when their server answers: the URLs come from
 * COHORT_TEST_POSTGRES_URL and COHORT_TEST_MYSQL_URL (defaults: the local servers' `test`
 * databases), and COHORT_TEST_DIALECTS=sqlite,postgres narrows the list. A server that does not
 * answer skips its suites with a message saying so, except under CI=true, where it fails them:
 * CI must never go green by silently testing one dialect.
 *
 * Each suite gets a database of its own with a random name (a temp file for SQLite), so test
 * files can run in parallel and leave nothing behind.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, it } from "node:test";
import { createConnection } from "mysql2/promise";
import pg from "pg";
import { redact, type DialectName } from "../../src/server/store/db.js";

export interface TestDatabase {
  /** A store URL for `openDatabase` or the server's `databaseUrl`. */
  readonly url: string;
  /** Removes the database (close every connection to it first). */
  drop(): Promise<void>;
}

export interface TestDialect {
  readonly name: DialectName;
  /** The product name shown in suite titles and messages. */
  readonly label: string;
  /** Why this dialect cannot run here, or undefined when it can. */
  readonly unavailable: string | undefined;
  /** A fresh, empty database with a random name. */
  createDatabase(): Promise<TestDatabase>;
}

export const IN_CI = process.env.CI === "true" || process.env.CI === "1";
// A server that is not there refuses at once; one that is slow to answer (a loaded machine) is
// there, and must be waited for rather than skipped, in CI or not.
const CONNECT_TIMEOUT_MS = 20_000;

const randomDbName = () => `cohort_t_${randomBytes(6).toString("hex")}`;

/** The admin URL with its database swapped for `name`. */
function withDatabase(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one statement on a short-lived admin connection. */
type AdminExec = (adminUrl: string, statement: string) => Promise<void>;

const pgExec: AdminExec = async (adminUrl, statement) => {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
};

const mysqlExec: AdminExec = async (adminUrl, statement) => {
  const conn = await createConnection({ uri: adminUrl, connectTimeout: CONNECT_TIMEOUT_MS });
  try {
    await conn.query(statement);
  } finally {
    await conn.end();
  }
};

interface ServerDialectSpec {
  name: "postgres" | "mysql";
  label: string;
  envVar: string;
  defaultUrl: string;
  exec: AdminExec;
  /** Names are random hex, so quoting cannot be escaped out of. */
  create: (db: string) => string;
  drop: (db: string) => string;
  /** True when the drop failed only because connections are still closing. */
  inUse?: (err: unknown) => boolean;
  /** The last resort once they have had time to close: a leaked connection must not leak the database. */
  forceDrop?: (db: string) => string;
}

const SERVER_DIALECTS: ServerDialectSpec[] = [
  {
    name: "postgres",
    label: "PostgreSQL",
    envVar: "COHORT_TEST_POSTGRES_URL",
    defaultUrl: "postgres://postgres@127.0.0.1:5432/test",
    exec: pgExec,
    // A linguistic default collation, as many installations have, so tests see what it changes.
    create: (db) => `CREATE DATABASE "${db}" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'`,
    drop: (db) => `DROP DATABASE IF EXISTS "${db}"`,
    // 55006 object_in_use: a closed pool's sockets may still be saying goodbye.
    inUse: (err) => (err as { code?: string }).code === "55006",
    forceDrop: (db) => `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`,
  },
  {
    name: "mysql",
    label: "MariaDB",
    envVar: "COHORT_TEST_MYSQL_URL",
    defaultUrl: "mysql://root@127.0.0.1:3306/test",
    exec: mysqlExec,
    create: (db) => `CREATE DATABASE \`${db}\``,
    drop: (db) => `DROP DATABASE IF EXISTS \`${db}\``,
  },
];

const DROP_WAIT_MS = 10_000;

/**
 * Drops a test database once nothing uses it. A closed pg pool resolves before its sockets are
 * gone; dropping WITH (FORCE) at that moment kills those backends, and the dying client's error
 * then surfaces in whatever test file runs as an uncaught exception. So: wait, and force only a
 * connection that is still there after DROP_WAIT_MS (a real leak).
 */
async function dropWhenFree(spec: ServerDialectSpec, adminUrl: string, name: string): Promise<void> {
  const deadline = Date.now() + DROP_WAIT_MS;
  for (;;) {
    try {
      return await spec.exec(adminUrl, spec.drop(name));
    } catch (err) {
      if (!spec.inUse?.(err) || !spec.forceDrop) throw err;
      if (Date.now() > deadline) return await spec.exec(adminUrl, spec.forceDrop(name));
      await sleep(50);
    }
  }
}

async function serverDialect(spec: ServerDialectSpec): Promise<TestDialect> {
  const adminUrl = process.env[spec.envVar] || spec.defaultUrl;
  let unavailable: string | undefined;
  try {
    await spec.exec(adminUrl, "SELECT 1");
  } catch (err) {
    unavailable = `${spec.label} not reachable at ${redact(adminUrl)} (${(err as Error).message || String(err)}); set ${spec.envVar} to test it`;
  }
  return {
    name: spec.name,
    label: spec.label,
    unavailable,
    async createDatabase() {
      const name = randomDbName();
      await spec.exec(adminUrl, spec.create(name));
      return { url: withDatabase(adminUrl, name), drop: () => dropWhenFree(spec, adminUrl, name) };
    },
  };
}

const sqlite: TestDialect = {
  name: "sqlite",
  label: "SQLite",
  unavailable: undefined,
  async createDatabase() {
    const dir = await mkdtemp(join(tmpdir(), "cohort_t_"));
    return { url: `sqlite://${join(dir, "cohort.db")}`, drop: () => rm(dir, { recursive: true, force: true }) };
  },
};

const ALIASES: Record<string, DialectName> = {
  sqlite: "sqlite",
  postgres: "postgres",
  postgresql: "postgres",
  mysql: "mysql",
  mariadb: "mysql",
};

/** The dialects COHORT_TEST_DIALECTS asks for (all of them when unset). */
function wantedDialects(): Set<DialectName> {
  const raw = process.env.COHORT_TEST_DIALECTS?.trim();
  if (!raw) return new Set(["sqlite", "postgres", "mysql"]);
  const wanted = new Set<DialectName>();
  for (const part of raw.split(",").map((p) => p.trim().toLowerCase())) {
    const name = ALIASES[part];
    if (!name) throw new Error(`COHORT_TEST_DIALECTS: unknown dialect '${part}' (use sqlite, postgres, mysql)`);
    wanted.add(name);
  }
  return wanted;
}

async function resolveDialects(): Promise<TestDialect[]> {
  const wanted = wantedDialects();
  const servers = await Promise.all(SERVER_DIALECTS.filter((s) => wanted.has(s.name)).map(serverDialect));
  return [...(wanted.has("sqlite") ? [sqlite] : []), ...servers];
}

/** The dialects of this run, probed once per test file. */
export const DIALECTS: readonly TestDialect[] = await resolveDialects();

/**
 * Declares `suite` once per dialect, as `title [Label]`. An unreachable server skips the suite
 * with the reason, or fails it under CI.
 */
export function describeEachDialect(title: string, suite: (dialect: TestDialect) => void): void {
  for (const dialect of DIALECTS) {
    const name = `${title} [${dialect.label}]`;
    const reason = dialect.unavailable;
    if (reason === undefined) describe(name, () => suite(dialect));
    else if (IN_CI) describe(name, () => it(`${dialect.label} is reachable`, () => assert.fail(`${reason}. CI=true needs every dialect.`)));
    // A skipped test rather than a skipped suite, so the run's summary counts it.
    else describe(name, () => it(`${dialect.label} suites`, { skip: reason }, () => {}));
  }
}
