/**
 * `npm run bench [-- scenario… ] [--duration S] [--warmup S] [--connections N] [--no-write] [--profile DIR]`
 *
 * Runs the SPEC §11 benchmarks (all of them by default), prints a table per scenario and, after a
 * full run, rewrites the "Results" section of docs/performance.md: ratios are only meaningful
 * within one run, so the document always holds one whole run. The servers run in child processes
 * built from the current sources; the load generator runs in a child of its own (load-child.ts).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildServer, REPO } from "./build.js";
import { profileChildrenInto } from "./child.js";
import type { Scenario } from "./context.js";
import { DEFAULT_SETTINGS, type LoadSettings } from "./load.js";
import { renderScenario, type ScenarioResult } from "./report.js";
import { cli } from "./scenarios/cli.js";
import { currentUser } from "./scenarios/current-user.js";
import { loginLoad } from "./scenarios/login-load.js";
import { memory } from "./scenarios/memory.js";
import { usersList } from "./scenarios/users-list.js";

const SCENARIOS: Scenario[] = [currentUser, usersList, loginLoad, memory, cli];
const DOC = join(REPO, "docs", "performance.md");
const RESULTS_HEADING = "## Results";

function parse(): { chosen: Scenario[]; settings: LoadSettings; write: boolean; profile: string | undefined } {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      duration: { type: "string" },
      warmup: { type: "string" },
      connections: { type: "string" },
      "no-write": { type: "boolean" },
      profile: { type: "string" },
    },
  });
  const number = (name: string, raw: string | undefined, fallback: number) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number`);
    return n;
  };
  const unknown = positionals.filter((p) => !SCENARIOS.some((s) => s.name === p));
  if (unknown.length > 0) throw new Error(`Unknown scenario ${unknown.join(", ")}: choose from ${SCENARIOS.map((s) => s.name).join(", ")}`);
  const chosen = positionals.length === 0 ? SCENARIOS : SCENARIOS.filter((s) => positionals.includes(s.name));
  const settings = {
    duration: number("duration", values.duration, DEFAULT_SETTINGS.duration),
    warmup: number("warmup", values.warmup, DEFAULT_SETTINGS.warmup),
    connections: number("connections", values.connections, DEFAULT_SETTINGS.connections),
  };
  return { chosen, settings, write: !values["no-write"], profile: values.profile };
}

function machine(settings: LoadSettings): string[] {
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  let nproc = String(cpus().length);
  try {
    nproc = execFileSync("nproc", { encoding: "utf8" }).trim();
  } catch {
    // nproc is missing outside Linux; the CPU count above stands in for it.
  }
  return [
    `- Date: ${new Date().toISOString()}`,
    `- Machine: \`nproc\` = ${nproc} (${cpu}); Node ${process.version}; ${process.platform}/${process.arch}`,
    `- Load: autocannon in a process of its own, each server in another; ${settings.connections} connections, ` +
      `${settings.warmup} s warm-up then ${settings.duration} s measured per run`,
  ];
}

function writeDoc(header: string[], sections: string[]): void {
  const results = [RESULTS_HEADING, "", ...header, "", ...sections].join("\n").trimEnd() + "\n";
  const current = existsSync(DOC) ? readFileSync(DOC, "utf8") : "# Performance\n\n";
  const at = current.indexOf(`\n${RESULTS_HEADING}\n`);
  const intro = at >= 0 ? current.slice(0, at + 1) : current.trimEnd() + "\n\n";
  writeFileSync(DOC, intro + results);
}

async function main(): Promise<void> {
  const { chosen, settings, write, profile } = parse();
  // Profiled servers run slower: their figures are for finding hot spots, not for the document.
  profileChildrenInto(profile);
  const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
  log("transpiling the server");
  const build = buildServer();
  const results: ScenarioResult[] = [];
  try {
    for (const scenario of chosen) results.push(await scenario.run({ build, settings, log }));
  } finally {
    build.remove();
  }
  const header = machine(settings);
  const sections = results.map(renderScenario);
  console.log(["", ...header, "", ...sections].join("\n"));
  const failed = results.flatMap((r) => r.checks.filter((c) => !c.pass).map((c) => `${r.name}: ${c.what}`));
  if (write && !profile && chosen.length === SCENARIOS.length) {
    writeDoc(header, sections);
    log(`results written to ${DOC}`);
  } else if (write) {
    log("a partial run: docs/performance.md left as it is (it holds whole runs only)");
  }
  if (failed.length > 0) {
    log(`below target: ${failed.join("; ")}`);
    process.exitCode = 1;
  }
}

await main();
