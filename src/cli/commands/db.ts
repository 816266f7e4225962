/**
 * `db migrate` / `db status`: the store's migrations (a server also migrates on start, under a
 * lock); `db backup`: a consistent copy of a SQLite store, servers running or not.
 */
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { printTable, say } from "../output.js";
import { withProgress } from "../progress.js";

const DATABASE_URL_OPTION = ["--database-url <url>", "the store (default COHORT_DATABASE_URL or the local SQLite file)"] as const;

async function storeUrl(ctx: CliContext, databaseUrl: string | undefined): Promise<string> {
  const { loadConfig } = await import("../../server/config.js");
  return loadConfig(ctx.env, databaseUrl ? { databaseUrl } : {}).databaseUrl;
}

async function openStore(ctx: CliContext, databaseUrl: string | undefined) {
  const [url, { openDatabase, redact }, migrate] = await Promise.all([
    storeUrl(ctx, databaseUrl),
    import("../../server/store/db.js"),
    import("../../server/store/migrate.js"),
  ]);
  return { db: openDatabase(url), shown: redact(url), ...migrate };
}

export function registerDbCommands(program: Command, ctx: CliContext): void {
  const db = program.command("db").description("Manage the store: its schema and backups");
  db.command("migrate")
    .description("Apply pending migrations")
    .option(...DATABASE_URL_OPTION)
    .action(async (options: { databaseUrl?: string }) => {
      const store = await openStore(ctx, options.databaseUrl);
      try {
        const applied = await withProgress("Migrating the store…", () => store.migrateToLatest(store.db));
        for (const name of applied) say(`Applied migration '${name}'.`);
        say(applied.length === 0 ? `The store '${store.shown}' is up to date.` : `The store '${store.shown}' is up to date now.`);
      } finally {
        await store.db.close();
      }
    });
  db.command("status")
    .description("Show which migrations the store has")
    .option(...DATABASE_URL_OPTION)
    .action(async (options: { databaseUrl?: string }) => {
      const store = await openStore(ctx, options.databaseUrl);
      try {
        const states = await store.migrationStatus(store.db);
        await printTable(
          ["MIGRATION", "STATUS"],
          states.map((m) => [m.name, m.applied ? "applied" : "pending"]),
        );
        const applied = states.filter((m) => m.applied).length;
        say(`${applied} of ${states.length} migrations applied to '${store.shown}'.`);
      } finally {
        await store.db.close();
      }
    });
  db.command("backup")
    .description("Copy a SQLite store to a new file, even while servers use it")
    .argument("<file>", "the copy to write (must not exist)")
    .option(...DATABASE_URL_OPTION)
    .action(async (file: string, options: { databaseUrl?: string }) => {
      const [url, { redact }, { backupSqliteStore }] = await Promise.all([
        storeUrl(ctx, options.databaseUrl),
        import("../../server/store/db.js"),
        import("../../server/store/backup.js"),
      ]);
      const backup = await withProgress("Backing up the store…", () => backupSqliteStore(url, file));
      say(`Backed up '${redact(url)}' to '${backup.file}' (${Math.ceil(backup.bytes / 1024)} KiB).`);
    });
}
