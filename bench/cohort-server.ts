/**
 * A Cohort server under test, in a process of its own: the production `startServer` with the
 * logger `npm start` uses, configured by the COHORT_* variables bench/cohort.ts passes (store URL,
 * admin password, log level). It reports its URL over IPC and stops when the parent disconnects.
 */
import { loadConfig } from "../src/server/config.js";
import { startServer } from "../src/server/main.js";

const config = loadConfig(process.env, { host: "127.0.0.1", port: 0 });
const server = await startServer(config, { logger: { level: config.logLevel } });
process.send?.({ type: "ready", url: server.url });

process.on("disconnect", () => {
  void server.close().then(() => process.exit(0));
});
