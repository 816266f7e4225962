/**
 * Queries built and compiled once, then run with new values: for the queries every request makes
 * (the session check, the caller's own row, a page's teams and roles), where building and
 * compiling the Kysely query cost more than running it. The query is built with stand-in strings
 * for its arguments; each stand-in must come out of the compiler as a parameter of its own, which
 * is checked on every compile, so a value can never end up spliced into the SQL text.
 *
 * An argument may be a list (for `in (…)`): the SQL then depends on its length, so a query keeps
 * one compiled form per length seen, a bounded number. Each dialect writes its own SQL, so the
 * forms are kept per dialect adapter (a store's transactions share its adapter).
 */
import { randomUUID } from "node:crypto";
import type { Compilable, CompiledQuery, Kysely } from "kysely";
import type { Database } from "./schema.js";
import { readDirectly } from "./sqlite-statements.js";

type Q = Kysely<Database>;
type Args = Record<string, string | readonly string[]>;

/** Compiled forms kept per query and dialect; a page size seen once more than this is recompiled. */
const SHAPES = 64;

/** Stand-ins carry a random nonce, so no real value can ever be mistaken for one. */
const PREFIX = `cohort-prepared-${randomUUID()}:`;

interface Template {
  compiled: CompiledQuery;
  /** For each parameter, the argument (and list index) that fills it, or undefined for a constant of the query. */
  slots: ({ name: string; index: number | undefined } | undefined)[];
  /** No parameter comes from an argument: the query runs as compiled. */
  fixed: boolean;
}

function standIns<A extends Args>(args: A): A {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(args)) {
    out[name] = typeof value === "string" ? PREFIX + name : value.map((_, i) => `${PREFIX}${name}#${i}`);
  }
  return out as A;
}

function compile<A extends Args>(q: Q, build: (q: Q, args: A) => Compilable<unknown>, args: A): Template {
  const compiled = build(q, standIns(args)).compile();
  const slots = compiled.parameters.map((p) => {
    if (typeof p !== "string" || !p.startsWith(PREFIX)) return undefined;
    const [name = "", index] = p.slice(PREFIX.length).split("#");
    return { name, index: index === undefined ? undefined : Number(index) };
  });
  const leaked = (v: unknown) => typeof v === "string" && v.includes(PREFIX);
  if (leaked(compiled.sql) || compiled.parameters.some((p, i) => slots[i] === undefined && leaked(p))) {
    throw new Error(`a prepared query's argument did not become a parameter of its own: ${compiled.sql}`);
  }
  return { compiled, slots, fixed: slots.every((slot) => slot === undefined) };
}

/** The lengths of the list arguments: what the SQL text depends on. */
function shapeOf(args: Args): string {
  let shape = "";
  for (const name in args) {
    const value = args[name];
    if (typeof value !== "string") shape += `${name}:${value?.length};`;
  }
  return shape;
}

/** A query compiled on first use; call it with the store (or a transaction) and the arguments. */
export interface Prepared<A extends Args, R> {
  (q: Q, args: A): Promise<R[]>;
  /** The query as `q`'s dialect compiles it, with these arguments: for running it another way. */
  compiled(q: Q, args: A): CompiledQuery;
}

export function prepared<A extends Args, R>(build: (q: Q, args: A) => Compilable<R>): Prepared<A, R> {
  const byAdapter = new WeakMap<object, Map<string, Template>>();
  const compiledFor = (q: Q, args: A): CompiledQuery => {
    const adapter = q.getExecutor().adapter;
    let templates = byAdapter.get(adapter);
    if (!templates) byAdapter.set(adapter, (templates = new Map()));
    const shape = shapeOf(args);
    let template = templates.get(shape);
    if (!template) {
      template = compile(q, build, args);
      templates.set(shape, template);
      if (templates.size > SHAPES) templates.delete(templates.keys().next().value as string);
    }
    const { compiled, slots, fixed } = template;
    if (fixed) return compiled;
    const parameters = slots.map((slot, i) => {
      if (slot === undefined) return compiled.parameters[i];
      const value = args[slot.name];
      return slot.index === undefined ? value : value?.[slot.index];
    });
    return { ...compiled, parameters };
  };
  const run = async (q: Q, args: A) => {
    const query = compiledFor(q, args);
    const rows = readDirectly(q, query);
    return rows ? (rows as R[]) : (await q.executeQuery<R>(query)).rows;
  };
  return Object.assign(run, { compiled: compiledFor });
}
