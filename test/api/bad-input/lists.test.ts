/**
 * Bad list parameters (SPEC §6 "Lists", §10), on every list route: page and size out of range or
 * not numbers, unknown sort fields and directions, unknown logical operators, operators that do
 * not fit the field, malformed datetimes, repeated parameters, and filters with odd values. Also
 * the other declared query parameters of every route. GETs write nothing, and the batches prove it.
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import fc from "fast-check";
import { assertCovered, eachRoute, unknownParams, useBadInputSuite, type BadInputSuite, type Expected } from "../../helpers/bad-input.js";
import { invalidBodies } from "../../helpers/body-mutations.js";
import { describeEachDialect } from "../../helpers/dialects.js";
import { badDatetime, badPage, badSize, filterValue, oddString, OPERATORS, queryString } from "../../helpers/generators.js";
import { rawRequest } from "../../helpers/raw-http.js";
import { pathOf, routeKey, type CatalogueRoute } from "../../helpers/route-catalogue.js";

const RESERVED = ["page", "size", "sort_by", "logical_operator"];
/** Fields that are times wherever a list has them (store/list-query.ts `baseFields`); every list has `created`. */
const DATETIME_FIELDS = ["created", "updated"];
const TIME_OPERATORS = ["equals", "gt", "gte", "lt", "lte"];

type Pairs = [string, string][];

interface ListTarget {
  route: CatalogueRoute;
  /** A path that lists something: parameters filled with a name that exists where one does. */
  path: string;
  /** False when no known name made the path list anything: its parameters are unknown, so a 404 may come first. */
  resolved: boolean;
  /** The sortable and filterable fields, as the server's own 422 for a bad sort_by names them. */
  fields: string[];
}

/** Parameter values that reach the list itself: a known name that answers 200, else an unknown one. */
async function listTarget(suite: BadInputSuite, route: CatalogueRoute): Promise<ListTarget> {
  const auth = { authorization: `Bearer ${suite.token}` };
  const candidates = [unknownParams(route), ...[...suite.knownNames].map((n) => Object.fromEntries(route.params.map((p) => [p.name, n])))];
  let path = pathOf(route, unknownParams(route));
  let resolved = false;
  for (const values of candidates.reverse()) {
    const reply = await rawRequest(suite.server.url, { method: "GET", path: pathOf(route, values), headers: auth });
    if (reply.status === 200) {
      path = pathOf(route, values);
      resolved = true;
      break;
    }
  }
  const reply = await rawRequest(suite.server.url, { method: "GET", path: `${path}?sort_by=no_such_field`, headers: auth });
  const listed = /\(([^)]*)\)\s*"\]\}$/.exec(reply.text)?.[1];
  const fields = listed?.split(",").map((f) => f.trim()) ?? [];
  return { route, path, resolved, fields };
}

const sortIsValid = (value: string, fields: string[]) => {
  const colon = value.indexOf(":");
  if (colon < 0) return fields.includes(value);
  return ["asc", "desc"].includes(value.slice(0, colon).toLowerCase()) && fields.includes(value.slice(colon + 1));
};

/** Query strings every list must refuse, each with its answer. */
function badListQueries(target: ListTarget): fc.Arbitrary<{ pairs: Pairs; expected: Expected }> {
  const { fields } = target;
  const pastEnd: Expected = target.resolved ? [400] : [400, 404];
  const refuse = (pairs: fc.Arbitrary<Pairs>) => pairs.map((p) => ({ pairs: p, expected: [422] as Expected }));
  const field = fc.constantFrom(...fields);
  const hidden = fc.constantFrom("password_hash", "activation_digest", "token_digest", "name_key", "secret_key", "id;drop", "1", "");
  const sortBy = fc
    .oneof(
      oddString,
      hidden,
      fc.tuple(fc.constantFrom("up", "down", "", "ascending", "asc ", "desc:desc", "random"), field).map(([d, f]) => `${d}:${f}`),
      fc.tuple(fc.constantFrom("asc", "desc", "DESC"), fc.oneof(oddString, hidden)).map(([d, f]) => `${d}:${f}`),
    )
    .filter((v) => !sortIsValid(v, fields));
  const logical = fc
    .oneof(oddString, fc.constantFrom("xor", "AND ", "&&", "", "not"))
    .filter((v) => !["and", "or"].includes(v.toLowerCase()));
  const datetimeField = fc.constantFrom(...DATETIME_FIELDS.filter((f) => fields.includes(f)));
  const timeFilter = fc.tuple(fc.constantFrom(...TIME_OPERATORS, null), badDatetime).map(([op, v]) => (op ? `${op}:${v}` : v));
  const textOperatorOnTime = fc
    .tuple(fc.constantFrom("contains", "startswith", "endswith"), fc.constantFrom("2026", "00:00", "%"))
    .map(([op, v]) => `${op}:${v}`);
  const repeated = fc.tuple(fc.constantFrom(...RESERVED, ...fields), fc.constantFrom("1", "name", "and", "x")).map(([k, v]): Pairs => [
    [k, v],
    [k, v],
  ]);
  return fc.oneof(
    { weight: 2, arbitrary: refuse(badPage.map((v): Pairs => [["page", v]])) },
    { weight: 2, arbitrary: refuse(badSize.map((v): Pairs => [["size", v]])) },
    { weight: 2, arbitrary: refuse(sortBy.map((v): Pairs => [["sort_by", v]])) },
    { weight: 1, arbitrary: refuse(logical.map((v): Pairs => [["logical_operator", v]])) },
    { weight: 2, arbitrary: refuse(fc.tuple(datetimeField, timeFilter).map(([f, v]): Pairs => [[f, v]])) },
    { weight: 1, arbitrary: refuse(fc.tuple(datetimeField, textOperatorOnTime).map(([f, v]): Pairs => [[f, v]])) },
    { weight: 1, arbitrary: refuse(fc.constantFrom("gt", "gte", "lt", "lte").map((op): Pairs => [["id", `${op}:${"0".repeat(8)}`]])) },
    { weight: 1, arbitrary: refuse(repeated) },
    // A page past the end is ZenML's 400 (no list here holds a million rows), once the target is found.
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 1_000_000, max: 999_999_999 })
        .map((n) => ({ pairs: [["page", String(n)]] as Pairs, expected: pastEnd })),
    },
  );
}

