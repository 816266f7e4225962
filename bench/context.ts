/** What every scenario gets from bench/run.ts, and the shape of a scenario. */
import type { Build } from "./build.js";
import type { LoadResult, LoadSettings } from "./load.js";
import type { Check, ScenarioResult } from "./report.js";

export interface BenchContext {
  build: Build;
  settings: LoadSettings;
  /** Progress on stderr, so the tables on stdout stay clean. */
  log(message: string): void;
}

export interface Scenario {
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<ScenarioResult>;
}

/**
 * A run that got errors or non-2xx answers measured something else than it claims (a 401 is
 * cheaper than a real answer): it fails its scenario.
 */
export function cleanRuns(runs: Record<string, LoadResult>): Check[] {
  return Object.entries(runs)
    .filter(([, r]) => r.non2xx + r.errors > 0)
    .map(([label, r]) => ({
      what: `${label}: every answer 2xx`,
      value: `${r.non2xx} non-2xx, ${r.errors} errors`,
      target: "0",
      pass: false,
    }));
}
