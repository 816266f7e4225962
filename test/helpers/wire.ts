/**
 * ZenML 0.40.3 wire samples (test/fixtures/zenml-0.40.3-wire) and the comparison the API tests
 * make with them: which keys, in which order, at every level. Values differ from run to run.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { Body } from "./http.js";

const DIR = new URL("../fixtures/zenml-0.40.3-wire/", import.meta.url);

export interface WireSample {
  request: { method: string; path: string; query: Record<string, string>; headers: Record<string, string>; body: Body };
  response: { status: number; headers: Record<string, string>; body: Body };
}

/** The sample numbered `n` (e.g. 10 for `010-get-current-user-ok.json`). */
export function wireSample(n: number): WireSample {
  const prefix = String(n).padStart(3, "0") + "-";
  const file = readdirSync(DIR).find((f) => f.startsWith(prefix) && f.endsWith(".json"));
  if (!file) throw new Error(`no wire sample ${prefix}* in ${DIR.pathname}`);
  return JSON.parse(readFileSync(new URL(file, DIR), "utf8")) as WireSample;
}

/**
 * The keys of a JSON value, in order, recursively: an object becomes `[key, shape][]`, an array
 * the shape of its first element (`[]` when empty), anything else `null`. Two values with equal
 * shapes have the same fields in the same order at every level.
 */
export function keyShape(value: Body): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [keyShape(value[0])];
  if (value !== null && typeof value === "object") return withoutExtensions(Object.entries(value)).map(([k, v]) => [k, keyShape(v)]);
  return null;
}

/**
 * Cohort's documented additions after ZenML's fields (ZenML's clients accept extra fields): a
 * user's `status`, which only the dashboard reads. Dropped only when it is the last key of a user,
 * so a misplaced or unexpected field still fails the comparison.
 */
function withoutExtensions(entries: [string, Body][]): [string, Body][] {
  const isUser = entries.some(([k]) => k === "activation_token");
  return isUser && entries.at(-1)?.[0] === "status" ? entries.slice(0, -1) : entries;
}
