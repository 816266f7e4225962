/** `server start`: a server in the foreground, as `npm start` runs it (SPEC §2). */
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { portNumber } from "../options.js";

interface StartOptions {
  host?: string;
  port?: number;
  databaseUrl?: string;
}

export function registerServerCommands(program: Command, ctx: CliContext): void {
  const server = program.command("server").description("Run a Cohort server");
  server
    .command("start")
    .description("Run a server in the foreground (COHORT_* variables configure the rest)")
    .option("--host <host>", "address to listen on (default COHORT_HOST or 127.0.0.1)")
    .option("--port <port>", "port to listen on (default COHORT_PORT or 8237)", portNumber)
    .option("--database-url <url>", "the store: sqlite:///path, postgres://… or mysql://… (default COHORT_DATABASE_URL)")
    .action(async (options: StartOptions) => {
      const { runForeground } = await import("../../server/main.js");
      // Only what was given: an undefined override would erase the environment's value.
      const overrides = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
      await runForeground(overrides);
      ctx.keepAlive = true;
    });
}
