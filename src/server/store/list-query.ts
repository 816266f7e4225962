/**
 * Lists: filtering, sorting and paging in SQL, the same way for every resource (SPEC §6 "Lists").
 * Each repository describes its filterable fields once; the HTTP layer parses the query string
 * into ListParams against that description (http/list-params.ts), and this module turns them
 * into a WHERE clause, an ORDER BY and a page.
 *
 * Filters and sorts see what the caller sees (SPEC §4 rule 10): a field that a policy rule may
 * show a caller as null in a row they see names that rule (`hiddenBy`); the list is then given the
 * rule's SQL twin, and a filter matches, a sort orders, the field only where the rule holds.
 */
import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from "kysely";
import { BadRequest } from "../errors.js";
import { likePattern } from "./dialect.js";

export type FieldKind = "string" | "uuid" | "datetime" | "bool" | "int";

export const OPERATORS_BY_KIND: Record<FieldKind, readonly FilterOperator[]> = {
  string: ["equals", "contains", "startswith", "endswith"],
  uuid: ["equals", "contains", "startswith", "endswith"],
  datetime: ["equals", "gt", "gte", "lt", "lte"],
  int: ["equals", "gt", "gte", "lt", "lte"],
  bool: ["equals"],
};

export type FilterOperator = "equals" | "contains" | "startswith" | "endswith" | "gt" | "gte" | "lt" | "lte";

export interface FieldSpec {
  kind: FieldKind;
  /** Qualified column, e.g. `users.name`. */
  column: string;
  /**
   * A lower-cased twin to sort by instead (e.g. `users.name_key`), so names sort as people read
   * them ("alice", "Bob", "carol") rather than capitals first, in the same order on every store.
   */
  sortKey?: string;
  /**
   * The rule that may show a caller null in this field of a row they see (e.g. `email`: the user
   * themself and holders of `write` read it, policy/users.ts); without one, whoever sees the row
   * reads the field. The access matrix checks every field's filters against single gets, so a
   * field that is hidden somewhere but names no rule fails it (test/access/field-filter-check.ts).
   */
  hiddenBy?: string;
}

export type FilterSpec = Readonly<Record<string, FieldSpec>>;

// Kysely's builders are typed per table; filters address columns by name from the spec, so the
// expression builder is taken untyped here and the columns are trusted (they come from our specs).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyEB = ExpressionBuilder<any, any>;

/** SQL over a list's row: true where the caller reads a field (a policy rule's twin). */
export type ShownWhere = (eb: AnyEB) => Expression<SqlBool>;

/** The rules a list's fields name in `hiddenBy`, by name, as SQL over its rows. */
export type FieldRules = Readonly<Record<string, ShownWhere>>;

export interface Filter {
  field: string;
  op: FilterOperator;
  /** Already converted: strings stay strings, booleans become 0/1, times are stored-format text. */
  value: string | number;
}

export interface ListParams {
  page: number;
  size: number;
  sortField: string;
  sortDesc: boolean;
  logicalOperator: "and" | "or";
  filters: Filter[];
}

export interface Page<T> {
  index: number;
  max_size: number;
  total_pages: number;
  total: number;
  items: T[];
}

/** The fields every list has: id, created, updated. */
export function baseFields(table: string): FilterSpec {
  return {
    id: { kind: "uuid", column: `${table}.id` },
    created: { kind: "datetime", column: `${table}.created` },
    updated: { kind: "datetime", column: `${table}.updated` },
  };
}

/** The rule a field names in `hiddenBy`, which the list must have been given. */
function ruleFor(name: string, byRule: string, rules: FieldRules): ShownWhere {
  const rule = Object.hasOwn(rules, byRule) ? rules[byRule] : undefined;
  if (!rule) throw new Error(`the list of field ${name} was not given its rule '${byRule}' (SPEC §4 rule 10)`);
  return rule;
}

/**
 * Text as case-insensitive matching compares it: lower-cased in SQL on both sides, with the same
 * function, since SQLite's lower() folds ASCII only, so a value lower-cased in JS ("émile") would
 * never equal a column lower-cased by SQLite ("Émile"), and an exact name could not find itself.
 * Final sigma is then made a plain sigma, as Unicode case folding does: a linguistic collation
 * (PostgreSQL with ICU) lower-cases Σ by its place in a word, so "ΑΣ" became "ας" while the "Σ" of
 * a filter became "σ", and a name could not be found by a part of itself.
 */
function folded(text: Expression<unknown> | string): RawBuilder<string> {
  return sql<string>`replace(lower(${text}), ${"ς"}, ${"σ"})`;
}

