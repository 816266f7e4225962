/**
 * What request bodies the API takes (SPEC §6, §9, §10): JSON with or without a Content-Type (the
 * ZenML CLI sends none), nothing it does not know (422 naming the field), clear 422s for bodies
 * that are not JSON, and a 1 MiB cap answered with a JSON 413. A refused body writes nothing.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachDialect } from "../helpers/dialects.js";
import { uniqueName } from "../helpers/fixtures.js";
import type { Reply } from "../helpers/http.js";
import { useTestServer } from "../helpers/server.js";

const MIB = 1024 * 1024;
/** With the JSON label, and without any (as the ZenML CLI sends). */
const JSON_LABELS: Record<string, string>[] = [{ "content-type": "application/json" }, {}];

function assertRejected(reply: Reply, status: number, pattern: RegExp): void {
  assert.equal(reply.status, status, JSON.stringify(reply.body));
  assert.match(reply.headers.get("content-type") ?? "", /^application\/json/);
  assert.deepEqual(Object.keys(reply.body), ["detail"]);
  assert.equal(reply.body.detail.length, 2);
  assert.match(reply.body.detail[1], pattern);
}

describeEachDialect("request bodies", (dialect) => {
  const t = useTestServer({ dialect });

  async function userExists(name: string): Promise<boolean> {
    const reply = await t.admin.get("/api/v1/users", { name: `equals:${name}` });
    assert.equal(reply.status, 200);
    return reply.body.total > 0;
  }

  it("JSON without a Content-Type is read as JSON, as the ZenML CLI sends it", async () => {
    const name = uniqueName();
    const reply = await t.admin.request("POST", "/api/v1/users", { raw: JSON.stringify({ name }) });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.equal(reply.body.name, name);
    const update = await t.admin.request("PUT", "/api/v1/current-user", { raw: JSON.stringify({ full_name: "No Header" }) });
    assert.equal(update.status, 200);
    assert.equal(update.body.full_name, "No Header");
  });

  it("JSON labelled text/plain or form-encoded is still read as JSON", async () => {
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded"]) {
      const name = uniqueName();
      const reply = await t.admin.request("POST", "/api/v1/users", {
        raw: JSON.stringify({ name }),
        headers: { "content-type": contentType },
      });
      assert.equal(reply.status, 200, contentType);
      assert.equal(await userExists(name), true);
    }
  });

  it("an unknown field is a 422 naming it, and nothing is created", async () => {
    const name = uniqueName();
    const reply = await t.admin.post("/api/v1/users", { name, nickname: "cc" });
    assertRejected(reply, 422, /body -> nickname: extra fields not permitted/);
    assert.equal(reply.body.detail[0], "ValidationError");
    assert.equal(await userExists(name), false);
  });

  it("a missing or mistyped field is a 422 naming it", async () => {
    assertRejected(await t.admin.post("/api/v1/users", { full_name: "No Name" }), 422, /body -> name: field required/);
    assertRejected(await t.admin.post("/api/v1/users", { name: 42 }), 422, /body -> name/);
    assertRejected(await t.admin.post("/api/v1/users", [{ name: uniqueName() }]), 422, /body/);
    const ws = (await t.admin.get("/api/v1/workspaces/default")).body as { id: string };
    const me = (await t.admin.get("/api/v1/current-user")).body as { id: string };
    const stacks = `/api/v1/workspaces/${ws.id}/stacks`;
    const stack = { name: uniqueName("stack"), components: {}, user: me.id };
    assertRejected(await t.admin.post(stacks, stack), 422, /body -> workspace: field required/);
    assertRejected(await t.admin.post(stacks, { ...stack, workspace: "default" }), 422, /body -> workspace: must be a UUID/);
  });

  it("malformed JSON is a 422, with or without a Content-Type", async () => {
    for (const headers of JSON_LABELS) {
      const reply = await t.admin.request("POST", "/api/v1/users", { raw: '{"name": ', headers });
      assertRejected(reply, 422, /not valid JSON/);
      assert.equal(reply.body.detail[0], "ValidationError");
    }
  });

  it("a body over 1 MiB is a JSON 413, and nothing is created", async () => {
    const name = uniqueName();
    const raw = JSON.stringify({ name, full_name: "x".repeat(MIB) });
    for (const headers of JSON_LABELS) {
      const reply = await t.admin.request("POST", "/api/v1/users", { raw, headers });
      assertRejected(reply, 413, /too large/);
      assert.deepEqual(reply.body.detail, ["ValueError", "The request body is too large (at most 1 MiB)."]);
    }
    assert.equal(await userExists(name), false);
    const login = await t.server.anon.request("POST", "/api/v1/login", { form: { username: "default", password: "x".repeat(MIB) } });
    assert.equal(login.status, 413);
  });

  it("a body just under the cap is parsed and judged on its content", async () => {
    const reply = await t.admin.request("POST", "/api/v1/users", {
      raw: JSON.stringify({ name: uniqueName(), full_name: "x".repeat(MIB - 100) }),
    });
    assertRejected(reply, 422, /body -> full_name/);
  });
});
