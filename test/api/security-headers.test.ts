/**
 * Response headers of SPEC §9 on every kind of answer (public, authenticated, error, unknown
 * route, unroutable URL): no MIME sniffing, no referrer leaking a sign-up token, and no framing;
 * no API answer kept in any cache (they carry activation tokens and emails); HSTS when the server
 * is reached over https.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachDialect } from "../helpers/dialects.js";
import type { Reply } from "../helpers/http.js";
import { uniqueName } from "../helpers/fixtures.js";
import { useTestServer } from "../helpers/server.js";

function assertHardened(reply: Reply, what: string): void {
  assert.equal(reply.headers.get("x-content-type-options"), "nosniff", what);
  assert.equal(reply.headers.get("referrer-policy"), "no-referrer", what);
  assert.equal(reply.headers.get("x-frame-options"), "DENY", what);
  assert.match(reply.headers.get("content-security-policy") ?? "", /frame-ancestors 'none'/, what);
}

describeEachDialect("security headers", (dialect) => {
  const t = useTestServer({ dialect });

  it("are on public, authenticated, error and unknown-route answers", async () => {
    const answers: [string, Reply][] = [
      ["GET /health", await t.server.anon.get("/health")],
      ["GET /info", await t.server.anon.get("/api/v1/info")],
      ["GET /current-user", await t.admin.get("/api/v1/current-user")],
      ["401", await t.server.anon.get("/api/v1/current-user")],
      ["422", await t.admin.post("/api/v1/users", { bogus: true })],
      ["404", await t.server.anon.get("/api/v1/no-such-route")],
      ["400 for a URL that cannot be routed", await t.server.anon.get("/api/v1/users/%ff")],
      ["422 for a NUL in the URL", await t.server.anon.get("/api/v1/users/a%00b")],
      ["failed login", await t.server.attemptLogin("nobody", "wrong-password-xx")],
    ];
    for (const [what, reply] of answers) assertHardened(reply, what);
  });

  it("API answers carry a CSP that allows nothing; pages carry the dashboard's", async () => {
    const api = await t.admin.get("/api/v1/current-user");
    assert.equal(api.headers.get("content-security-policy"), "default-src 'none'; frame-ancestors 'none'");
    assert.equal(api.headers.get("cross-origin-resource-policy"), "same-origin");
    const page = await t.server.anon.get("/login");
    assert.match(page.headers.get("content-security-policy") ?? "", /script-src 'self'/);
    assert.equal(page.headers.get("cross-origin-opener-policy"), "same-origin");
    for (const reply of [api, page]) assert.match(reply.headers.get("x-request-id") ?? "", /\S/);
  });

  it("every API answer says no-store; without https there is no HSTS", async () => {
    const invited = await t.admin.post("/api/v1/users", { name: uniqueName("cached") });
    assert.match(invited.body.activation_token ?? "", /^[0-9a-f]{64}$/);
    const answers: [string, Reply][] = [
      ["an activation token", invited],
      ["GET /current-user", await t.admin.get("/api/v1/current-user")],
      ["GET /users", await t.admin.get("/api/v1/users")],
      ["GET /info", await t.server.anon.get("/api/v1/info")],
      ["401", await t.server.anon.get("/api/v1/current-user")],
      ["404", await t.server.anon.get("/api/v1/no-such-route")],
      ["400 for a URL that cannot be routed", await t.server.anon.get("/api/v1/users/%ff")],
      ["failed login", await t.server.attemptLogin("nobody", "wrong-password-xx")],
    ];
    for (const [what, reply] of answers) {
      assert.equal(reply.headers.get("cache-control"), "no-store", what);
      assert.equal(reply.headers.get("strict-transport-security"), null, what);
    }
  });

  it("an unknown route is a JSON 404 in the wire error shape", async () => {
    const reply = await t.server.anon.get("/api/v1/no-such-route");
    assert.equal(reply.status, 404);
    assert.deepEqual(reply.body, { detail: ["KeyError", "No route GET /api/v1/no-such-route"] });
  });
});

describeEachDialect("security headers behind https", (dialect) => {
  const t = useTestServer({ dialect, env: { COHORT_BASE_URL: "https://cohort.example.org" } });

  it("every answer carries Strict-Transport-Security, API answers no-store as well", async () => {
    const answers: [string, Reply][] = [
      ["an activation token", await t.admin.post("/api/v1/users", { name: uniqueName("cached") })],
      ["GET /current-user", await t.admin.get("/api/v1/current-user")],
      ["401", await t.server.anon.get("/api/v1/current-user")],
      ["404", await t.server.anon.get("/api/v1/no-such-route")],
      ["400 for a URL that cannot be routed", await t.server.anon.get("/api/v1/users/%ff")],
      ["GET /health", await t.server.anon.get("/health")],
      ["the dashboard", await t.server.anon.get("/login")],
    ];
    for (const [what, reply] of answers) {
      assert.equal(reply.headers.get("strict-transport-security"), "max-age=31536000; includeSubDomains", what);
      if (what !== "GET /health" && what !== "the dashboard") assert.equal(reply.headers.get("cache-control"), "no-store", what);
    }
  });
});
