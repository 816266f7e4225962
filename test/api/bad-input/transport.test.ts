/**
 * Bad input below the schemas (SPEC §10), on every route: malformed JSON under every content type
 * (and none, as the ZenML CLI sends), empty bodies, bodies over the 1 MiB cap, junk headers and
 * query parameters, and broken HTTP that never reaches a route. Opens with the coverage check:
 * every route the server registered must be one the generators can attack.
 */
import assert from "node:assert/strict";
import { connect } from "node:net";
import { it } from "node:test";
import fc from "fast-check";
import { assertCovered, assertWireError, eachRoute, unknownParams, useBadInputSuite } from "../../helpers/bad-input.js";
import { invalidBodies } from "../../helpers/body-mutations.js";
import { describeEachDialect } from "../../helpers/dialects.js";
import { contentTypes, malformedJson, oddString, percentEncode, queryString } from "../../helpers/generators.js";
import type { RawReply } from "../../helpers/raw-http.js";
import { pathOf, routeKey, takesBody } from "../../helpers/route-catalogue.js";

const MIB = 1024 * 1024;

/** Header values Node lets a client send (Latin-1, no control characters), odd otherwise. */
const headerValue = oddString.map((s) => s.replace(/[^\t\x20-\x7e\x80-\xff]/g, "?"));
const junkHeaders = fc.dictionary(
  fc.constantFrom("x-request-id", "accept", "accept-encoding", "x-forwarded-for", "x-csrf-token", "cookie"),
  headerValue,
  {
    maxKeys: 3,
  },
);
const junkQuery = fc.array(fc.tuple(oddString, oddString), { maxLength: 4 });

/** Writes `bytes` on a fresh connection and reads the answer as text: HTTP too broken for any client library. */
function rawSocket(url: string, bytes: string): Promise<RawReply> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    let data = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (data += chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const [head = "", ...rest] = data.split("\r\n\r\n");
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      const headers = Object.fromEntries(
        head
          .split("\r\n")
          .slice(1)
          .map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]),
      );
      resolve({ status, headers, text: Buffer.from(rest.join("\r\n\r\n"), "latin1").toString("utf8") });
    });
  });
}

describeEachDialect("bad input: transport", (dialect) => {
  const s = useBadInputSuite(dialect, "transport");

  it("every registered route is in the catalogue, and every body schema has generators", () => {
    assert.deepEqual(s.problems, []);
    assert.ok(s.routes.length >= 30, `expected the whole API, got ${s.routes.length} routes`);
    const uncovered: string[] = [];
    for (const route of s.routes.filter((r) => r.body)) {
      try {
        fc.sample(invalidBodies(route.body ?? {}), 50);
      } catch (err) {
        uncovered.push(`${routeKey(route)}: ${(err as Error).message}`);
      }
    }
    assert.deepEqual(uncovered, [], "routes whose body schema no generator covers");
  });

  it("malformed JSON, under any content type or none, is a 422 on every route that reads a body", async (t) => {
    await eachRoute(t, s.routes.filter(takesBody), async (route) => {
      const arbitrary = fc.record({ text: malformedJson, type: contentTypes, headers: junkHeaders });
      await s.property(routeKey(route), arbitrary, 8, async ({ text, type, headers }) => {
        const path = pathOf(route, unknownParams(route));
        await s.send(
          route,
          { method: route.method, path, headers: { ...headers, ...(type ? { "content-type": type } : {}) }, body: text },
          [422],
        );
      });
    });
  });

  it("JSON nested past 100 levels is a 422 on every route that reads a body, wherever the nesting sits", async (t) => {
    // Valid JSON, small enough to pass the cap, deep enough to overflow a recursive serializer.
    const deep = fc.record({
      depth: fc.oneof(fc.integer({ min: 101, max: 1000 }), fc.integer({ min: 10_000, max: 200_000 })),
      open: fc.constantFrom("[", '{"a":'),
      key: fc.constantFrom("configuration", "spec", "labels", "name"),
    });
    await eachRoute(t, s.routes.filter(takesBody), async (route) => {
      await s.property(routeKey(route), deep, 3, async ({ depth, open, key }) => {
        const close = open === "[" ? "]" : "}";
        const levels = Math.min(depth, Math.floor((MIB - 100) / (open.length + close.length)));
        const body = `{"${key}": ${open.repeat(levels)}1${close.repeat(levels)}}`;
        const path = pathOf(route, unknownParams(route));
        const reply = await s.send(route, { method: route.method, path, headers: { "content-type": "application/json" }, body }, [422]);
        assert.match(reply.text, /nested deeper than/);
      });
    });
  });

  it("an empty body is a 422 where a body is required", async (t) => {
    await eachRoute(
      t,
      s.routes.filter((r) => r.body),
      async (route) => {
        await s.batch(routeKey(route), async () => {
          for (const type of [undefined, "application/json", "text/plain"]) {
            const headers: Record<string, string> = type ? { "content-type": type } : {};
            for (const body of ["", " \r\n\t"]) {
              await s.send(route, { method: route.method, path: pathOf(route, unknownParams(route)), headers, body }, [422]);
            }
          }
        });
      },
    );
  });

  it("a body over 1 MiB is a 413 on every route that reads a body, valid JSON or not", async (t) => {
    await eachRoute(t, s.routes.filter(takesBody), async (route) => {
      await s.batch(routeKey(route), async () => {
        const bodies = [JSON.stringify({ name: "x", padding: "x".repeat(MIB) }), "{" + " ".repeat(MIB + 1), "é".repeat(MIB / 2 + 1)];
        for (const [i, body] of bodies.entries()) {
          const headers: Record<string, string> = i === 1 ? {} : { "content-type": "application/json" };
          await s.send(route, { method: route.method, path: pathOf(route, unknownParams(route)), headers, body }, [413]);
        }
      });
    });
  });

  it("junk headers and unknown query parameters never break a route", async (t) => {
    await eachRoute(t, s.routes, async (route) => {
      const arbitrary = fc.record({ query: junkQuery, headers: junkHeaders });
      await s.property(routeKey(route), arbitrary, 4, async ({ query, headers }) => {
        const path = pathOf(route, unknownParams(route)) + queryString(query);
        // Anything that reads a body gets a broken one, so no junk-header request can change a thing.
        const body = takesBody(route) ? { body: "{", headers: { ...headers, "content-type": "application/json" } } : { headers };
        await s.send(route, { method: route.method, path, ...body }, takesBody(route) ? [422] : "answered");
      });
    });
  });

  it("HTTP too broken to reach a route still gets a JSON error in the wire format", async () => {
    const huge = "/api/v1/users/" + percentEncode("x".repeat(20_000));
    const requests = [
      `GET ${huge} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      `GET /api/v1/info HTTP/1.1\r\nHost: x\r\nX-Big: ${"y".repeat(20_000)}\r\nConnection: close\r\n\r\n`,
      "GARBAGE\r\n\r\n",
      `POST /api/v1/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
      `POST /api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\nConnection: close\r\n\r\n{}{}{}`,
    ];
    await s.batch("broken HTTP", async () => {
      for (const bytes of requests) {
        s.count("broken HTTP");
        const reply = await rawSocket(s.server.url, bytes);
        const what = JSON.stringify(bytes.slice(0, 80));
        assert.ok(reply.status >= 400 && reply.status < 500, `${what} → ${reply.status} ${reply.text.slice(0, 200)}`);
        assertWireError(reply, what);
      }
    });
  });

  it("every route got transport inputs", () => {
    assertCovered(s, s.routes, 4);
  });
});
