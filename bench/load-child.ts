/**
 * The load generator's own process. autocannon measures latency in the process that runs it, so a
 * garbage collection there counts as server latency: in the bench process, which also holds the
 * TypeScript compiler (build.ts), that put the baseline's own p99 above SPEC §11's 10 ms. Here
 * autocannon has a small heap to itself. It runs one job (loads side by side for one duration),
 * reports, and exits.
 */
import autocannon from "autocannon";
import type { LoadJob, RawLoadResult } from "./load.js";

function summary(result: autocannon.Result): RawLoadResult {
  return {
    total: result.requests.total,
    duration: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

process.once("message", (job: LoadJob) => {
  const runs = job.loads.map(({ target, connections }) =>
    autocannon({
      url: target.url,
      method: target.method ?? "GET",
      headers: target.headers,
      body: target.body,
      connections,
      duration: job.duration,
    }),
  );
  void Promise.all(runs).then((results) => process.send?.(results.map(summary), () => process.exit(0)));
});
process.send?.("ready");
