/**
 * `/metrics` is not public (SPEC §9): it counts failed logins, lockouts and revoked sessions. It
 * needs a bearer token (`COHORT_METRICS_TOKEN`, compared in constant time) or is served on an
 * address of its own (`COHORT_METRICS_ADDRESS`), never beside the API without either: then the
 * API's `/metrics` is a 404 like any unknown path.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadConfig } from "../../src/server/config.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { apiClient, type Reply } from "../helpers/http.js";
import { useTestServer } from "../helpers/server.js";

const TOKEN = "scrape-4f1c9a2e7b6d8053";
const NOT_FOUND = { detail: ["KeyError", "No route GET /metrics"] };

function assertMetrics(reply: Reply, what: string): void {
  assert.equal(reply.status, 200, what);
  assert.match(reply.headers.get("content-type") ?? "", /^text\/plain; version=0\.0\.4/, what);
  assert.match(reply.body, /^cohort_login_failures_total \d+$/m, what);
}

describeEachDialect("/metrics without a token or an address of its own", (dialect) => {
  const t = useTestServer({ dialect });

  it("is a 404 like any unknown path, for everyone", async () => {
    for (const api of [t.server.anon, t.admin, t.server.api(TOKEN)]) {
      const reply = await api.get("/metrics");
      assert.deepEqual([reply.status, reply.body], [404, NOT_FOUND]);
    }
    assert.equal(t.server.running.metricsUrl, undefined);
  });
});

describeEachDialect("/metrics with COHORT_METRICS_TOKEN", (dialect) => {
  const t = useTestServer({ dialect, env: { COHORT_METRICS_TOKEN: TOKEN } });

  it("answers only the token: no credentials, a wrong token or a session's token get 401", async () => {
    const refusals: [string, Reply, unknown][] = [
      ["no credentials", await t.server.anon.get("/metrics"), { detail: "Not authenticated" }],
      ["a wrong token", await t.server.api(`${TOKEN}x`).get("/metrics"), { detail: "Invalid authentication credentials" }],
      ["a prefix of the token", await t.server.api(TOKEN.slice(0, 8)).get("/metrics"), { detail: "Invalid authentication credentials" }],
      ["the admin's session", await t.admin.get("/metrics"), { detail: "Invalid authentication credentials" }],
      [
        "not a bearer",
        await t.server.anon.request("GET", "/metrics", { headers: { authorization: `Basic ${TOKEN}` } }),
        { detail: "Not authenticated" },
      ],
    ];
    for (const [what, reply, body] of refusals) {
      assert.deepEqual([reply.status, reply.body], [401, body], what);
      assert.equal(reply.headers.get("www-authenticate"), "Bearer", what);
    }
    await t.server.attemptLogin("nobody-here", "wrong-password-xx");
    const scraped = await t.server.api(TOKEN).get("/metrics");
    assertMetrics(scraped, "the token");
    assert.ok(Number(/^cohort_login_failures_total (\d+)$/m.exec(scraped.body)?.[1]) >= 1, "failed logins are counted");
  });

  it("the token opens /metrics only, never the API", async () => {
    assert.equal((await t.server.api(TOKEN).get("/api/v1/current-user")).status, 401);
  });
});

describeEachDialect("/metrics on COHORT_METRICS_ADDRESS", (dialect) => {
  const t = useTestServer({ dialect, env: { COHORT_METRICS_ADDRESS: "127.0.0.1:0" } });

  it("is served on its own listener, and is a 404 beside the API", async () => {
    const url = t.server.running.metricsUrl;
    assert.ok(url, "the listener's URL");
    assert.notEqual(new URL(url).port, new URL(t.server.url).port);
    assertMetrics(await apiClient(url).get("/metrics"), "the metrics listener");
    assert.equal((await apiClient(url).get("/api/v1/info")).status, 404, "the metrics listener serves nothing else");
    assert.deepEqual((await t.admin.get("/metrics")).body, NOT_FOUND);
  });
});

describeEachDialect("/metrics on COHORT_METRICS_ADDRESS with COHORT_METRICS_TOKEN", (dialect) => {
  const t = useTestServer({ dialect, env: { COHORT_METRICS_ADDRESS: "127.0.0.1:0", COHORT_METRICS_TOKEN: TOKEN } });

  it("the listener of its own asks for the token too", async () => {
    const url = t.server.running.metricsUrl!;
    const refused = await apiClient(url).get("/metrics");
    assert.deepEqual([refused.status, refused.body], [401, { detail: "Not authenticated" }]);
    assert.equal((await apiClient(url, "wrong").get("/metrics")).status, 401);
    assertMetrics(await apiClient(url, TOKEN).get("/metrics"), "the token, on the listener");
    assert.deepEqual((await t.server.api(TOKEN).get("/metrics")).body, NOT_FOUND);
  });
});

describe("metrics settings", () => {
  it("an address must be HOST:PORT, and a token long enough not to be guessed", () => {
    assert.deepEqual(loadConfig({ COHORT_METRICS_ADDRESS: "127.0.0.1:9464" }).metricsAddress, { host: "127.0.0.1", port: 9464 });
    assert.deepEqual(loadConfig({ COHORT_METRICS_ADDRESS: "[::1]:9464" }).metricsAddress, { host: "::1", port: 9464 });
    for (const bad of ["9464", "localhost", "127.0.0.1:", "127.0.0.1:70000", ":9464"]) {
      assert.throws(() => loadConfig({ COHORT_METRICS_ADDRESS: bad }), /COHORT_METRICS_ADDRESS must be HOST:PORT/, bad);
    }
    assert.throws(() => loadConfig({ COHORT_METRICS_TOKEN: "short" }), /COHORT_METRICS_TOKEN must be at least 16 characters/);
    assert.equal(loadConfig({}).metricsToken, undefined);
  });
});
