/**
 * Filters and sorts against single gets, field by field (SPEC §4 rule 10), per list and live actor,
 * driven by the lists' own filter descriptions: a field added to one is checked with no line more.
 *
 * Every field: a filter that matches any value (`contains:` nothing, the earliest time, the least
 * number, each boolean) must list exactly the rows whose single GET shows the actor a value there.
 * A field that a single GET shows as null while its filter still reads the stored value fails
 * here, so a field hidden somewhere cannot go without the rule that hides it (`hiddenBy`).
 *
 * A field that names such a rule is probed further, with the values the store holds, hidden ones
 * included, the way an attacker would guess them: whole, in capitals, by its first character, its
 * first half, a middle and an end, alone and or-ed with a filter on a visible field. Each must list
 * exactly the rows whose single GET shows a matching value, and count them in `total`. A sort must
 * order the rows by the values those GETs show: nulls (hidden ones among them) first going up,
 * last going down, ties by id.
 */
import { sql, type Kysely } from "kysely";
import type { FieldKind, FieldSpec, FilterSpec } from "../../src/server/store/list-query.js";
import type { Database } from "../../src/server/store/schema.js";
import type { Api, Body } from "../helpers/http.js";

export interface FieldFilterCheck {
  api: Api;
  path: string;
  fields: FilterSpec;
  /** What the actor's single GETs show, by id: every row of the list the actor may read. */
  shown: ReadonlyMap<string, Body>;
  db: Kysely<Database>;
  fail(message: string): void;
  /** Counts the requests made. */
  count(): void;
}

type Shown = Map<string, unknown>;

/** Fields a single GET shows otherwise than their name says. */
const READ_AS: Record<string, (body: Body) => unknown> = {
  // A stack holds components, nested by type; the filter finds the stacks holding one.
  component_id: (body) => (Object.values(body.components ?? {}) as { id: string }[][]).flat()[0]?.id ?? null,
};

/**
 * The value a single GET shows for a list field: the wire field of that name, or for `<x>_id` the
 * id of the nested `<x>` (a run's `stack_id` is its `stack.id`); undefined when it has neither.
 */
function shownValue(body: Body, field: string): unknown {
  if (Object.hasOwn(READ_AS, field)) return READ_AS[field]!(body);
  if (Object.hasOwn(body, field)) return body[field] ?? null;
  const nested = field.endsWith("_id") ? field.slice(0, -3) : undefined;
  if (nested && Object.hasOwn(body, nested)) return body[nested]?.id ?? null;
  return undefined;
}

/** Filters that match any value of a kind; for booleans, each value. */
const ANY_VALUE: Record<FieldKind, string[]> = {
  string: ["contains:"],
  uuid: ["contains:"],
  datetime: ["gte:0001-01-01 00:00:00"],
  int: [`gte:${-(2 ** 31)}`],
  bool: ["equals:true", "equals:false"],
};

/** The filter semantics of SPEC §6 "Lists" for the probes here: text and ids ignore case, null matches nothing. */
function matches(value: unknown, probe: string): boolean {
  if (value === null || value === undefined) return false;
  const colon = probe.indexOf(":");
  const op = colon > 0 ? probe.slice(0, colon) : "equals";
  const wanted = (colon > 0 ? probe.slice(colon + 1) : probe).toLowerCase();
  if (typeof value === "boolean") return String(value) === wanted;
  if (op === "gte") return true;
  const text = String(value).toLowerCase();
  if (op === "contains") return text.includes(wanted);
  if (op === "startswith") return text.startsWith(wanted);
  if (op === "endswith") return text.endsWith(wanted);
  return text === wanted;
}

function guesses(value: string): string[] {
  const half = Math.ceil(value.length / 2);
  return [
    `equals:${value}`,
    value.toUpperCase(),
    `startswith:${value.slice(0, 1)}`,
    `startswith:${value.slice(0, half)}`,
    `contains:${value.slice(1, -1)}`,
    `endswith:${value.slice(-3)}`,
  ];
}

const tableOf = (spec: FieldSpec) => spec.column.split(".")[0]!;

/** Every value the store holds in the field's column, whoever may read it. */
async function storedValues(db: Kysely<Database>, spec: FieldSpec): Promise<string[]> {
  const query = sql<{ value: string | null }>`select distinct ${sql.ref(spec.column)} as value from ${sql.table(tableOf(spec))}`;
  const { rows } = await query.execute(db);
  return rows.flatMap((r) => (r.value === null ? [] : [String(r.value)])).sort();
}

