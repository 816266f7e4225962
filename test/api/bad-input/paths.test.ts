/**
 * Bad ids in paths (SPEC §10), on every route with a path parameter: non-UUIDs where a UUID is
 * required (422), unknown UUIDs and names (404, or the activation's uniform 401), names near an
 * existing one, segments past the name limit (422) or the router's (414), and percent-encoded junk
 * (400 for encodings that decode to nothing, 422 for NUL). The body, where there is one, fits its
 * schema, so the path alone decides the answer.
 */
import { it } from "node:test";
import fc from "fast-check";
import { assertCovered, eachRoute, unknownParams, useBadInputSuite, type BadInputSuite, type Expected } from "../../helpers/bad-input.js";
import { validBase } from "../../helpers/body-mutations.js";
import { describeEachDialect } from "../../helpers/dialects.js";
import { badPercentEncoding, notAUuid, oddString, percentEncode, unknownUuid } from "../../helpers/generators.js";
import { pathOf, routeKey, type CatalogueRoute, type ParamSpec } from "../../helpers/route-catalogue.js";

/** Longest name SPEC §3 allows. */
const NAME_MAX = 255;

interface PathInput {
  /** The parameter's value, encoded for the path. */
  encoded: string;
  expected: Expected;
}

/** An unknown target: 404, except on the public activation route, whose every failure is the same 401 (SPEC §5.3). */
const missing = (route: CatalogueRoute): Expected => (route.access === "public" ? [401] : [404]);

/** Names close to existing ones that are still other names: accents, padding, width, joiners. */
function nearMisses(known: ReadonlySet<string>): string[] {
  const variants = (n: string) => [
    `${n} `,
    ` ${n}`,
    `${n}\u00a0`,
    n.replace(/a|e|u/, (c) => ({ a: "á", e: "é", u: "ú" })[c] ?? c),
    `${n}\u200d`,
    [...n].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join(""),
  ];
  return [...known].flatMap(variants).filter((v) => !known.has(v.toLowerCase()));
}

function valuesFor(suite: BadInputSuite, route: CatalogueRoute, param: ParamSpec): fc.Arbitrary<PathInput> {
  const encode = (expected: Expected) => (value: string) => ({ encoded: percentEncode(value), expected });
  // Past the longest name but short enough for any router: the schema answers.
  const tooLong = fc.integer({ min: NAME_MAX + 1, max: 1000 }).map((n) => ({ encoded: "n".repeat(n), expected: [422] as Expected }));
  // Far past anything: the router may refuse it before the schema (414), but still in the wire format.
  const huge = fc
    .integer({ min: 5000, max: 12_000 })
    .map((n) => ({ encoded: percentEncode("é".repeat(n / 6)), expected: [414, 422] as Expected }));
  const junkEscapes = fc
    .tuple(fc.stringMatching(/^[a-z0-9]{0,4}$/), badPercentEncoding)
    .map(([s, bad]) => ({ encoded: `${s}${bad}`, expected: [400] as Expected }));
  const nul = oddString.map((s) => ({ encoded: `${percentEncode(s)}%00`, expected: [422] as Expected }));
  if (param.kind === "uuid") {
    return fc.oneof(
      notAUuid.map(encode([422])),
      unknownUuid.map(encode(missing(route))),
      unknownUuid.map((u) => ({ encoded: u.toUpperCase(), expected: missing(route) })),
      tooLong,
      huge,
      junkEscapes,
      nul,
    );
  }
  if (param.kind === "name") {
    const unknownName = oddString.filter((s) => !s.includes("\0") && s.length <= NAME_MAX && !suite.knownNames.has(s.toLowerCase()));
    return fc.oneof(
      { weight: 4, arbitrary: unknownName.map(encode(missing(route))) },
      { weight: 1, arbitrary: unknownUuid.map(encode(missing(route))) },
      { weight: 2, arbitrary: fc.constantFrom(...nearMisses(suite.knownNames)).map(encode(missing(route))) },
      { weight: 1, arbitrary: tooLong },
      { weight: 1, arbitrary: huge },
      { weight: 1, arbitrary: junkEscapes },
      { weight: 1, arbitrary: nul },
    );
  }
  return fc.oneof(
    oddString.map((s) => ({ encoded: percentEncode(s), expected: "refused" as Expected })),
    junkEscapes,
    nul,
  );
}

describeEachDialect("bad input: ids in paths", (dialect) => {
  const s = useBadInputSuite(dialect, "paths");
  const withParams = () => s.routes.filter((r) => r.params.length > 0);

  it("every route with a path parameter refuses bad ids in the wire format and writes nothing", async (t) => {
    await eachRoute(t, withParams(), async (route) => {
      const headers: Record<string, string> = route.body ? { "content-type": "application/json" } : {};
      for (const param of route.params) {
        const arbitrary = valuesFor(s, route, param);
        await s.property(`${routeKey(route)} :${param.name}`, arbitrary, 15, async ({ encoded, expected }) => {
          // A fresh fitting body each time: its ids are unknown, so it can only ever be refused.
          const body = route.body ? JSON.stringify(validBase(route.body)) : undefined;
          const path = pathOf(route, { ...unknownParams(route), [param.name]: encoded });
          await s.send(route, { method: route.method, path, headers, body }, expected);
        });
      }
    });
  });

  it("every route with a path parameter got bad ids", () => {
    assertCovered(s, withParams(), 15);
  });
});
