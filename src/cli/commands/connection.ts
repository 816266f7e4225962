/** `connect`, `disconnect`, `status`: where the CLI sends its requests (SPEC §2). */
import type { Command } from "commander";
import { DEVICE_COOKIE } from "../../core/device-cookie.js";
import { Client } from "../client.js";
import { dropConnection, saveConnection } from "../connection.js";
import { DEFAULT_WORKSPACE, serverUrl, type CliContext } from "../context.js";
import { ApiError, CliError, UsageError } from "../errors.js";
import { getWorkspace } from "../lookup.js";
import { say } from "../output.js";
import { ask, nextStdinLine } from "../prompts.js";
import type { LoginResponse, WireUser } from "../wire.js";

interface ConnectOptions {
  url: string;
  username?: string;
  password?: string;
  passwordStdin?: boolean;
  workspace?: string;
}

/** A password from `--password`, `--password-stdin` or a prompt, in that order. */
async function passwordFrom(options: { password?: string; passwordStdin?: boolean }, prompt: string): Promise<string> {
  if (options.password !== undefined && options.passwordStdin) throw new UsageError("Give --password or --password-stdin, not both.");
  if (options.password !== undefined) return options.password;
  if (options.passwordStdin) return nextStdinLine("password");
  return ask({ message: prompt, flag: "--password or --password-stdin", secret: true });
}

/** The device token a login answer sets (its Set-Cookie headers arrive joined by ", "). */
function deviceTokenOf(headers: Readonly<Record<string, string>>): string | undefined {
  return new RegExp(`(?:^|,)\\s*${DEVICE_COOKIE}=([^;,\\s]+)`).exec(headers["set-cookie"] ?? "")?.[1];
}

async function connect(ctx: CliContext, options: ConnectOptions): Promise<void> {
  const url = serverUrl(options.url);
  const username = options.username ?? (await ask({ message: "Username", flag: "--username" }));
  const password = await passwordFrom(options, `Password for user ${username}`);
  const { httpTransport } = await import("../transport-http.js");
  const anonymous = new Client(await httpTransport(url, undefined));
  // Sent back as the dashboard's browser does: the server reads it from the cookie.
  const kept = ctx.stored.devices?.[url];
  const { body: login, headers } = await anonymous.exchange<LoginResponse>("POST", "/login", {
    form: { username, password },
    headers: kept ? { cookie: `${DEVICE_COOKIE}=${kept}` } : undefined,
  });
  const client = new Client(await httpTransport(url, login.access_token));
  let me: WireUser;
  let workspace = DEFAULT_WORKSPACE;
  try {
    me = await client.get<WireUser>("/current-user");
    if (options.workspace !== undefined) workspace = (await getWorkspace(client, options.workspace)).name;
  } catch (err) {
    // Not saved, so not usable: end the session rather than leave it live on the server.
    await client.post("/logout").catch(() => undefined);
    throw err;
  }
  await saveConnection(ctx, { url, token: login.access_token, username: me.name, workspace, device: deviceTokenOf(headers) });
  say(`Connected to the Cohort server at '${url}' as user '${me.name}'.`);
  if (ctx.env.COHORT_URL && serverUrl(ctx.env.COHORT_URL) !== url) {
    process.stderr.write(`Note: COHORT_URL is set, so commands still go to '${ctx.env.COHORT_URL}' until it is unset.\n`);
  }
}

async function disconnect(ctx: CliContext): Promise<void> {
  const url = ctx.stored.url;
  if (!url) {
    say(
      ctx.env.COHORT_URL
        ? `The CLI has no stored connection; COHORT_URL still sends commands to '${ctx.env.COHORT_URL}' until it is unset.`
        : "The CLI is not connected to a server: it uses the local store.",
    );
    return;
  }
  await dropConnection(ctx);
  say(`Disconnected from the Cohort server at '${url}'. The CLI uses the local store now.`);
}

async function status(ctx: CliContext): Promise<void> {
  const connection = ctx.connection;
  if (connection.url) {
    say(`Connected to the Cohort server: '${connection.url}'${connection.fromEnv ? " (from COHORT_URL / COHORT_TOKEN)" : ""}`);
    try {
      const me = await (await ctx.client()).get<WireUser>("/current-user");
      say(`Logged in as user: '${me.name}'`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        throw new CliError(`Not logged in (${err.message}): run 'cohort connect --url ${connection.url}' to log in again.`);
      }
      throw err;
    }
  } else {
    const [{ loadConfig }, { redact }] = await Promise.all([import("../../server/config.js"), import("../../server/store/db.js")]);
    const config = loadConfig(ctx.env);
    say(`Using the local store: '${redact(config.databaseUrl)}'`);
    say(`Acting as user: '${config.defaultUserName}' (local mode checks no permissions)`);
  }
  say(`Running with active workspace: '${connection.workspace}'`);
  const local = (await import("../local-server.js")).readServerRecord(ctx.dir);
  if (local) say(`A local server started by 'cohort up' runs at '${local.url}' (pid ${local.pid}).`);
}

export function registerConnectionCommands(program: Command, ctx: CliContext): void {
  program
    .command("connect")
    .description("Log in to a Cohort server; every command then goes to it")
    .requiredOption("--url <url>", "the server's URL, e.g. http://127.0.0.1:8237")
    .option("--username <name>", "user name (prompted for when missing)")
    .option("--password <password>", "password (prompted for when missing)")
    .option("--password-stdin", "read the password from the first line of standard input")
    .option("--workspace <name>", "make this workspace the active one")
    .action((options: ConnectOptions) => connect(ctx, options));
  program
    .command("disconnect")
    .description("Log out and go back to the local store")
    .action(() => disconnect(ctx));
  program
    .command("status")
    .description("Show where the CLI points: server or local store, user, workspace")
    .action(() => status(ctx));
}
