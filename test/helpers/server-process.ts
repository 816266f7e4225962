/**
 * A Cohort server in a process of its own, started the way operators start it
 * (`node --import tsx src/server/main.ts` with COHORT_* variables), for the suites that must kill
 * it (`kill -9`) or run two of them side by side on one store. The in-process `startServer` of
 * server.ts cannot be killed without killing the test runner.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { apiClient, expectStatus, type Api, type Reply } from "./http.js";

const ROOT = resolve(import.meta.dirname, "../..");
const MAIN = resolve(ROOT, "src/server/main.ts");
const READY = /Cohort is running at (http:\/\/\S+)/;
// Generous: a loaded CI machine takes several seconds to load the server through tsx.
const START_TIMEOUT_MS = 60_000;

export interface ServerProcessOptions {
  databaseUrl: string;
  dataDir: string;
  /** More COHORT_* settings (the admin password, limits). */
  env?: Record<string, string>;
}

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** Everything the process printed so far, for failure messages. */
  output(): string;
  /** `kill -9`: no shutdown hook runs, in-flight requests die with the process. */
  kill(): Promise<void>;
  /** SIGTERM, the graceful stop; resolves with the exit code. */
  stop(): Promise<number | null>;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((done) => child.once("exit", (code) => done(code)));
}

/**
 * Starts a server on a port the OS picks (COHORT_PORT=0, so two processes never race for one) and
 * resolves once it prints its URL, i.e. after migrating and bootstrapping the store.
 */
export function spawnServer(options: ServerProcessOptions): Promise<ServerProcess> {
  // Only our settings: never the developer's own COHORT_* environment.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("COHORT_")));
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
    cwd: ROOT,
    env: {
      ...inherited,
      COHORT_HOST: "127.0.0.1",
      COHORT_PORT: "0",
      COHORT_DATABASE_URL: options.databaseUrl,
      COHORT_DATA_DIR: options.dataDir,
      COHORT_LOG_LEVEL: "warn",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const append = (chunk: Buffer) => (output += chunk.toString());
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const pid = child.pid ?? -1;

  return new Promise((ready, fail) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      fail(new Error(`server did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = () => {
      const url = READY.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.off("exit", onEarlyExit);
      ready({
        url,
        pid,
        output: () => output,
        kill: async () => {
          child.kill("SIGKILL");
          await exited(child);
        },
        stop: async () => {
          child.kill("SIGTERM");
          return exited(child);
        },
      });
    };
    const onEarlyExit = (code: number | null) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code} before it was ready:\n${output}`));
    };
    child.stdout?.on("data", onData);
    child.once("exit", onEarlyExit);
  });
}

/** POST /login at `url` with the form ZenML's clients send; the reply as it came. */
export function attemptLoginAt(url: string, name: string, password: string): Promise<Reply> {
  return apiClient(url).request("POST", "/api/v1/login", { form: { grant_type: "password", username: name, password } });
}

/** Logs in at `url` (expecting success) and returns the access token. */
export async function loginTokenAt(url: string, name: string, password: string): Promise<string> {
  const reply = expectStatus(await attemptLoginAt(url, name, password), 200, `login as ${name} at ${url}`);
  return (reply.body as { access_token: string }).access_token;
}

/** A client for `url` logged in as `name`. */
export async function loginAt(url: string, name: string, password: string): Promise<Api> {
  return apiClient(url, await loginTokenAt(url, name, password));
}
