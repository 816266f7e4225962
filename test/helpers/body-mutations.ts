/**
 * Invalid request bodies generated from a route's JSON Schema (as /openapi.json documents it).
 *
 * A body starts from a valid base (its required fields filled), optional fields are filled with odd
 * strings, and then one to three mutations are applied. Every mutation on its own makes the body
 * invalid (a wrong JSON type, an unknown field, a missing required field, a string over its limit,
 * a value outside its format, enum or range), and no later mutation can repair an earlier one, so
 * every generated body must be refused with a 4xx. A schema construct this module does not know
 * throws `Uncovered`: the route then has no generator coverage and the catalogue test fails.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { jsonValue, LONE_SURROGATES, NASTY_STRINGS, notAUuid, oddString } from "./generators.js";
import type { JsonSchema } from "./route-catalogue.js";

export class Uncovered extends Error {}

type Json = unknown;
type JsonObject = Record<string, Json>;
/** One change to a body; applying it to any body yields an invalid one. */
type Mutation = (body: Json) => Json;

const KNOWN_KEYWORDS = new Set([
  "type",
  "nullable",
  "properties",
  "required",
  "additionalProperties",
  "propertyNames",
  "items",
  "anyOf",
  "enum",
  "const",
  "format",
  "pattern",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "minItems",
  "maxItems",
  "default",
  "description",
  "$schema",
]);

/** The JSON types a schema accepts (`null` included when nullable). */
export function typesOf(schema: JsonSchema): Set<string> {
  const unknownKeys = Object.keys(schema).filter((k) => !KNOWN_KEYWORDS.has(k));
  if (unknownKeys.length > 0) throw new Uncovered(`schema keyword(s) ${unknownKeys.join(", ")} have no generator`);
  const types = new Set<string>();
  if (schema.anyOf) for (const member of schema.anyOf) for (const t of typesOf(member)) types.add(t);
  for (const t of [schema.type ?? []].flat()) types.add(t === "integer" ? "number" : t);
  if (schema.const !== undefined) types.add(schema.const === null ? "null" : typeof schema.const);
  if (schema.enum) for (const v of schema.enum) types.add(v === null ? "null" : typeof v);
  if (schema.nullable) types.add("null");
  // `{}` accepts anything: there is no wrong type for it.
  if (types.size === 0 && Object.keys(schema).every((k) => k === "default" || k === "description")) return new Set(["any"]);
  if (types.size === 0) throw new Uncovered(`schema ${JSON.stringify(schema).slice(0, 200)} has no type`);
  return types;
}

function jsonTypeOf(value: Json): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** Values of every JSON type the schema does not accept. */
function wrongType(schema: JsonSchema): fc.Arbitrary<Json> | undefined {
  const accepted = typesOf(schema);
  if (accepted.has("any")) return undefined;
  const candidates: fc.Arbitrary<Json>[] = [
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    oddString,
    fc.constantFrom("true", "1", "null", ""),
    fc.array(jsonValue, { maxLength: 3 }),
    fc.dictionary(oddString, jsonValue, { maxKeys: 3 }),
    fc.constant(null),
  ];
  return fc.oneof(...candidates).filter((v) => !accepted.has(jsonTypeOf(v)));
}

/** A valid value, as plain as possible. */
function baseValue(schema: JsonSchema): Json {
  if (schema.anyOf?.[0]) return baseValue(schema.anyOf[0]);
  if (schema.enum) return schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  const type = [schema.type ?? "null"].flat()[0];
  switch (type) {
    case "string":
      if (schema.format === "uuid") return randomUUID();
      if (schema.format === "email") return "someone@example.com";
      return "x".repeat(Math.max(1, schema.minLength ?? 1));
    case "integer":
    case "number":
      return schema.minimum ?? 0;
    case "boolean":
      return false;
    case "array":
      return [];
    case "object":
      return Object.fromEntries((schema.required ?? []).map((key) => [key, baseValue(schema.properties?.[key] ?? {})]));
    default:
      return null;
  }
}

