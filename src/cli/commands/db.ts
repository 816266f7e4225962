/** `db migrate` / `db status`: the store's migrations (a server also migrates on start, under a lock). */
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { printTable, say } from "../output.js";
import { withProgress } from "../progress.js";

async function openStore(ctx: CliContext, databaseUrl: string | undefined) {
  const [{ loadConfig }, { openDatabase, redact }, migrate] = await Promise.all([
    import("../../server/config.js"),
    import("../../server/store/db.js"),
    import("../../server/store/migrate.js"),
  ]);
  const config = loadConfig(ctx.env, databaseUrl ? { databaseUrl } : {});
  return { db: openDatabase(config.databaseUrl), shown: redact(config.databaseUrl), ...migrate };
}

export function registerDbCommands(program: Command, ctx: CliContext): void {
  const db = program.command("db").description("Manage the store's schema");
  db.command("migrate")
    .description("Apply pending migrations")
    .option("--database-url <url>", "the store (default COHORT_DATABASE_URL or the local SQLite file)")
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
    .option("--database-url <url>", "the store (default COHORT_DATABASE_URL or the local SQLite file)")
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
}
