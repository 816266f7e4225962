/**
 * Queries built and compiled once, then run with new values: for the few queries every request
 * makes (the session check), where building and compiling the Kysely query cost more than running
 * it. The query is built with stand-in strings for its arguments; each stand-in must come out of
 * the compiler as a parameter of its own, which is checked on the first compile, so a value can
 * never end up spliced into the SQL text. Compiled once per dialect (a store's transactions share
 * its adapter), as each dialect writes its own SQL.
 */
import { randomUUID } from "node:crypto";
import type { Compilable, CompiledQuery, Kysely } from "kysely";
import type { Database } from "./schema.js";

type Q = Kysely<Database>;
type Args = Record<string, string>;

/** Stand-ins carry a random nonce, so no real value can ever be mistaken for one. */
const PREFIX = `cohort-prepared-${randomUUID()}:`;
const standIns = new Proxy({} as Args, { get: (_, name) => PREFIX + String(name) });

interface Template {
  compiled: CompiledQuery;
  /** For each parameter, the argument that fills it, or undefined for a constant of the query. */
  slots: (string | undefined)[];
}

function compile<A extends Args>(q: Q, build: (q: Q, args: A) => Compilable<unknown>): Template {
  const compiled = build(q, standIns as A).compile();
  const slots = compiled.parameters.map((p) => (typeof p === "string" && p.startsWith(PREFIX) ? p.slice(PREFIX.length) : undefined));
  const leaked = (v: unknown) => typeof v === "string" && v.includes(PREFIX);
  if (leaked(compiled.sql) || compiled.parameters.some((p, i) => slots[i] === undefined && leaked(p))) {
    throw new Error(`a prepared query's argument did not become a parameter of its own: ${compiled.sql}`);
  }
  return { compiled, slots };
}

/** A query compiled on first use; call it with the store (or a transaction) and the arguments. */
export function prepared<A extends Args, R>(build: (q: Q, args: A) => Compilable<R>): (q: Q, args: A) => Promise<R[]> {
  const templates = new WeakMap<object, Template>();
  return async (q, args) => {
    const adapter = q.getExecutor().adapter;
    let template = templates.get(adapter);
    if (!template) templates.set(adapter, (template = compile(q, build)));
    const { compiled, slots } = template;
    const parameters = slots.map((name, i) => (name === undefined ? compiled.parameters[i] : args[name]));
    const result = await q.executeQuery<R>({ ...compiled, parameters });
    return result.rows;
  };
}
