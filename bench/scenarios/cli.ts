/**
 * SPEC §11: a CLI command against a local server finishes in ≤ 300 ms wall time. `cohort user
 * list` runs connected to a Cohort server on this machine (COHORT_URL and COHORT_TOKEN, as a
 * script would), each run a fresh process as a user would start it, in turns with `node -e ""`:
 * the cost of starting Node at all, measured in the same run, so a slow machine shows as such.
 * The check takes the median run; the p95 is reported beside it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startCohort } from "../cohort.js";
import type { Scenario } from "../context.js";
import { createStore } from "../stores.js";

const RUNS = 20;
const TARGET_MS = 300;

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const quantile = (values: number[], q: number) => sorted(values)[Math.min(values.length - 1, Math.floor(values.length * q))] ?? NaN;
const ms = (value: number) => `${Math.round(value)} ms`;

/** Wall time of one process run to its end, in ms; throws when it fails. */
function timed(args: string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { env, encoding: "utf8" });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${result.status}: ${result.stderr.trim()}`);
  return elapsed;
}

export const cli: Scenario = {
  name: "cli",
  title: "`cohort user list` against a local server vs starting Node",
  async run({ build, log }) {
    const store = await createStore("sqlite");
    // A config directory of its own, so the developer's saved connection plays no part.
    const configDir = mkdtempSync(join(tmpdir(), "cohort-bench-cli-"));
    try {
      const server = await startCohort(build, store);
      try {
        const env = {
          ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("COHORT_"))),
          COHORT_CONFIG_DIR: configDir,
          COHORT_URL: server.url,
          COHORT_TOKEN: await server.login(),
        };
        const command = [build.file("src/cli/main.ts"), "user", "list"];
        // One untimed run of each first: the files are read from disk once.
        timed(command, env);
        timed(["-e", ""], env);
        const cohort: number[] = [];
        const node: number[] = [];
        log(`cli: ${RUNS} runs of \`cohort user list\` and of \`node -e ""\`, in turns`);
        for (let i = 0; i < RUNS; i++) {
          cohort.push(timed(command, env));
          node.push(timed(["-e", ""], env));
        }
        const median = quantile(cohort, 0.5);
        return {
          name: this.name,
          title: this.title,
          measurements: [],
          checks: [
            {
              what: `\`cohort user list\` wall time (median of ${RUNS} runs)`,
              value: ms(median),
              target: `≤ ${TARGET_MS} ms`,
              pass: median <= TARGET_MS,
            },
          ],
          notes: [
            `\`cohort user list\` against a Cohort server on this machine: median ${ms(median)}, p95 ${ms(quantile(cohort, 0.95))}.`,
            `\`node -e ""\` in the same run: median ${ms(quantile(node, 0.5))}, p95 ${ms(quantile(node, 0.95))}.`,
          ],
        };
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(configDir, { recursive: true, force: true });
      await store.drop();
    }
  },
};