function condition(eb: AnyEB, spec: FieldSpec, filter: Filter): Expression<SqlBool> {
  const col = eb.ref(spec.column);
  switch (filter.op) {
    case "contains":
    case "startswith":
    case "endswith":
      return sql<SqlBool>`${folded(col)} like ${folded(likePattern(String(filter.value), filter.op))} escape '!'`;
    case "gt":
      return eb(col, ">", filter.value);
    case "gte":
      return eb(col, ">=", filter.value);
    case "lt":
      return eb(col, "<", filter.value);
    case "lte":
      return eb(col, "<=", filter.value);
    case "equals":
      if (spec.kind === "datetime") {
        // A time given to the second matches the whole second.
        const from = String(filter.value);
        return eb.and([eb(col, ">=", from), eb(col, "<=", from.slice(0, 19) + ".999999")]);
      }
      if (spec.kind === "string") return eb(folded(col), "=", folded(String(filter.value)));
      return eb(col, "=", filter.value);
  }
}

/**
 * The WHERE expression for the parsed filters, or undefined when there are none. A field the caller
 * reads as null in a row matches nothing there: the same as comparing `CASE WHEN shown THEN column
 * END`, written so that an index on the column still serves the comparison.
 */
export function filterExpression(eb: AnyEB, spec: FilterSpec, params: ListParams, rules: FieldRules = {}): Expression<SqlBool> | undefined {
  const parts = params.filters.map((f) => {
    const field = spec[f.field];
    if (!field) throw new Error(`filter on unknown field ${f.field}`);
    if (!field.hiddenBy) return condition(eb, field, f);
    return eb.and([ruleFor(f.field, field.hiddenBy, rules)(eb), condition(eb, field, f)]);
  });
  if (parts.length === 0) return undefined;
  return params.logicalOperator === "or" ? eb.or(parts) : eb.and(parts);
}

export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** ZenML's 400 for a page past the end, with its exact text. */
export function checkPageInRange(params: ListParams, total: number): void {
  const max = pageCount(total, params.size);
  if (params.page > max) {
    throw new BadRequest(
      `Invalid page ${params.page}. The requested page size is ${params.size} and there are a total of ${total} items for this query. The maximum page value therefore is ${max}.`,
    );
  }
}

/** Minimal structural type of a Kysely select we can count and page. */
interface Pageable<Row> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  clearSelect(): any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  orderBy(...args: any[]): any;
  execute(): Promise<Row[]>;
}

async function countRows(query: Pageable<unknown>): Promise<number> {
  const counted = await query
    .clearSelect()
    .select((eb: AnyEB) => eb.fn.countAll().as("n"))
    .executeTakeFirst();
  return Number((counted as { n?: unknown } | undefined)?.n ?? 0);
}

export interface PageOptions {
  /** The rules the spec's fields name in `hiddenBy`, as given to `filterExpression`. */
  rules?: FieldRules;
  /**
   * The exact number of rows the query selects when no filter is given, read without counting
   * them (e.g. a count the database keeps by trigger). Only for queries whose visibility rule
   * lets the caller see every row: the unfiltered total must be the table's.
   */
  unfilteredTotal?: () => Promise<number>;
}

/**
 * The query ordered by the sort field. A sort key alone, not its column after it: PostgreSQL orders
 * the column by the database's collation, which may put "Prod" and "prod" the other way round from
 * SQLite and MariaDB. A field some callers read as null sorts by what this caller reads, null where
 * the rule hides it, and nulls come first going up and last going down on every dialect (SQLite's
 * and MariaDB's order; PostgreSQL's own is the reverse), so hidden rows fall in with null ones.
 */
function ordered<Q extends Pageable<unknown>>(query: Q, spec: FilterSpec, params: ListParams, rules: FieldRules, idColumn: string): Q {
  const direction = params.sortDesc ? "desc" : "asc";
  const field = spec[params.sortField];
  const key = field?.sortKey ?? field?.column ?? idColumn;
  if (!field?.hiddenBy) return query.orderBy(key, direction);
  const shown = ruleFor(params.sortField, field.hiddenBy, rules);
  const value = (eb: AnyEB) => eb.case().when(shown(eb)).then(eb.ref(key)).end();
  return query.orderBy((eb: AnyEB) => sql`case when ${value(eb)} is null then 0 else 1 end`, direction).orderBy(value, direction);
}

/**
 * Counts the filtered rows, checks the page, and fetches it in a stable order (the sort field, then
 * id). `query` must already carry the visibility rule and the filters (made with the same `rules`),
 * and select the rows.
 */
export async function fetchPage<Row>(
  query: Pageable<Row>,
  spec: FilterSpec,
  params: ListParams,
  idColumn: string,
  options: PageOptions = {},
): Promise<Page<Row>> {
  const total = options.unfilteredTotal && params.filters.length === 0 ? await options.unfilteredTotal() : await countRows(query);
  checkPageInRange(params, total);
  const direction = params.sortDesc ? "desc" : "asc";
  const items: Row[] = await ordered(query, spec, params, options.rules ?? {}, idColumn)
    .orderBy(idColumn, direction)
    .limit(params.size)
    .offset((params.page - 1) * params.size)
    .execute();
  return { index: params.page, max_size: params.size, total_pages: pageCount(total, params.size), total, items };
}

/** Maps a page's rows to wire objects, keeping the envelope. */
export async function mapPage<A, B>(page: Page<A>, map: (rows: A[]) => Promise<B[]> | B[]): Promise<Page<B>> {
  return { ...page, items: await map(page.items) };
}
