/**
 * Bad request bodies (SPEC §6, §10), on every route that takes one: every JSON type each field
 * does not take (the 422 naming the field); generated bodies with wrong types, unknown fields,
 * missing required fields, strings over their limit (up to ~1 MiB), values outside their format,
 * enum or range, and bodies that are not objects, each carrying odd strings in the fields it does
 * not break; bodies that fit but aim at unknown targets; odd credentials at the login. Every one
 * is a 4xx in the wire format, and nothing is written.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import fc from "fast-check";
import { assertCovered, eachRoute, unknownParams, useBadInputSuite } from "../../helpers/bad-input.js";
import { invalidBodies, oddBodies, refersById, validBase, wrongTypePerField } from "../../helpers/body-mutations.js";
import { describeEachDialect } from "../../helpers/dialects.js";
import { oddString } from "../../helpers/generators.js";
import { pathOf, routeKey } from "../../helpers/route-catalogue.js";

/** The labels a JSON body may come with: its own, none (as the ZenML CLI sends), and curl's default. */
const jsonLabels = fc.constantFrom(undefined, "application/json", "text/plain");
const withType = (type: string | undefined): Record<string, string> => (type ? { "content-type": type } : {});

describeEachDialect("bad input: request bodies", (dialect) => {
  // Odd logins fail by the hundred from one address: the per-address limit must not hide the
  // handling behind a 429. Behind a trusted proxy, the address itself is input (X-Forwarded-For).
  const s = useBadInputSuite(dialect, "bodies", { COHORT_LOGIN_MAX_FAILURES_PER_ADDRESS: "100000", COHORT_TRUST_PROXY: "true" });
  const bodyRoutes = () => s.routes.filter((r) => r.body);

  it("invalid bodies are 422s (413 past the cap) and write nothing", async (t) => {
    await eachRoute(t, bodyRoutes(), async (route) => {
      const arbitrary = fc.record({ body: invalidBodies(route.body ?? {}), type: jsonLabels });
      await s.property(routeKey(route), arbitrary, 20, async ({ body, type }) => {
        const path = pathOf(route, unknownParams(route));
        await s.send(route, { method: route.method, path, headers: withType(type), body: JSON.stringify(body) }, [413, 422]);
      });
    });
  });

  it("every field refuses every JSON type it does not take, with a 422 naming it", async (t) => {
    await eachRoute(t, bodyRoutes(), async (route) => {
      const schema = route.body ?? {};
      await s.batch(routeKey(route), async () => {
        for (const [field, value] of wrongTypePerField(schema)) {
          const body = JSON.stringify({ ...(validBase(schema) as object), [field]: value });
          const path = pathOf(route, unknownParams(route));
          const reply = await s.send(route, { method: route.method, path, headers: withType("application/json"), body }, [422]);
          assert.match(
            reply.text,
            new RegExp(`body -> ${field}\\b`),
            `${routeKey(route)}: the 422 for ${field} = ${JSON.stringify(value)} does not name it`,
          );
        }
      });
    });
  });

  it("bodies that fit but name unknown targets are refused and write nothing", async (t) => {
    const aimed = bodyRoutes().filter((r) => r.params.length > 0 || refersById(r.body ?? {}));
    await eachRoute(t, aimed, async (route) => {
      await s.property(routeKey(route), fc.record({ body: oddBodies(route.body ?? {}), type: jsonLabels }), 10, async ({ body, type }) => {
        const path = pathOf(route, unknownParams(route));
        await s.send(route, { method: route.method, path, headers: withType(type), body: JSON.stringify(body) }, "refused");
      });
    });
  });

  it("odd usernames and passwords, as a form or JSON, log nobody in", async () => {
    const login = s.routes.find((r) => r.method === "POST" && r.url === "/api/v1/login");
    if (!login) throw new Error("no POST /api/v1/login in the catalogue");
    // Junk, real addresses, and one address longer than any column holds (fast-check keeps strings short).
    const forwardedFor = fc.oneof(
      fc.constant(undefined),
      fc.string({ unit: "grapheme-ascii", maxLength: 40 }),
      fc.ipV6().map((ip) => `${ip}, 10.0.0.1`),
      fc.integer({ min: 1, max: 400 }).map((n) => `2001:db8::${"f".repeat(n)}`),
    );
    const credentials = fc.record({
      username: fc.oneof(oddString, fc.constant("default")),
      password: oddString,
      form: fc.boolean(),
      forwardedFor,
    });
    await s.property("odd logins", credentials, 30, async ({ username, password, form, forwardedFor }) => {
      const body = form ? new URLSearchParams({ username, password }).toString() : JSON.stringify({ username, password });
      const type = form ? "application/x-www-form-urlencoded" : "application/json";
      // 401 for every cause (SPEC §5.1), 429 once a username is locked, 422 past the field limits.
      const headers = { "content-type": type, ...(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }) };
      await s.send(login, { method: "POST", path: login.url, headers, body }, [401, 422, 429]);
    });
  });

  it("every route with a body got invalid bodies", () => {
    assertCovered(s, bodyRoutes(), 30);
  });
});