/** Filters with odd values and operators, and unknown parameters: answered (200) or refused, never broken. */
function oddListQueries(target: ListTarget): fc.Arbitrary<Pairs> {
  const known = new Set([...RESERVED, ...target.fields]);
  const filter = fc.tuple(fc.constantFrom(...target.fields), filterValue);
  const unknown = fc.tuple(
    oddString.filter((k) => !known.has(k)),
    oddString,
  );
  const op = fc.constantFrom(...OPERATORS);
  const anyOperatorAnyField = fc
    .tuple(fc.constantFrom(...target.fields), op, fc.constantFrom("1", "true", "2026-01-01 00:00:00", "%", "_"))
    .map(([f, o, v]): [string, string] => [f, `${o}:${v}`]);
  return fc.array(
    fc.oneof(filter, unknown, anyOperatorAnyField, fc.tuple(fc.constant("logical_operator"), fc.constantFrom("and", "or", "OR"))),
    {
      minLength: 1,
      maxLength: 4,
    },
  );
}

describeEachDialect("bad input: list parameters", (dialect) => {
  const s = useBadInputSuite(dialect, "lists");
  const targets: ListTarget[] = [];
  before(async () => {
    for (const route of s.routes.filter((r) => r.list)) targets.push(await listTarget(s, route));
  });

  it("every list names its fields when asked to sort by an unknown one", () => {
    assert.ok(targets.length >= 10, `expected every list of the API, got ${targets.length}`);
    const unnamed = targets.filter((t) => !t.fields.includes("id") || !t.fields.includes("created")).map((t) => routeKey(t.route));
    assert.deepEqual(unnamed, [], "lists whose sort_by error does not name their fields (id, created, …)");
  });

  const targetOf = (route: CatalogueRoute) => targets.find((t) => t.route === route) as ListTarget;

  it("bad page, size, sort_by, logical_operator, filters and repeated parameters are refused", async (t) => {
    await eachRoute(
      t,
      targets.map((x) => x.route),
      async (route) => {
        const target = targetOf(route);
        await s.property(routeKey(route), badListQueries(target), 30, async ({ pairs, expected }) => {
          await s.send(route, { method: "GET", path: target.path + queryString(pairs) }, expected);
        });
      },
    );
  });

  it("odd filter values and unknown parameters are answered or refused, never broken", async (t) => {
    await eachRoute(
      t,
      targets.map((x) => x.route),
      async (route) => {
        const target = targetOf(route);
        await s.property(routeKey(route), oddListQueries(target), 20, async (pairs) => {
          await s.send(route, { method: "GET", path: target.path + queryString(pairs) }, "answered");
        });
      },
    );
  });

  it("other declared query parameters take odd and repeated values without breaking", async (t) => {
    await eachRoute(
      t,
      s.routes.filter((r) => r.query.length > 0),
      async (route) => {
        const pairs = fc.array(fc.tuple(fc.constantFrom(...route.query.map((q) => q.name)), oddString), { minLength: 1, maxLength: 3 });
        // Mutating routes get a body that can only be refused, and unknown targets, so nothing can change.
        const body = route.body ? invalidBodies(route.body).map((b) => JSON.stringify(b)) : fc.constant(undefined);
        await s.property(routeKey(route), fc.tuple(pairs, body), 10, async ([query, text]) => {
          const path = pathOf(route, unknownParams(route)) + queryString(query);
          const headers: Record<string, string> = text ? { "content-type": "application/json" } : {};
          await s.send(route, { method: route.method, path, headers, body: text }, route.method === "GET" ? "answered" : "refused");
        });
      },
    );
  });

  it("every list got bad parameters", () => {
    assertCovered(
      s,
      targets.map((t) => t.route),
      50,
    );
  });
});
