/**
 * The server's request log (observability/request-log.ts): one line per answered request, with
 * what an operator needs to follow it, and never a credential. The sign-up page's URL carries an
 * activation token; Fastify's default line wrote it in clear.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { after, before, it } from "node:test";
import { loadConfig } from "../../src/server/config.js";
import { startServer, type RunningServer } from "../../src/server/main.js";
import type { FastifyRequest } from "fastify";
import { LOG_SERIALIZERS, loggedUrl } from "../../src/server/observability/request-log.js";
import type { WireUser } from "../../src/server/presenters/wire.js";
import { DIALECTS } from "../helpers/dialects.js";
import { uniqueName } from "../helpers/fixtures.js";
import { apiClient } from "../helpers/http.js";
import { ADMIN_NAME, ADMIN_PASSWORD } from "../helpers/server.js";

const sqlite = DIALECTS.find((d) => d.name === "sqlite");
if (!sqlite) throw new Error("SQLite always runs");

const lines: Record<string, unknown>[] = [];
const stream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString("utf8").split("\n")) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});
let server: RunningServer;
let cleanup: () => Promise<void>;

before(async () => {
  const database = await sqlite.createDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), "cohort_data_"));
  const config = loadConfig(
    { COHORT_DEFAULT_USER_PASSWORD: ADMIN_PASSWORD },
    { host: "127.0.0.1", port: 0, databaseUrl: database.url, dataDir },
  );
  server = await startServer(config, { logger: { level: "info", stream } });
  cleanup = async () => {
    await server.close();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
});
after(() => cleanup?.());

/** The log lines about requests with this id, once there is one: the line is written as the answer finishes, which may trail the client's read. */
async function linesOf(reqId: string): Promise<Record<string, unknown>[]> {
  for (let waited = 0; waited < 5000; waited += 20) {
    const found = lines.filter((line) => line.reqId === reqId);
    if (found.length > 0) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return [];
}

it("writes one line per request: method, URL, status, time, address and request id", async () => {
  const reply = await fetch(`${server.url}/api/v1/info`, { headers: { "x-request-id": "log-test-1" } });
  assert.equal(reply.status, 200);
  const [line, ...more] = await linesOf("log-test-1");
  assert.deepEqual(more, []);
  assert.equal(line?.msg, "request completed");
  assert.equal(line?.method, "GET");
  assert.equal(line?.url, "/api/v1/info");
  assert.equal(line?.statusCode, 200);
  assert.equal(typeof line?.responseTime, "number");
  assert.equal(line?.remoteAddress, "127.0.0.1");
});

it("never writes an activation token: the sign-up page's URL is logged with it filtered", async () => {
  const admin = apiClient(
    server.url,
    await (async () => {
      const form = new URLSearchParams({ grant_type: "password", username: ADMIN_NAME, password: ADMIN_PASSWORD });
      const login = await fetch(`${server.url}/api/v1/login`, { method: "POST", body: form });
      return ((await login.json()) as { access_token: string }).access_token;
    })(),
  );
  const invited = (await admin.post("/api/v1/users", { name: uniqueName() })).body as WireUser;
  const token = invited.activation_token;
  assert.ok(token);
  const page = await fetch(`${server.url}/signup?user=${invited.id}&username=${invited.name}&token=${token}`, {
    headers: { "x-request-id": "log-test-2", accept: "text/html" },
  });
  assert.equal(page.status, 200);
  const [line] = await linesOf("log-test-2");
  assert.equal(line?.url, `/signup?user=${invited.id}&username=${invited.name}&token=[FILTERED]`);
  // An unknown route's request gets its one line too, filtered the same way.
  const unknown = await fetch(`${server.url}/api/v1/nowhere?token=${token}`, { headers: { "x-request-id": "log-test-3" } });
  assert.equal(unknown.status, 404);
  const [notFound, ...more] = await linesOf("log-test-3");
  assert.deepEqual(more, []);
  assert.equal(notFound?.statusCode, 404);
  assert.equal(notFound?.url, "/api/v1/nowhere?token=[FILTERED]");
  assert.ok(!lines.some((logged) => JSON.stringify(logged).includes(token)), "the token appears in the log");
});

it("a request passed to any log line is shown with its URL filtered", () => {
  const request = { method: "GET", url: "/signup?user=u&token=abc", ip: "127.0.0.1" } as FastifyRequest;
  assert.deepEqual(LOG_SERIALIZERS.req(request), { method: "GET", url: "/signup?user=u&token=[FILTERED]", remoteAddress: "127.0.0.1" });
});

it("filters every query value named like a secret, however its name is encoded", () => {
  assert.equal(loggedUrl("/a?token=abc&size=5"), "/a?token=[FILTERED]&size=5");
  assert.equal(loggedUrl("/a?%74oken=abc"), "/a?%74oken=[FILTERED]");
  assert.equal(
    loggedUrl("/a?activation_token=abc&Password=x&api_key=k&client_secret=s"),
    "/a?activation_token=[FILTERED]&Password=[FILTERED]&api_key=[FILTERED]&client_secret=[FILTERED]",
  );
  assert.equal(loggedUrl("/a?name=token&sort_by=created"), "/a?name=token&sort_by=created");
  assert.equal(loggedUrl("/a?%E0%A4%A=1&token"), "/a?%E0%A4%A=1&token");
  assert.equal(loggedUrl("/api/v1/users"), "/api/v1/users");
});
