/**
 * Answers that a ZenML 0.40 client parses, compared with what a real ZenML 0.40.3 server sent
 * (test/fixtures/zenml-0.40.3-wire): status, content type, and the keys at every level in ZenML's
 * order. Where SPEC §6 deliberately differs (one error shape for every 4xx), the SPEC is asserted.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { VERSION } from "../../src/server/version.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { createUser, USER_PASSWORD } from "../helpers/fixtures.js";
import type { Reply } from "../helpers/http.js";
import { useTestServer } from "../helpers/server.js";
import { keyShape, wireSample } from "../helpers/wire.js";

const DATABASE_TYPE = { sqlite: "sqlite", postgres: "other", mysql: "mysql" } as const;

/** Same status, JSON, and the same keys in the same order as the sample's response. */
function assertLikeSample(reply: Reply, sample: number): void {
  const expected = wireSample(sample).response;
  assert.equal(reply.status, expected.status);
  assert.match(reply.headers.get("content-type") ?? "", /^application\/json/);
  assert.deepEqual(keyShape(reply.body), keyShape(expected.body));
}

/** SPEC §6: a query that does not fit is a 422 `{"detail": [name, message]}` naming the parameter. */
function assertQueryRejected(reply: Reply, sample: number, parameter: string): void {
  assert.equal(reply.status, wireSample(sample).response.status);
  assert.deepEqual(Object.keys(reply.body), ["detail"]);
  const [name, message] = reply.body.detail as [string, string];
  assert.equal(name, "ValidationError");
  assert.match(message, new RegExp(`query -> ${parameter}`));
}

describeEachDialect("ZenML wire shapes", (dialect) => {
  const t = useTestServer({ dialect });

  it("001 GET /health is the JSON string OK", async () => {
    const reply = await t.server.anon.get("/health");
    assertLikeSample(reply, 1);
    assert.equal(reply.body, "OK");
  });

  it("002 GET /info has ZenML's keys; Cohort's own version rides in a header", async () => {
    const reply = await t.server.anon.get("/api/v1/info");
    assertLikeSample(reply, 2);
    assert.equal(reply.body.version, "0.40.3");
    assert.equal(reply.body.database_type, DATABASE_TYPE[dialect.name]);
    assert.equal(reply.body.deployment_type, "other");
    assert.equal(reply.body.debug, false);
    assert.match(reply.body.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(reply.headers.get("x-cohort-version"), VERSION);
    // The id is the server's, stable across requests.
    assert.equal((await t.server.anon.get("/api/v1/info")).body.id, reply.body.id);
  });

  it("003 GET /version is the JSON string 0.40.3", async () => {
    const reply = await t.server.anon.get("/api/v1/version");
    assertLikeSample(reply, 3);
    assert.equal(reply.body, "0.40.3");
  });

  it("010 GET /current-user: the default admin with its admin role", async () => {
    const reply = await t.admin.get("/api/v1/current-user");
    assertLikeSample(reply, 10);
    assert.equal(reply.body.name, "default");
    assert.equal(reply.body.active, true);
    assert.equal(reply.body.activation_token, null);
    assert.equal(reply.body.hub_token, null);
    assert.deepEqual(
      reply.body.roles.map((r: { name: string }) => r.name),
      ["admin"],
    );
    assert.deepEqual([...reply.body.roles[0].permissions].sort(), ["me", "read", "write"]);
  });

  it("012 POST /users with a password: an active user", async () => {
    const body = wireSample(12).request.body as Record<string, string>;
    const reply = await t.admin.post("/api/v1/users", {
      ...body,
      name: `${body.name}-012`,
      email: "alice012@example.com",
      password: USER_PASSWORD,
    });
    assertLikeSample(reply, 12);
    assert.equal(reply.body.active, true);
    assert.equal(reply.body.activation_token, null);
    assert.equal(reply.body.full_name, body.full_name);
    assert.deepEqual(reply.body.roles, []);
  });

  it("013 POST /users without a password: pending, with the activation token once", async () => {
    const reply = await t.admin.post("/api/v1/users", { name: "bob-013" });
    assertLikeSample(reply, 13);
    assert.equal(reply.body.active, false);
    assert.match(reply.body.activation_token, /^[0-9a-f]{64}$/);
    assert.equal((await t.admin.get(`/api/v1/users/${reply.body.id}`)).body.activation_token, null);
  });

  it("018 GET /users: the page envelope, users in creation order", async () => {
    await createUser(t.admin);
    const reply = await t.admin.get("/api/v1/users");
    assertLikeSample(reply, 18);
    assert.equal(reply.body.index, 1);
    assert.equal(reply.body.max_size, 50);
    assert.equal(reply.body.total_pages, 1);
    assert.equal(reply.body.total, reply.body.items.length);
    assert.equal(reply.body.items[0].name, "default");
    assert.equal(
      reply.body.items.every((u: { activation_token: unknown }) => u.activation_token === null),
      true,
    );
  });

  it("021 a page past the end: 400 with ZenML's message", async () => {
    const total = (await t.admin.get("/api/v1/users")).body.total as number;
    const reply = await t.admin.get("/api/v1/users", wireSample(21).request.query);
    assertLikeSample(reply, 21);
    assert.deepEqual(reply.body, {
      detail: [
        "ValueError",
        `Invalid page 99. The requested page size is 50 and there are a total of ${total} items for this query. The maximum page value therefore is 1.`,
      ],
    });
  });

  it("024 an unknown sort field: 422 naming sort_by", async () => {
    assertQueryRejected(await t.admin.get("/api/v1/users", wireSample(24).request.query), 24, "sort_by");
  });

  it("025 size=0: 422 naming size", async () => {
    assertQueryRejected(await t.admin.get("/api/v1/users", wireSample(25).request.query), 25, "size");
  });
});
