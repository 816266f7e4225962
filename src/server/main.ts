/**
 * Starts a server: opens the store (migrating under a lock), bootstraps the first admin, listens,
 * and prints the URL and, on a fresh store, the one-time setup link. Used by `npm start`,
 * `cohort server start` and `cohort up`, and by the tests on an ephemeral port.
 */
import type { AddressInfo } from "node:net";
import { loadConfig, type Config } from "./config.js";
import { buildApp, type App } from "./http/app.js";
import { listenForMetrics, type MetricsListener } from "./observability/metrics-listener.js";
import { openRuntime, type Runtime } from "./runtime.js";
import { startSweeping, type Sweeper } from "./services/housekeeping.js";
import { redact } from "./store/db.js";

export interface RunningServer {
  url: string;
  /** The listener of `/metrics` apart from the API (COHORT_METRICS_ADDRESS), when there is one. */
  metricsUrl?: string;
  app: App;
  runtime: Runtime;
  close(): Promise<void>;
}

export async function startServer(config: Config, options: { logger?: boolean | object } = {}): Promise<RunningServer> {
  const runtime = await openRuntime(config);
  let app: App;
  let sweeper: Sweeper | undefined;
  let metrics: MetricsListener | undefined;
  try {
    app = await buildApp(runtime, { logger: options.logger ?? false });
    const log = app.log;
    for (const warning of config.startWarnings) log.warn(warning);
    for (const warning of runtime.warnings) log.warn(warning);
    sweeper = await startSweeping(runtime.ctx, (outcome) => {
      if (outcome instanceof Error) log.warn({ err: outcome }, "housekeeping: the sweep failed; the next one tries again");
      else if (outcome.sessions + outcome.loginFailures > 0)
        log.info(outcome, "housekeeping: deleted ended sessions and expired login failures");
    });
    if (config.metricsAddress) metrics = await listenForMetrics(config.metricsAddress, config.metricsToken);
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    await sweeper?.stop();
    await metrics?.close();
    await runtime.close();
    throw err;
  }
  const address = app.server.address() as AddressInfo;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
  // Without COHORT_BASE_URL, links name the address listened on, whose port (0 = any) is known only
  // now; the setup link was made before, under the configured port.
  const derivedBaseUrl = `http://${host}:${config.port}`;
  if (config.baseUrl === derivedBaseUrl) {
    config.baseUrl = url;
    runtime.setupLink = runtime.setupLink?.replace(derivedBaseUrl, url);
  }
  let closing: Promise<void> | undefined;
  return {
    url,
    metricsUrl: metrics?.url,
    app,
    runtime,
    close: () =>
      (closing ??= (async () => {
        await sweeper.stop();
        await metrics?.close();
        await app.close();
        await runtime.close();
      })()),
  };
}

/** The banner `npm start` prints: where the server is and how to log in. */
export function banner(server: RunningServer): string {
  const config = server.runtime.ctx.config;
  const lines = [
    `Cohort is running at ${server.url}`,
    `  dashboard: ${server.url}/   API docs: ${server.url}/docs`,
    `  store: ${redact(config.databaseUrl)}`,
  ];
  if (server.metricsUrl) lines.push(`  metrics: ${server.metricsUrl}/metrics`);
  if (server.runtime.setupLink) {
    lines.push(
      "",
      `First start: set the password of the '${config.defaultUserName}' admin with this one-time link:`,
      `  ${server.runtime.setupLink}`,
    );
  } else {
    lines.push(
      "",
      `Log in as '${config.defaultUserName}' (or any user you created) with \`cohort connect --url ${server.url}\` or in the dashboard.`,
    );
  }
  return lines.join("\n");
}

/** `npm start`: a foreground server that stops cleanly on SIGINT/SIGTERM. */
export async function runForeground(overrides: Partial<Config> = {}): Promise<void> {
  const config = loadConfig(process.env, overrides);
  const server = await startServer(config, { logger: { level: config.logLevel } });
  console.log(banner(server));
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runForeground().catch((err: unknown) => {
    console.error(`Error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
