/**
 * Reading the audit log (SPEC §6, issue 5 item 6): `GET /audit_events` for those holding `write`
 * globally, and the `audit:read` ability that tells the dashboard so; filters by action, actor and
 * a time range; `?format=jsonl` exports the same events as JSON lines.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachDialect } from "../helpers/dialects.js";
import { assignRole, createActiveUser, createUser, uniqueName } from "../helpers/fixtures.js";
import { SESSION_COOKIE } from "../../src/server/http/access.js";
import { ADMIN_NAME, ADMIN_PASSWORD, useTestServer } from "../helpers/server.js";

/** A time as list filters take it, `YYYY-MM-DD HH:MM:SS`, `seconds` from now. */
const at = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString().replace("T", " ").slice(0, 19);

describeEachDialect("audit events", (dialect) => {
  const t = useTestServer({ dialect });

  it("an admin may read them and is told so; a guest is not, and is refused", async () => {
    assert.equal((await t.admin.get("/api/v1/current-user/abilities")).body.global["audit:read"], true);
    assert.equal((await t.admin.get("/api/v1/audit_events")).status, 200);
    const guest = await createActiveUser(t.server, t.admin);
    await assignRole(t.admin, guest.user.id, "guest");
    assert.equal((await guest.api.get("/api/v1/current-user/abilities")).body.global["audit:read"], false);
    const refused = await guest.api.get("/api/v1/audit_events");
    assert.equal(refused.status, 403);
    assert.equal((await guest.api.get("/api/v1/audit_events", { format: "jsonl" })).status, 403);
  });

  it("a refused request leaves a denied event: who, which route, why (SPEC §4: denials are logged)", async () => {
    const guest = await createActiveUser(t.server, t.admin);
    await assignRole(t.admin, guest.user.id, "guest");
    const writer = await createActiveUser(t.server, t.admin, ["read", "write"]);
    assert.equal((await guest.api.post("/api/v1/users", { name: uniqueName() })).status, 403);
    assert.equal((await writer.api.delete("/api/v1/users/default")).status, 403);
    const deniedTo = async (actor: string) =>
      (await t.admin.get("/api/v1/audit_events", { actor_name: actor, outcome: "denied" })).body.items.map(
        (e: { action: string; target_type: string; summary: { reason: string } }) => [e.action, e.target_type, e.summary.reason],
      );
    assert.deepEqual(await deniedTo(guest.user.name), [["POST /api/v1/users", "request", "Not enough permissions"]]);
    assert.deepEqual(await deniedTo(writer.user.name), [
      ["DELETE /api/v1/users/:user_name_or_id", "request", "The default user account cannot be deleted."],
    ]);
    // A reason is kept to its first 300 characters: a refusal naming a long name stays bounded.
    const longName = uniqueName("a".repeat(240));
    const boss = await createUser(t.admin, { name: longName });
    await assignRole(t.admin, boss.id, "admin");
    const refused = await writer.api.put(`/api/v1/users/${boss.id}/deactivate`);
    assert.equal(refused.status, 403);
    const [, , reason] = (await deniedTo(writer.user.name))[0];
    assert.equal(reason, refused.body.detail[1].slice(0, 300));
    assert.equal(reason.length, 300);
  });

  it("a refusal before the caller is known (a dashboard cookie without its CSRF header) is logged without an actor", async () => {
    const token = await t.server.login(ADMIN_NAME, ADMIN_PASSWORD);
    const name = uniqueName("csrf");
    const refused = await t.server.anon.request("POST", "/api/v1/users", {
      json: { name },
      headers: { cookie: `${SESSION_COOKIE}=${token}` },
    });
    assert.equal(refused.status, 403);
    const events = (await t.admin.get("/api/v1/audit_events", { outcome: "denied", action: "POST /api/v1/users" })).body.items;
    const csrf = events.find((e: { summary: { reason: string } }) => e.summary.reason.startsWith("Missing or invalid CSRF token"));
    assert.ok(csrf, JSON.stringify(events));
    assert.deepEqual([csrf.actor_id, csrf.actor_name, csrf.source], [null, null, "127.0.0.1"]);
  });

  it("filters by action, actor and a time range, newest first", async () => {
    const invited = await createUser(t.admin, { name: uniqueName("audited") });
    const query = { action: "user.invite", target_name: invited.name };
    const found = (await t.admin.get("/api/v1/audit_events", query)).body;
    assert.equal(found.total, 1);
    assert.equal(found.items[0].actor_name, "default");
    assert.equal(found.items[0].outcome, "success");
    assert.equal((await t.admin.get("/api/v1/audit_events", { ...query, actor_name: "someone-else" })).body.total, 0);

    // A range is the time field given twice.
    const range = (from: string, to: string) => `created=gte:${from}&created=lt:${to}`;
    const inRange = await t.admin.get(`/api/v1/audit_events?target_name=${invited.name}&${range(at(-60), at(60))}`);
    assert.equal(inRange.status, 200, JSON.stringify(inRange.body));
    assert.equal(inRange.body.total, 1);
    assert.equal((await t.admin.get(`/api/v1/audit_events?target_name=${invited.name}&${range(at(60), at(120))}`)).body.total, 0);
    // Three times is no range, and other fields still take one value.
    assert.equal((await t.admin.get(`/api/v1/audit_events?${range(at(-60), at(60))}&created=gte:${at(-1)}`)).status, 422);
    assert.equal((await t.admin.get("/api/v1/audit_events?action=a&action=b")).status, 422);

    await t.admin.put(`/api/v1/users/${invited.id}/deactivate`);
    const both = (await t.admin.get("/api/v1/audit_events", { target_name: invited.name })).body.items;
    assert.deepEqual(
      both.map((e: { action: string }) => e.action),
      ["user.deactivate", "user.invite"],
    );
  });

  it("exports the filtered events as JSON lines", async () => {
    const invited = await createUser(t.admin, { name: uniqueName("exported") });
    await t.admin.put(`/api/v1/users/${invited.id}/deactivate`);
    const reply = await t.admin.get("/api/v1/audit_events", { target_name: invited.name, format: "jsonl" });
    assert.equal(reply.status, 200);
    assert.match(reply.headers.get("content-type") ?? "", /^application\/x-ndjson/);
    const events = (reply.body as string)
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    assert.deepEqual(
      events.map((e) => [e.action, e.target_id]),
      [
        ["user.deactivate", invited.id],
        ["user.invite", invited.id],
      ],
    );
  });
});
