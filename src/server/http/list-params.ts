/**
 * Parses a list's query string (SPEC §6 "Lists") against the resource's filter description:
 * page, size, sort_by, logical_operator and `[op:]value` per field. Anything that does not fit
 * is a 422 naming the parameter; unknown parameters are ignored, as ZenML ignores them.
 */
import { ValidationFailed } from "../errors.js";
import { OPERATORS_BY_KIND, type Filter, type FilterOperator, type FilterSpec, type ListParams } from "../store/list-query.js";

const RESERVED = new Set(["page", "size", "sort_by", "logical_operator"]);
const OPERATORS = new Set<string>(["equals", "contains", "startswith", "endswith", "gt", "gte", "lt", "lte"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATETIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d{1,6})?$/;
export const MAX_PAGE_SIZE = 10_000;
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

type Query = Record<string, unknown>;

function single(query: Query, key: string): string | undefined {
  const value = query[key];
  if (value === undefined) return undefined;
  if (Array.isArray(value)) throw new ValidationFailed(`query -> ${key}: give this parameter once`);
  if (typeof value !== "string") throw new ValidationFailed(`query -> ${key}: must be a string`);
  return value;
}

/** A time field may be given twice, for a range (`created=gte:…&created=lt:…`); any other field once. */
function filterValues(query: Query, field: string, kind: FilterSpec[string]["kind"]): string[] {
  const value = query[field];
  if (kind === "datetime" && Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "string")) {
    return value as string[];
  }
  const one = single(query, field);
  return one === undefined ? [] : [one];
}

function positiveInt(query: Query, key: string, fallback: number, max: number): number {
  const raw = single(query, key);
  if (raw === undefined) return fallback;
  if (!/^\d{1,9}$/.test(raw.trim())) throw new ValidationFailed(`query -> ${key}: value is not a valid integer`);
  const n = Number(raw);
  if (n < 1) throw new ValidationFailed(`query -> ${key}: ensure this value is greater than or equal to 1`);
  if (n > max) throw new ValidationFailed(`query -> ${key}: ensure this value is less than or equal to ${max}`);
  return n;
}

function parseValue(field: string, kind: FilterSpec[string]["kind"], raw: string): string | number {
  switch (kind) {
    case "bool": {
      const v = raw.trim().toLowerCase();
      if (["true", "1", "yes", "on"].includes(v)) return 1;
      if (["false", "0", "no", "off"].includes(v)) return 0;
      throw new ValidationFailed(`query -> ${field}: value could not be parsed to a boolean`);
    }
    case "int": {
      if (!/^-?\d{1,15}$/.test(raw.trim())) throw new ValidationFailed(`query -> ${field}: value is not a valid integer`);
      // Integer columns are 32-bit: PostgreSQL fails a comparison with a wider value (a 500).
      const n = Number(raw);
      if (n < INT_MIN || n > INT_MAX) throw new ValidationFailed(`query -> ${field}: must be between ${INT_MIN} and ${INT_MAX}`);
      return n;
    }
    case "datetime": {
      const m = DATETIME.exec(raw.trim());
      // Date.parse rolls 2026-02-30 over to March 2nd and 24:00:00 to the next day: only a time
      // that reads back as written is one.
      const ms = m ? Date.parse(`${m[1]}T${m[2]}Z`) : NaN;
      if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 19) !== `${m[1]}T${m[2]}`) {
        throw new ValidationFailed(`query -> ${field}: times must be written YYYY-MM-DD HH:MM:SS`);
      }
      return `${m[1]}T${m[2]}${(m[3] ?? ".").padEnd(7, "0")}`;
    }
    case "uuid":
    case "string":
      if (raw.length > 255) throw new ValidationFailed(`query -> ${field}: must be at most 255 characters`);
      return raw;
  }
}

function parseFilter(field: string, kind: FilterSpec[string]["kind"], raw: string): Filter {
  let op: FilterOperator = "equals";
  let value = raw;
  const colon = raw.indexOf(":");
  if (colon > 0 && OPERATORS.has(raw.slice(0, colon))) {
    op = raw.slice(0, colon) as FilterOperator;
    value = raw.slice(colon + 1);
  }
  if (!OPERATORS_BY_KIND[kind].includes(op)) {
    throw new ValidationFailed(
      `query -> ${field}: the operator '${op}' cannot be used on this field; use one of ${OPERATORS_BY_KIND[kind].join(", ")}`,
    );
  }
  if (kind === "uuid" && op === "equals" && !UUID.test(value)) throw new ValidationFailed(`query -> ${field}: value is not a valid uuid`);
  const parsed = parseValue(field, kind, value);
  return { field, op, value: kind === "uuid" && typeof parsed === "string" ? parsed.toLowerCase() : parsed };
}

export function parseListParams(query: Query, spec: FilterSpec, defaults: { sort?: string } = {}): ListParams {
  const page = positiveInt(query, "page", 1, 1_000_000_000);
  const size = positiveInt(query, "size", 50, MAX_PAGE_SIZE);
  const logical = (single(query, "logical_operator") ?? "and").toLowerCase();
  if (logical !== "and" && logical !== "or") throw new ValidationFailed("query -> logical_operator: must be 'and' or 'or'");

  const sortRaw = single(query, "sort_by") ?? defaults.sort ?? "created";
  let sortField = sortRaw;
  let sortDesc = false;
  const colon = sortRaw.indexOf(":");
  if (colon >= 0) {
    const dir = sortRaw.slice(0, colon).toLowerCase();
    sortField = sortRaw.slice(colon + 1);
    if (dir === "desc") sortDesc = true;
    else if (dir !== "asc") throw new ValidationFailed(`query -> sort_by: the direction must be 'asc' or 'desc'`);
  }
  if (!Object.hasOwn(spec, sortField) || RESERVED.has(sortField)) {
    throw new ValidationFailed(`query -> sort_by: You can only sort by valid fields of this resource (${Object.keys(spec).join(", ")})`);
  }

  const filters: Filter[] = [];
  for (const [field, fieldSpec] of Object.entries(spec)) {
    for (const raw of filterValues(query, field, fieldSpec.kind)) filters.push(parseFilter(field, fieldSpec.kind, raw));
  }
  return { page, size, sortField, sortDesc, logicalOperator: logical, filters };
}
