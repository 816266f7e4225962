/** `up` / `down`: a local server in the background, and the CLI connected to it (like `zenml up`). */
import type { Command } from "commander";
import { dropConnection, saveConnection } from "../connection.js";
import { DEFAULT_WORKSPACE, type CliContext } from "../context.js";
import { portNumber } from "../options.js";
import { say } from "../output.js";
import { withProgress } from "../progress.js";

const DEFAULT_PORT = 8237;

async function up(ctx: CliContext, options: { port?: number }): Promise<void> {
  const { isHealthy, readServerRecord, startServer, stopServer } = await import("../local-server.js");
  let record = readServerRecord(ctx.dir);
  if (record && (await isHealthy(record.url))) {
    say(`The local Cohort server is already running at '${record.url}'.`);
  } else {
    if (record) await stopServer(ctx.dir, record);
    const port = options.port ?? Number(ctx.env.COHORT_PORT ?? DEFAULT_PORT);
    record = await withProgress("Starting the local Cohort server…", () => startServer(ctx.dir, port, ctx.env));
    say(`The local Cohort server is running at '${record.url}' (dashboard: ${record.url}/, log: ${record.log}).`);
  }
  const url = record.url;
  const { loginDefaultUser } = await import("../local-login.js");
  const login = await loginDefaultUser(ctx.env, url);
  if (login.kind === "pending") {
    say(`The '${login.username}' user has no password yet. Set one with this one-time link, then run 'cohort up' again:`);
    say(login.setupLink);
    say(`(On a new store, COHORT_DEFAULT_USER_PASSWORD sets it instead.)`);
    return;
  }
  await saveConnection(ctx, { url, token: login.token, username: login.username, workspace: DEFAULT_WORKSPACE });
  say(`Connected the CLI to it as user '${login.username}'.`);
}

async function down(ctx: CliContext): Promise<void> {
  const { readServerRecord, stopServer } = await import("../local-server.js");
  const record = readServerRecord(ctx.dir);
  if (!record) {
    say("No local Cohort server started by 'cohort up' is running.");
    return;
  }
  // Log out while the server can still hear it.
  const connected = ctx.stored.url === record.url;
  if (connected) await dropConnection(ctx);
  await withProgress("Stopping the local Cohort server…", () => stopServer(ctx.dir, record));
  say(`Stopped the local Cohort server at '${record.url}'.`);
  if (connected) say("Disconnected: the CLI uses the local store now.");
}

export function registerLocalServerCommands(program: Command, ctx: CliContext): void {
  program
    .command("up")
    .description("Start a local server in the background on the local store and connect the CLI to it")
    .option("--port <port>", `port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)`, portNumber)
    .action((options: { port?: number }) => up(ctx, options));
  program
    .command("down")
    .description("Stop the local server started by 'cohort up' and disconnect the CLI from it")
    .action(() => down(ctx));
}