/** Strings the schema refuses for their content: too long or short, outside the enum, format or pattern. */
function badStrings(schema: JsonSchema): fc.Arbitrary<string>[] {
  const out: fc.Arbitrary<string>[] = [];
  const max = schema.maxLength;
  if (max !== undefined) {
    // Limits count code points, not UTF-16 units (an emoji is one). Plain ends keep trimming from
    // bringing the string back under the limit.
    const over = fc.integer({ min: max + 1, max: max * 4 + 8 }).chain((n) =>
      oddString.map((s) => {
        const points = [...s];
        return `x${Array.from({ length: n - 1 }, (_, i) => points[i % points.length]).join("")}x`;
      }),
    );
    out.push(over);
    // Huge, but under the 1 MiB body cap: the schema, not the cap, must refuse it.
    out.push(fc.integer({ min: 64 * 1024, max: 900 * 1024 }).map((n) => "é".repeat(Math.floor(n / 2))));
  }
  // Only strictly shorter strings: whether blanks count depends on a trim the JSON Schema does not show.
  const min = schema.minLength ?? 0;
  if (min > 0) out.push(fc.string({ unit: "grapheme-ascii", maxLength: min - 1 }).filter((v) => [...v].length < min));
  if (schema.enum) {
    const allowed = new Set(schema.enum);
    out.push(
      fc
        .oneof(oddString, fc.constantFrom(...schema.enum.map((v) => String(v).toUpperCase()), ...schema.enum.map((v) => ` ${String(v)}`)))
        .filter((s) => !allowed.has(s)),
    );
  }
  if (schema.format === "uuid") out.push(notAUuid);
  if (schema.format === "email") {
    out.push(
      fc.constantFrom("not-an-email", "a@b", "@example.com", "a@@example.com", "a b@example.com"),
      oddString.filter((s) => !s.includes("@")),
    );
  }
  if (schema.pattern) {
    const pattern = compile(schema.pattern);
    const misfits = [...NASTY_STRINGS, ...LONE_SURROGATES].filter((s) => !pattern.test(s));
    // Wrapped in odd text on both sides, so trimming cannot strip the misfit off.
    const wrapped = fc.constantFrom(...misfits).chain((bad) => oddString.map((s) => `${s}${bad}${s}`));
    if (misfits.length > 0) out.push(wrapped.filter((s) => !pattern.test(s)));
  }
  return out;
}

function compile(pattern: string): RegExp {
  try {
    return new RegExp(pattern, "u");
  } catch {
    return new RegExp(pattern);
  }
}

/** Invalid values for one schema: wrong types and, per type, wrong contents. */
function invalidValue(schema: JsonSchema): fc.Arbitrary<Json> | undefined {
  const options: fc.Arbitrary<Json>[] = [];
  const wrong = wrongType(schema);
  if (wrong) options.push(wrong);
  const types = typesOf(schema);
  if (types.has("string") && !schema.anyOf) options.push(...badStrings(schema));
  if (types.has("number")) {
    if (schema.minimum !== undefined) options.push(fc.integer({ max: schema.minimum - 1 }));
    if (schema.maximum !== undefined) options.push(fc.integer({ min: schema.maximum + 1 }));
    if (schema.type === "integer") options.push(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d)));
  }
  if (types.has("array") && schema.items) {
    const item = invalidValue(schema.items);
    if (item)
      options.push(fc.tuple(item, fc.array(fc.constant(baseValue(schema.items)), { maxLength: 2 })).map(([bad, rest]) => [...rest, bad]));
    if (schema.maxItems !== undefined)
      options.push(fc.constant(Array.from({ length: schema.maxItems + 1 }, () => baseValue(schema.items ?? {}))));
  }
  if (types.has("object")) {
    const nested = objectMutation(schema);
    if (nested) options.push(nested.map((mutate) => mutate(baseValue(schema))));
  }
  return options.length > 0 ? fc.oneof(...options) : undefined;
}

