/** What a scenario found, and how it is shown: a console table and the Results of docs/performance.md. */
import type { LoadResult } from "./load.js";

export interface Measurement {
  label: string;
  result: LoadResult;
}

export interface Check {
  what: string;
  value: string;
  target: string;
  pass: boolean;
}

export interface ScenarioResult {
  name: string;
  title: string;
  measurements: Measurement[];
  checks: Check[];
  notes: string[];
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const pct = (ratio: number) => `${(ratio * 100).toFixed(0)}%`;
const int = (n: number) => Math.round(n).toLocaleString("en-US");

function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  // The separator as prettier writes it, so the generated document passes `prettier --check`.
  const rule = widths.map((w, i) => (i === 0 ? `:${"-".repeat(w - 1)}` : `${"-".repeat(w - 1)}:`));
  return [line(head), line(rule), ...rows.map(line)];
}

/** A scenario as Markdown tables; the same text is printed to the console. */
export function renderScenario(s: ScenarioResult): string {
  const lines = [`### ${s.name}: ${s.title}`, ""];
  if (s.measurements.length > 0) {
    const rows = s.measurements.map(({ label, result: r }) => [
      label,
      int(r.rps),
      String(r.p50),
      String(r.p99),
      String(r.max),
      r.cpuPerRequestUs === undefined ? "" : int(r.cpuPerRequestUs),
      String(r.non2xx + r.errors),
    ]);
    lines.push(...table(["load", "req/s", "p50 ms", "p99 ms", "max ms", "server CPU µs/req", "non-2xx/errors"], rows), "");
  }
  if (s.checks.length > 0) {
    const rows = s.checks.map((c) => [c.what, c.value, c.target, c.pass ? "pass" : "**FAIL**"]);
    lines.push(...table(["check", "measured", "target", ""], rows), "");
  }
  for (const note of s.notes) lines.push(`- ${note}`);
  if (s.notes.length > 0) lines.push("");
  return lines.join("\n");
}
