/**
 * The load generator: autocannon, in a child process of its own (load-child.ts; the servers run in
 * children too). Every measurement is a warm-up run, whose figures are thrown away, then the
 * measured run with the same settings.
 */
import { fork } from "node:child_process";

export interface LoadSettings {
  connections: number;
  /** Seconds of the measured run. */
  duration: number;
  /** Seconds of the warm-up run before it (0: none). */
  warmup: number;
}

export const DEFAULT_SETTINGS: LoadSettings = { connections: 50, duration: 10, warmup: 3 };

export interface Target {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  /** Answered requests per second over the measured run, whatever their status. */
  rps: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p99: number;
  max: number;
  requests: number;
  /** Answers outside 2xx, and connection errors or timeouts: any of them spoils the figure. */
  non2xx: number;
  errors: number;
  /**
   * Server CPU time per answered request, in microseconds, when the server was given. Unlike
   * req/s it hardly depends on what else the machine is doing, so it shows a change in the
   * server's own cost even on a busy machine.
   */
  cpuPerRequestUs?: number;
}

/** A server whose CPU time can be read (see child.ts). */
export interface Measured {
  cpuSeconds(): number;
}

/** What load-child.ts is asked to run: loads side by side, for one duration. */
export interface LoadJob {
  loads: { target: Target; connections: number }[];
  duration: number;
}

/** What load-child.ts reports of each load. */
export interface RawLoadResult {
  total: number;
  duration: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
}

const LOAD_CHILD = new URL("./load-child.ts", import.meta.url);

/**
 * Runs one job in a fresh load process. `started` runs once that process is up, just before the
 * load begins (to read the server's CPU time then).
 */
function run(job: LoadJob, started?: () => void): Promise<RawLoadResult[]> {
  const child = fork(LOAD_CHILD, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the load process exited with code ${code} before reporting`)));
    child.on("message", (message: "ready" | RawLoadResult[]) => {
      if (message === "ready") {
        started?.();
        child.send(job);
      } else {
        child.removeAllListeners("exit");
        resolve(message);
      }
    });
  });
}

async function once(target: Target, connections: number, duration: number, started?: () => void): Promise<RawLoadResult> {
  const [result] = await run({ loads: [{ target, connections }], duration }, started);
  if (!result) throw new Error("the load process reported nothing");
  return result;
}

function summarize(result: RawLoadResult, cpuSeconds?: number): LoadResult {
  return {
    cpuPerRequestUs: cpuSeconds === undefined || result.total === 0 ? undefined : (cpuSeconds * 1e6) / result.total,
    rps: result.total / result.duration,
    p50: result.p50,
    p99: result.p99,
    max: result.max,
    requests: result.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Warms up, then measures one target (and the CPU time `server` spends on it, if given). */
export async function measure(target: Target, settings: LoadSettings, server?: Measured): Promise<LoadResult> {
  if (settings.warmup > 0) await once(target, settings.connections, settings.warmup);
  let cpuBefore: number | undefined;
  const result = await once(target, settings.connections, settings.duration, () => (cpuBefore = server?.cpuSeconds()));
  return summarize(result, server && cpuBefore !== undefined ? server.cpuSeconds() - cpuBefore : undefined);
}

/**
 * Runs several loads at once for the same duration (e.g. logins beside ordinary requests), after
 * a common warm-up, and measures each.
 */
export async function measureTogether(
  loads: readonly { target: Target; connections: number }[],
  settings: Omit<LoadSettings, "connections">,
): Promise<LoadResult[]> {
  if (settings.warmup > 0) await run({ loads: [...loads], duration: settings.warmup });
  const results = await run({ loads: [...loads], duration: settings.duration });
  return results.map((r) => summarize(r));
}