/** `ids` in the store's order of `key`, then id, in `direction`. */
async function storeOrder(db: Kysely<Database>, spec: FieldSpec, key: string, ids: string[], direction: "asc" | "desc"): Promise<string[]> {
  if (ids.length === 0) return [];
  const table = tableOf(spec);
  const id = sql.ref(`${table}.id`);
  const dir = sql.raw(direction);
  const { rows } = await sql<{ id: string }>`select ${id} as id from ${sql.table(table)} where ${id} in (${sql.join(ids)})
    order by ${sql.ref(key)} ${dir}, ${id} ${dir}`.execute(db);
  return rows.map((r) => r.id);
}

async function listed(check: FieldFilterCheck, query: Record<string, string>): Promise<{ ids: string[]; total: number } | undefined> {
  check.count();
  const reply = await check.api.get(check.path, { ...query, size: "10000" });
  if (reply.status !== 200) {
    check.fail(`${JSON.stringify(query)} answered ${reply.status} ${JSON.stringify(reply.body)}`);
    return undefined;
  }
  return { ids: (reply.body.items as { id: string }[]).map((i) => i.id), total: reply.body.total as number };
}

/** Runs `query` and compares its rows with those whose shown value matches (or whose id is `orId`). */
async function compare(check: FieldFilterCheck, field: string, values: Shown, query: Record<string, string>, orId?: string): Promise<void> {
  const probe = query[field]!;
  const expected = [...values].filter(([id, shown]) => matches(shown, probe) || id === orId).map(([id]) => id);
  const answer = await listed(check, query);
  if (!answer) return;
  const what = JSON.stringify(query);
  const extra = answer.ids.filter((id) => !expected.includes(id));
  const missing = expected.filter((id) => !answer.ids.includes(id));
  if (extra.length > 0) check.fail(`${what} lists ${extra.join(", ")}, whose single GET shows no match`);
  if (missing.length > 0) check.fail(`${what} hides ${missing.join(", ")}, whose single GET shows a match`);
  if (answer.total !== expected.length) check.fail(`${what}: total is ${answer.total}, single gets show ${expected.length}`);
}

/** Guesses at the values a rule hides, each once; or-ed with the id of a row the actor reads. */
async function checkGuesses(check: FieldFilterCheck, field: string, spec: FieldSpec, values: Shown): Promise<void> {
  const anyId = check.fields.id ? [...values.keys()][0] : undefined;
  const queries = new Map<string, Record<string, string>>();
  const add = (query: Record<string, string>) => queries.set(JSON.stringify(query), query);
  for (const value of await storedValues(check.db, spec)) {
    for (const guess of guesses(value)) add({ [field]: guess });
    if (anyId) add({ logical_operator: "or", [field]: `equals:${value}`, id: `equals:${anyId}` });
  }
  for (const query of queries.values()) await compare(check, field, values, query, query.id === undefined ? undefined : anyId);
}

async function checkSorts(check: FieldFilterCheck, field: string, spec: FieldSpec, values: Shown): Promise<void> {
  const ids = [...values.keys()];
  const nulls = ids.filter((id) => values.get(id) === null);
  const set = ids.filter((id) => values.get(id) !== null);
  for (const direction of ["asc", "desc"] as const) {
    const byValue = await storeOrder(check.db, spec, spec.sortKey ?? spec.column, set, direction);
    const byId = await storeOrder(check.db, spec, `${tableOf(spec)}.id`, nulls, direction);
    const expected = direction === "asc" ? [...byId, ...byValue] : [...byValue, ...byId];
    const answer = await listed(check, { sort_by: `${direction}:${field}` });
    if (answer && answer.ids.join() !== expected.join()) {
      check.fail(`sort_by=${direction}:${field} orders ${answer.ids.join(", ")}; the values single gets show order ${expected.join(", ")}`);
    }
  }
}

export async function checkFieldFilters(check: FieldFilterCheck): Promise<void> {
  for (const [field, spec] of Object.entries(check.fields)) {
    const values: Shown = new Map();
    for (const [id, body] of check.shown) values.set(id, shownValue(body, field));
    const unread = [...values].find(([, value]) => value === undefined);
    if (unread) {
      check.fail(`the single GET of ${unread[0]} shows no ${field}: say how to read it in READ_AS (field-filter-check.ts)`);
      continue;
    }
    for (const probe of ANY_VALUE[spec.kind]) await compare(check, field, values, { [field]: probe });
    if (!spec.hiddenBy) continue;
    if (spec.kind !== "string" && spec.kind !== "uuid") {
      check.fail(`${field} is hidden by rule '${spec.hiddenBy}', but field-filter-check.ts has no guesses for ${spec.kind} fields`);
      continue;
    }
    await checkGuesses(check, field, spec, values);
    await checkSorts(check, field, spec, values);
  }
}
