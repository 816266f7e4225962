/**
 * Invitations and activation (SPEC §5.3): `PUT /users/{id}/activate` with the token from the
 * sign-up link and a password activates the user. The token is required, single-use and expires;
 * every failure is the same 401 and changes nothing.
 */
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { it } from "node:test";
import type { WireUser } from "../../src/server/presenters/wire.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { ACTIVATION_FAILED, activateUser, createUser, uniqueName, USER_PASSWORD } from "../helpers/fixtures.js";
import { useTestServer, type ServerFixture } from "../helpers/server.js";
import type { WireAuditEvent } from "../../src/core/audit-events.js";

const activate = (t: ServerFixture, user: string, body: Record<string, unknown>) => activateUser(t.server.anon, user, body);

/** The audit log's failed activations of the user named (by name or id) `who`. */
async function failedActivations(t: ServerFixture, who: string): Promise<WireAuditEvent[]> {
  const reply = await t.admin.get("/api/v1/audit_events", { action: "user.activate", outcome: "failure", target_name: who });
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  return reply.body.items as WireAuditEvent[];
}

/** The user is still pending: not active, and the password sent did not become theirs. */
async function assertStillPending(t: ServerFixture, user: WireUser, password = USER_PASSWORD): Promise<void> {
  assert.equal((await t.admin.get(`/api/v1/users/${user.id}`)).body.active, false);
  assert.equal((await t.server.attemptLogin(user.name, password)).status, 401);
}

describeEachDialect("activation", (dialect) => {
  const t = useTestServer({ dialect });

  it("the token and a password activate the user, who can then log in", async () => {
    const invited = await createUser(t.admin);
    const reply = await activate(t, invited.id, {
      activation_token: invited.activation_token,
      password: USER_PASSWORD,
      full_name: "Bob B",
    });
    assert.equal(reply.status, 200);
    assert.equal(reply.body.id, invited.id);
    assert.equal(reply.body.active, true);
    assert.equal(reply.body.full_name, "Bob B");
    assert.equal(reply.body.activation_token, null);
    const token = await t.server.login(invited.name, USER_PASSWORD);
    assert.equal((await t.server.api(token).get("/api/v1/current-user")).body.name, invited.name);
  });

  it("the path may name the user instead of giving the id", async () => {
    const invited = await createUser(t.admin);
    const reply = await activate(t, invited.name, { activation_token: invited.activation_token, password: USER_PASSWORD });
    assert.equal(reply.status, 200);
    assert.equal(reply.body.active, true);
  });

  it("a used token fails with the same 401 and changes nothing", async () => {
    const invited = await createUser(t.admin);
    const body = { activation_token: invited.activation_token, password: USER_PASSWORD };
    assert.equal((await activate(t, invited.id, body)).status, 200);
    const again = await activate(t, invited.id, { ...body, password: "another-password-8812" });
    assert.equal(again.status, 401);
    assert.deepEqual(again.body, ACTIVATION_FAILED);
    assert.equal((await t.server.attemptLogin(invited.name, USER_PASSWORD)).status, 200, "the first password stands");
  });

  it("a wrong token, or another user's, fails with the same 401 and changes nothing", async () => {
    const invited = await createUser(t.admin);
    const other = await createUser(t.admin);
    const wrong = [
      "0".repeat(64),
      invited.activation_token!.slice(0, 63) + (invited.activation_token!.endsWith("0") ? "1" : "0"),
      other.activation_token!,
      invited.activation_token!.toUpperCase(),
      "",
      "not-hex",
    ];
    for (const token of wrong) {
      const reply = await activate(t, invited.id, { activation_token: token, password: USER_PASSWORD, name: uniqueName() });
      assert.equal(reply.status, 401, token);
      assert.deepEqual(reply.body, ACTIVATION_FAILED);
    }
    await assertStillPending(t, invited);
    assert.equal((await t.admin.get(`/api/v1/users/${invited.id}`)).body.name, invited.name, "the name did not change");
    // The right token still works afterwards.
    assert.equal((await activate(t, invited.id, { activation_token: invited.activation_token, password: USER_PASSWORD })).status, 200);
  });

  it("an unknown user fails with the same 401", async () => {
    const invited = await createUser(t.admin);
    for (const who of ["nobody-at-all", "00000000-0000-4000-8000-000000000000"]) {
      const reply = await activate(t, who, { activation_token: invited.activation_token, password: USER_PASSWORD });
      assert.equal(reply.status, 401);
      assert.deepEqual(reply.body, ACTIVATION_FAILED);
    }
  });

  it("every failure leaves a failure event in the audit log: wrong token, used token, unknown user", async () => {
    const invited = await createUser(t.admin);
    await activate(t, invited.id, { activation_token: "0".repeat(64), password: USER_PASSWORD });
    const wrong = await failedActivations(t, invited.name);
    assert.equal(wrong.length, 1);
    assert.deepEqual([wrong[0]!.target_type, wrong[0]!.target_id, wrong[0]!.actor_id], ["user", invited.id, null]);
    assert.equal(wrong[0]!.summary.reason, "wrong token");

    const body = { activation_token: invited.activation_token, password: USER_PASSWORD };
    assert.equal((await activate(t, invited.id, body)).status, 200);
    assert.equal((await activate(t, invited.name, body)).status, 401);
    const used = await failedActivations(t, invited.name);
    assert.equal(used.length, 2);
    assert.equal(used[0]!.summary.reason, "not pending");

    const nobody = uniqueName("nobody");
    await activate(t, nobody, body);
    const unknown = await failedActivations(t, nobody);
    assert.deepEqual(
      unknown.map((e) => [e.target_id, e.summary.reason]),
      [[null, "unknown user"]],
    );
  });

  it("an active user cannot be re-activated to reset their password", async () => {
    const invited = await createUser(t.admin);
    await activate(t, invited.id, { activation_token: invited.activation_token, password: USER_PASSWORD });
    const reply = await activate(t, invited.id, { activation_token: invited.activation_token, password: "takeover-password-991" });
    assert.deepEqual(reply.body, ACTIVATION_FAILED);
    assert.equal((await t.server.attemptLogin(invited.name, "takeover-password-991")).status, 401);
  });

  it("a password the policy refuses is a 422, and the token stays usable", async () => {
    const invited = await createUser(t.admin);
    const weak = await activate(t, invited.id, { activation_token: invited.activation_token, password: "short" });
    assert.equal(weak.status, 422);
    assert.equal(weak.body.detail[0], "ValidationError");
    await assertStillPending(t, invited, "short");
    assert.equal((await activate(t, invited.id, { activation_token: invited.activation_token, password: USER_PASSWORD })).status, 200);
  });
});

describeEachDialect("activation with a 1-second invite TTL", (dialect) => {
  const t = useTestServer({ dialect, env: { COHORT_INVITE_TTL: "1s" } });

  it("an expired token fails with the same 401 and changes nothing", async () => {
    const invited = await createUser(t.admin);
    await sleep(1200);
    const reply = await activate(t, invited.id, { activation_token: invited.activation_token, password: USER_PASSWORD });
    assert.equal(reply.status, 401);
    assert.deepEqual(reply.body, ACTIVATION_FAILED);
    await assertStillPending(t, invited);
    assert.deepEqual(
      (await failedActivations(t, invited.name)).map((e) => e.summary.reason),
      ["expired"],
    );
  });
});
