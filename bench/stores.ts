/**
 * Fresh stores for a scenario: a SQLite file in a temporary directory, or a PostgreSQL database
 * with a random name on the local server (COHORT_BENCH_POSTGRES_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres), created here and dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export type BenchDialect = "sqlite" | "postgres";

export interface BenchStore {
  dialect: BenchDialect;
  url: string;
  /** The server's data directory (nothing is written there but the SQLite file). */
  dataDir: string;
  drop(): Promise<void>;
}

const POSTGRES_ADMIN_URL = process.env.COHORT_BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function pgAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Why PostgreSQL cannot be used here, or undefined when it answers. */
export async function postgresUnavailable(): Promise<string | undefined> {
  try {
    await pgAdmin("select 1");
    return undefined;
  } catch (err) {
    return `PostgreSQL at ${POSTGRES_ADMIN_URL} did not answer: ${err instanceof Error ? err.message : String(err)}`;
  }
}

export async function createStore(dialect: BenchDialect): Promise<BenchStore> {
  const dataDir = mkdtempSync(join(tmpdir(), "cohort-bench-data-"));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (dialect === "sqlite") return { dialect, url: `sqlite://${join(dataDir, "cohort.db")}`, dataDir, drop: async () => removeDir() };
  // Random hex: nothing to quote or escape.
  const name = `cohort_bench_${randomBytes(6).toString("hex")}`;
  await pgAdmin(`create database ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    dialect,
    url: url.toString(),
    dataDir,
    drop: async () => {
      await pgAdmin(`drop database if exists ${name} with (force)`);
      removeDir();
    },
  };
}
