/**
 * The background server of `cohort up`: `cohort server start` in a detached child process on the
 * local store, its output in a log file and its pid in a record file, both in the config directory.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { CliError } from "./errors.js";
import { httpTransport } from "./transport-http.js";

export interface ServerRecord {
  pid: number;
  url: string;
  log: string;
  started: string;
}

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
/** The line `banner()` prints once the server listens; with `--port 0` it is how the port is learnt. */
const BANNER = /^Cohort is running at (\S+)/m;

const recordPath = (dir: string) => join(dir, "local-server.json");

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether the pid is a running `cohort server start`. A pid is reused once its process is gone,
 * and `down` must never signal someone else's process; a zombie's command line is empty. Without
 * /proc (macOS), the record is trusted.
 */
function isRunning(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("server\0start");
  } catch {
    return !existsSync("/proc/self");
  }
}

/** The running server `cohort up` started, if any (a record whose process is gone is dropped). */
export function readServerRecord(dir: string): ServerRecord | undefined {
  let record: ServerRecord;
  try {
    record = JSON.parse(readFileSync(recordPath(dir), "utf8")) as ServerRecord;
  } catch {
    return undefined;
  }
  if (typeof record.pid !== "number" || typeof record.url !== "string" || !isRunning(record.pid)) {
    rmSync(recordPath(dir), { force: true });
    return undefined;
  }
  return record;
}

export async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await (await httpTransport(url, undefined, 2000)).send({ method: "GET", url: "/health", headers: {} });
    return response.status === 200;
  } catch {
    return false;
  }
}

/** The last error the server logged, for a one-line message. */
function lastError(log: string): string {
  const lines = readFileSync(log, "utf8")
    .split("\n")
    .filter((l) => l.trim());
  const error = lines.reverse().find((l) => l.startsWith("Error:"));
  return (error ?? lines[0] ?? "no output").replace(/^Error:\s*/, "");
}

export async function startServer(dir: string, port: number, env: NodeJS.ProcessEnv): Promise<ServerRecord> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const log = join(dir, "local-server.log");
  const fd = openSync(log, "w", 0o600);
  // The same CLI entry point and loader flags (tsx in development) that run this process.
  const entry = process.argv[1] ?? "";
  const args = [...process.execArgv, entry, "server", "start", "--host", "127.0.0.1", "--port", String(port)];
  const child = spawn(process.execPath, args, { detached: true, stdio: ["ignore", fd, fd], env });
  closeSync(fd);
  let exited = false;
  child.once("exit", () => (exited = true));
  const deadline = Date.now() + START_TIMEOUT_MS;
  try {
    for (;;) {
      if (exited) throw new CliError(`The local server did not start: ${lastError(log)} (log: ${log})`);
      const url = BANNER.exec(readFileSync(log, "utf8"))?.[1];
      if (url && (await isHealthy(url))) {
        const record: ServerRecord = { pid: child.pid ?? 0, url, log, started: new Date().toISOString() };
        writeFileSync(recordPath(dir), JSON.stringify(record, null, 2) + "\n", { mode: 0o600 });
        return record;
      }
      if (Date.now() > deadline) {
        child.kill("SIGTERM");
        throw new CliError(`The local server did not answer within ${START_TIMEOUT_MS / 1000} s (log: ${log}).`);
      }
      await sleep(100);
    }
  } finally {
    child.unref();
  }
}

/** Stops the server (SIGTERM, then SIGKILL if it hangs) and forgets it. */
export async function stopServer(dir: string, record: ServerRecord): Promise<void> {
  if (isRunning(record.pid)) {
    process.kill(record.pid, "SIGTERM");
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while (isRunning(record.pid) && Date.now() < deadline) await sleep(50);
    if (isRunning(record.pid)) process.kill(record.pid, "SIGKILL");
  }
  rmSync(recordPath(dir), { force: true });
}
