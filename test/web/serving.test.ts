/**
 * How the server serves the dashboard (SPEC §8, §9): index.html for every page address, under a
 * CSP that allows no inline script; hashed assets cached for good, sent compressed to browsers
 * that take it; API paths never answered with the app; no referrer leaking a sign-up token.
 */
import assert from "node:assert/strict";
import { get as httpGet, type IncomingHttpHeaders } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { ensureDashboardBuilt } from "./helpers/build.js";
import { SQLITE } from "./helpers/dashboard.js";

const html = { accept: "text/html,application/xhtml+xml" };

describe("serving the dashboard", () => {
  let server: TestServer;
  before(async () => {
    await ensureDashboardBuilt();
    server = await startTestServer({ dialect: SQLITE });
  });
  after(() => server?.close());
  const get = (path: string, headers: Record<string, string> = html) => fetch(new URL(path, server.url), { headers });
  /** The bytes as sent: fetch would undo the content encoding. */
  const rawGet = (path: string, acceptEncoding: string) =>
    new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const request = httpGet(new URL(path, server.url), { headers: { "accept-encoding": acceptEncoding } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      });
      request.on("error", reject);
    });

  it("answers every page address with index.html under a strict CSP", async () => {
    for (const path of ["/", "/login", "/signup?user=x&username=y&token=z", "/settings/members", "/settings/no-such-page"]) {
      const reply = await get(path);
      assert.equal(reply.status, 200, path);
      assert.match(reply.headers.get("content-type") ?? "", /^text\/html/, path);
      assert.equal(reply.headers.get("cache-control"), "no-cache", path);
      const csp = reply.headers.get("content-security-policy") ?? "";
      assert.match(csp, /script-src 'self'(;|$)/, path);
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.equal(reply.headers.get("referrer-policy"), "no-referrer", path);
      assert.equal(reply.headers.get("x-content-type-options"), "nosniff", path);
      const body = await reply.text();
      assert.match(body, /<div id="root"><\/div>/, path);
      // The CSP refuses inline scripts, so the page must have none.
      assert.deepEqual(body.match(/<script(?![^>]*\bsrc=)[^>]*>/g), null, path);
    }
  });

  it("serves the hashed assets index.html names, cached as immutable", async () => {
    const body = await (await get("/")).text();
    const assets = [...body.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? "");
    assert.ok(assets.some((a) => a.endsWith(".js")) && assets.some((a) => a.endsWith(".css")), `assets in ${body}`);
    for (const asset of assets) {
      const reply = await get(asset, { accept: "*/*" });
      assert.equal(reply.status, 200, asset);
      assert.match(reply.headers.get("cache-control") ?? "", /immutable/, asset);
    }
    assert.equal((await get("/favicon.svg", { accept: "image/*" })).status, 200);
  });

  it("sends the build's Brotli or gzip copy of an asset to the browsers that take it", async () => {
    const body = await (await get("/")).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(body)?.[1] ?? "";
    const plain = await rawGet(script, "identity");
    for (const [accepted, encoding] of [
      ["gzip, deflate, br", "br"],
      ["gzip", "gzip"],
    ] as const) {
      const reply = await rawGet(script, accepted);
      assert.equal(reply.headers["content-encoding"], encoding, accepted);
      assert.match(String(reply.headers["content-type"]), /javascript/, accepted);
      assert.match(String(reply.headers["cache-control"]), /immutable/, accepted);
      assert.match(String(reply.headers.vary), /accept-encoding/i, accepted);
      assert.ok(reply.body.length < plain.body.length / 2, `${encoding}: ${reply.body.length} of ${plain.body.length} bytes`);
      const decoded = encoding === "br" ? brotliDecompressSync(reply.body) : gunzipSync(reply.body);
      assert.ok(decoded.equals(plain.body), `${encoding} holds the same script`);
    }
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.match(String(plain.headers.vary), /accept-encoding/i, "a cache must not hand the plain copy to others");
  });

  it("keeps unknown API paths and non-page requests as JSON 404s", async () => {
    for (const [path, headers] of [
      ["/api/v1/no-such-route", html],
      ["/api/v1", html],
      ["/no-such-file.png", { accept: "image/png" }],
      ["/assets/no-such-file.js", { accept: "*/*" }],
    ] as const) {
      const reply = await get(path, headers);
      assert.equal(reply.status, 404, path);
      assert.match(reply.headers.get("content-type") ?? "", /^application\/json/, path);
    }
  });

  it("never serves files from outside the build", async () => {
    for (const path of ["/assets/..%2f..%2fpackage.json", "/assets/%2e%2e/%2e%2e/package.json"]) {
      const reply = await get(path, { accept: "*/*" });
      assert.ok(reply.status === 403 || reply.status === 404, `${path} → ${reply.status}`);
      assert.doesNotMatch(await reply.text(), /"name": "cohort"/, path);
    }
  });
});