/** Mutations of an object schema's own fields; undefined when the schema allows anything. */
function objectMutation(schema: JsonSchema): fc.Arbitrary<Mutation> | undefined {
  const props = schema.properties ?? {};
  const required = schema.required ?? [];
  const mutations: fc.Arbitrary<Mutation>[] = [];
  const set =
    (key: string, value: Json): Mutation =>
    (body) => ({ ...asObject(body), [key]: value });
  for (const [key, fieldSchema] of Object.entries(props)) {
    const bad = invalidValue(fieldSchema);
    if (bad) mutations.push(bad.map((value) => set(key, value)));
  }
  if (schema.additionalProperties === false) {
    const extra = fc.oneof(oddString, fc.constantFrom("is_admin", "id", "owner", "__proto__", "constructor", "toString", "NAME", "name "));
    mutations.push(
      fc
        .tuple(
          extra.filter((k) => !Object.hasOwn(props, k)),
          jsonValue,
        )
        .map(([key, value]) => set(key, value)),
    );
  } else if (typeof schema.additionalProperties === "object") {
    const bad = invalidValue(schema.additionalProperties);
    if (bad) mutations.push(fc.tuple(oddString, bad).map(([key, value]) => set(key, value)));
  }
  const badKeys = schema.propertyNames ? badStrings(schema.propertyNames) : [];
  if (badKeys.length > 0) {
    const badKey = fc.oneof(...badKeys);
    const value =
      schema.additionalProperties && typeof schema.additionalProperties === "object" ? baseValue(schema.additionalProperties) : null;
    mutations.push(badKey.map((key) => set(key, value)));
  }
  if (required.length > 0) {
    mutations.push(
      fc.constantFrom(...required).map(
        (key): Mutation =>
          (body) =>
            Object.fromEntries(Object.entries(asObject(body)).filter(([k]) => k !== key)),
      ),
    );
  }
  return mutations.length > 0 ? fc.oneof(...mutations) : undefined;
}

/** A mutation may replace the whole body; the next one then starts from an empty object. */
function asObject(body: Json): JsonObject {
  return body !== null && typeof body === "object" && !Array.isArray(body) ? { ...(body as JsonObject) } : {};
}

/** Optional string fields filled with odd strings: they ride along with the mutation that sinks the body. */
function withOddOptionals(schema: JsonSchema): fc.Arbitrary<JsonObject> {
  const optional = Object.entries(schema.properties ?? {}).filter(
    ([key, s]) => !(schema.required ?? []).includes(key) && typesOf(s).has("string"),
  );
  return fc
    .subarray(optional)
    .chain((fields) =>
      fc.tuple(...fields.map(() => oddString)).map((values) => Object.fromEntries(fields.map(([key], i) => [key, values[i]]))),
    );
}

/**
 * Invalid bodies for a route whose body has `schema`. Throws `Uncovered` when the schema holds a
 * construct with no generator, or offers nothing to mutate.
 */
export function invalidBodies(schema: JsonSchema): fc.Arbitrary<Json> {
  if (!typesOf(schema).has("object")) throw new Uncovered(`body schema of type ${String(schema.type)} has no generator`);
  const mutation = objectMutation(schema);
  if (!mutation) throw new Uncovered("the body schema accepts any object, so no body is invalid");
  const notAnObject = fc.oneof(fc.array(jsonValue, { maxLength: 2 }), fc.integer(), oddString, fc.boolean(), fc.constant(null));
  const mutated = fc
    .tuple(withOddOptionals(schema), fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([odd, mutations]) => mutations.reduce<Json>((body, mutate) => mutate(body), { ...asObject(baseValue(schema)), ...odd }));
  return fc.oneof({ weight: 9, arbitrary: mutated }, { weight: 1, arbitrary: notAnObject });
}

/** One value of each JSON type: a field must refuse every one its schema does not accept. */
const ONE_OF_EACH_TYPE: readonly Json[] = [0, 1.5, true, "x", [], {}, null];

/** For every top-level field, every JSON type it does not accept: `[field, value]` pairs. */
export function wrongTypePerField(schema: JsonSchema): [string, Json][] {
  return Object.entries(schema.properties ?? {}).flatMap(([key, field]) => {
    const accepted = typesOf(field);
    if (accepted.has("any")) return [];
    return ONE_OF_EACH_TYPE.filter((v) => !accepted.has(jsonTypeOf(v))).map((v): [string, Json] => [key, v]);
  });
}

/** A body that fits the schema: required fields only, every id unknown. */
export function validBase(schema: JsonSchema): Json {
  return baseValue(schema);
}

/** The base body with odd strings in some optional fields (which may or may not fit them). */
export function oddBodies(schema: JsonSchema): fc.Arbitrary<Json> {
  return withOddOptionals(schema).map((odd) => ({ ...asObject(baseValue(schema)), ...odd }));
}

/** Whether the base body names something by id (a required UUID field): an unknown one, as generated. */
export function refersById(schema: JsonSchema): boolean {
  return (schema.required ?? []).some((key) => schema.properties?.[key]?.format === "uuid");
}
