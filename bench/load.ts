/**
 * The load generator: autocannon, in this process (the servers run in children). Every
 * measurement is a warm-up run, whose figures are thrown away, then the measured run with the
 * same settings.
 */
import autocannon from "autocannon";

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

function once(target: Target, connections: number, duration: number): Promise<autocannon.Result> {
  return autocannon({
    url: target.url,
    method: target.method ?? "GET",
    headers: target.headers,
    body: target.body,
    connections,
    duration,
  });
}

function summarize(result: autocannon.Result, cpuSeconds?: number): LoadResult {
  return {
    cpuPerRequestUs: cpuSeconds === undefined || result.requests.total === 0 ? undefined : (cpuSeconds * 1e6) / result.requests.total,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Warms up, then measures one target (and the CPU time `server` spends on it, if given). */
export async function measure(target: Target, settings: LoadSettings, server?: Measured): Promise<LoadResult> {
  if (settings.warmup > 0) await once(target, settings.connections, settings.warmup);
  const cpuBefore = server?.cpuSeconds();
  const result = await once(target, settings.connections, settings.duration);
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
  if (settings.warmup > 0) await Promise.all(loads.map((l) => once(l.target, l.connections, settings.warmup)));
  const results = await Promise.all(loads.map((l) => once(l.target, l.connections, settings.duration)));
  return results.map((r) => summarize(r));
}
