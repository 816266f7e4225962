/**
 * Denials answered 404 are audited (SPEC §9): someone else's private stack does not exist for you
 * (§4 rule 4), but your get, update, share or delete of it is a refusal like any 403, and the audit
 * log names who tried what. An id that exists nowhere is no denial and leaves nothing, and the
 * caller cannot tell the two apart: the answers are the same, byte for byte.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { before, it } from "node:test";
import type { WireAuditEvent } from "../../src/core/audit-events.js";
import type { WireStack } from "../../src/server/presenters/wire.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { createActiveUser, type ActiveUser } from "../helpers/fixtures.js";
import { rawRequest } from "../helpers/raw-http.js";
import { useTestServer } from "../helpers/server.js";
import { API, callerOf, getWorkspace, registerStack } from "../helpers/stacks.js";

describeEachDialect("denials answered 404", (dialect) => {
  const t = useTestServer({ dialect });
  let other: ActiveUser;
  let stack: WireStack;

  before(async () => {
    const owner = await callerOf((await createActiveUser(t.server, t.admin, ["read", "write"])).api);
    other = await createActiveUser(t.server, t.admin, ["read", "write"]);
    stack = await registerStack(owner, await getWorkspace(t.admin, "default"));
  });

  const deniedTo = async (user: ActiveUser): Promise<WireAuditEvent[]> => {
    const reply = await t.admin.get(`${API}/audit_events`, { actor_id: user.user.id, outcome: "denied", size: "100" });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return reply.body.items as WireAuditEvent[];
  };

  it("a non-owner's get, update, share and delete of a private stack each leave a denied event naming the actor and the route", async () => {
    const attempts: [string, unknown][] = [
      ["GET", undefined],
      ["PUT", { description: "mine now" }],
      ["PUT", { is_shared: true }],
      ["DELETE", undefined],
    ];
    for (const [method, json] of attempts) {
      const reply = await other.api.request(method, `${API}/stacks/${stack.id}`, { json });
      assert.equal(reply.status, 404, `${method} ${JSON.stringify(json)}`);
    }
    const events = await deniedTo(other);
    assert.deepEqual(events.map((e) => e.action).sort(), [
      "DELETE /api/v1/stacks/:stack_id",
      "GET /api/v1/stacks/:stack_id",
      "PUT /api/v1/stacks/:stack_id",
      "PUT /api/v1/stacks/:stack_id",
    ]);
    for (const event of events) {
      assert.deepEqual([event.actor_id, event.actor_name, event.outcome], [other.user.id, other.user.name, "denied"]);
      assert.match(String(event.summary.reason), new RegExp(stack.id), "the event names what was hidden");
    }
  });

  it("an id that exists nowhere leaves no event, and gets the very bytes a hidden one gets", async () => {
    const ghost = randomUUID();
    const before = (await deniedTo(other)).length;
    const raw = (id: string) =>
      rawRequest(t.server.url, { method: "GET", path: `${API}/stacks/${id}`, headers: { authorization: `Bearer ${other.token}` } });
    const missing = await raw(ghost);
    assert.equal(missing.status, 404);
    assert.equal((await deniedTo(other)).length, before, "a missing id is no denial");
    const hidden = await raw(stack.id);
    assert.equal((await deniedTo(other)).length, before + 1);
    assert.equal(hidden.text, missing.text.replaceAll(ghost, stack.id));
    const shown = (reply: typeof hidden) =>
      Object.entries(reply.headers)
        .filter(([name]) => !["date", "x-request-id"].includes(name))
        .map(([name, value]) => `${name}: ${String(value).replaceAll(ghost, stack.id)}`)
        .sort();
    assert.deepEqual(shown(hidden), shown(missing));
  });
});
