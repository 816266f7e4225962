/**
 * The guard of SPEC §9: no route exists without an access decision. Walks every route the server
 * registered (the router's own listing, cross-checked against the table the access hook keeps),
 * fails on any /api route without `config.access`, pins the public ones to exactly SPEC §6's list,
 * and calls every other /api route without credentials to see the declaration enforced.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { it } from "node:test";
import Fastify from "fastify";
import { PERMISSIONS } from "../../src/core/permissions.js";
import { requireAccessDeclarations, routeAccessTable, type RouteAccess } from "../../src/server/http/access.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { useTestServer } from "../helpers/server.js";

/** The unauthenticated API of SPEC §6 (HEAD comes with each GET). */
const PUBLIC_API = [
  "GET /api/v1/info",
  "HEAD /api/v1/info",
  "GET /api/v1/version",
  "HEAD /api/v1/version",
  "POST /api/v1/login",
  "PUT /api/v1/users/:user_name_or_id/activate",
].sort();

const ACCESS_VALUES = new Set<string>(["public", "session", ...PERMISSIONS]);

/**
 * Routes from `printRoutes({ method, commonPrefix: false })`: a tree whose labels append to their
 * parent's path and whose route nodes end in `(METHOD)`.
 */
function parsePrintedRoutes(printed: string): string[] {
  const out: string[] = [];
  const paths: string[] = [];
  for (const line of printed.split("\n")) {
    const m = /^((?:│ {3}| {4})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? "").length / 4;
    paths.length = depth;
    const path = (paths[depth - 1] ?? "") + m[2];
    paths[depth] = path;
    for (const method of m[3]?.split(", ") ?? []) out.push(`${method} ${path}`);
  }
  return out;
}

const key = (r: Pick<RouteAccess, "method" | "url">) => `${r.method} ${r.url}`;

it("registering a route without config.access fails, so such a server never starts", () => {
  const app = Fastify();
  requireAccessDeclarations(app);
  assert.throws(() => app.get("/api/v1/open", async () => "oops"), /GET \/api\/v1\/open declares no access rule/);
  app.get("/api/v1/declared", { config: { access: "session" } }, async () => "ok");
  assert.deepEqual(routeAccessTable(app).map(key), ["GET /api/v1/declared", "HEAD /api/v1/declared"]);
});

describeEachDialect("route guard", (dialect) => {
  const t = useTestServer({ dialect });
  const table = () => routeAccessTable(t.server.running.app);

  // Only /api is compared: outside it live the docs' static files, whose wildcard the printed tree
  // shows without its parent segment.
  it("the access table lists every /api route the router holds", () => {
    const app = t.server.running.app;
    const recorded = new Set(table().map(key));
    const methods = [...new Set(table().map((r) => r.method))];
    const printed = methods
      .flatMap((method) => parsePrintedRoutes(app.printRoutes({ method, commonPrefix: false })))
      .filter((r) => r.split(" ")[1]?.startsWith("/api/"));
    assert.ok(printed.length >= 20, `expected the router to list the API, got ${printed.length} routes`);
    assert.ok(printed.includes("GET /api/v1/current-user"), "the parser reads the router's listing");
    assert.deepEqual(
      printed.filter((r) => !recorded.has(r)),
      [],
      "routes the access hook never saw",
    );
  });

  it("every /api route declares a known access rule", () => {
    const api = table().filter((r) => r.url.startsWith("/api/"));
    assert.ok(api.length >= 20);
    const undeclared = api.filter((r) => !ACCESS_VALUES.has(r.access)).map((r) => `${key(r)} → ${String(r.access)}`);
    assert.deepEqual(undeclared, []);
  });

  it("the public /api routes are exactly SPEC §6's list", () => {
    const open = table()
      .filter((r) => r.url.startsWith("/api/") && r.access === "public")
      .map(key)
      .sort();
    assert.deepEqual(open, PUBLIC_API);
  });

  it("every other /api route answers 401 Not authenticated without credentials", async () => {
    const closed = table().filter((r) => r.url.startsWith("/api/") && r.access !== "public" && r.method !== "HEAD");
    const failures: string[] = [];
    for (const route of closed) {
      const path = route.url.replace(/:[a-z_]+/g, randomUUID());
      const reply = await t.server.anon.request(
        route.method,
        path,
        route.method === "GET" || route.method === "DELETE" ? {} : { json: {} },
      );
      if (reply.status !== 401 || reply.body?.detail !== "Not authenticated" || reply.headers.get("www-authenticate") !== "Bearer") {
        failures.push(`${key(route)} → ${reply.status} ${JSON.stringify(reply.body)}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});
