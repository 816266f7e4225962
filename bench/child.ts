/**
 * Servers under test run in child processes, apart from the load generator: the baseline and
 * Cohort alike, started the same way (plain node on the transpiled build, see build.ts), so a
 * ratio compares servers and not process setups. A child reports `{type: "ready", url}` over IPC
 * when it listens.
 */
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export interface ServerChild {
  readonly url: string;
  readonly pid: number;
  /** Resident set size now, in bytes. */
  rss(): number;
  /** Peak resident set size since the process started (VmHWM), in bytes. */
  peakRss(): number;
  /** CPU time the process has used so far (user + system), in seconds. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 60_000;

/** Reads a `kB` field of /proc/<pid>/status (Linux, which the bench machines run). */
function procStatus(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  if (!m) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(m[1]) * 1024;
}

/** Set by `--profile DIR`: every child writes a V8 CPU profile there when it exits. */
let profileDir: string | undefined;
export function profileChildrenInto(dir: string | undefined): void {
  profileDir = dir;
}

/** Starts the built JavaScript file `path` with only the given COHORT_* settings. */
/** Clock ticks per second of /proc/<pid>/stat times: 100 on every Linux that the bench runs on. */
const CLOCK_TICKS = 100;

function procCpuSeconds(pid: number): number {
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

export function startChild(path: string, env: Record<string, string> = {}): Promise<ServerChild> {
  const script = basename(path);
  // Only the settings given, never the developer's own COHORT_* environment.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("COHORT_")));
  const child: ChildProcess = fork(path, [], {
    execArgv: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
    env: { ...base, NODE_ENV: "production", ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} did not start within ${STARTUP_TIMEOUT_MS / 1000} s`));
    }, STARTUP_TIMEOUT_MS);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with code ${code} before it was ready`));
    });
    child.on("message", (message: { type?: string; url?: string }) => {
      if (message.type !== "ready" || !message.url) return;
      clearTimeout(timer);
      const pid = child.pid ?? 0;
      resolve({
        url: message.url,
        pid,
        rss: () => procStatus(pid, "VmRSS"),
        peakRss: () => procStatus(pid, "VmHWM"),
        cpuSeconds: () => procCpuSeconds(pid),
        stop: () => stopChild(child),
      });
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // Requests the load generator abandoned when its run ended may still be running: let them end
  // before the server closes its store under them.
  await sleep(500);
  return new Promise((resolve) => {
    // The startup listener would report this exit as a failure to start.
    child.removeAllListeners("exit");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.disconnect();
  });
}
