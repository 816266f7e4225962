/**
 * Lifting a lockout (SPEC §5.1): `PUT /users/{name_or_id}/unlock` clears the account's failure
 * counters (never the address's), needs `write` globally and rule 9 of §4, and is audited. The
 * hole this closes: ten anonymous failures locked an account out again and again, and nobody
 * could let its owner back in before the window passed. The dashboard learns from the `unlock`
 * ability whether to offer it: true only while the account is locked and the actor may unlock it.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachDialect } from "../helpers/dialects.js";
import { assignRole, createActiveUser, uniqueName, USER_PASSWORD } from "../helpers/fixtures.js";
import { apiClient, expectStatus, type Api } from "../helpers/http.js";
import { useTestServer, type TestServer } from "../helpers/server.js";

const LIMIT = 10;
const PER_ADDRESS = 25;

/** A login from `from` (the server trusts one proxy hop). */
function loginFrom(server: TestServer, from: string, username: string, password: string) {
  return apiClient(server.url).request("POST", "/api/v1/login", {
    form: { username, password },
    headers: { "x-forwarded-for": from },
  });
}

async function lockOut(server: TestServer, username: string, from: string): Promise<void> {
  for (let i = 0; i < LIMIT; i++) {
    assert.equal((await loginFrom(server, from, username, `wrong-password-${i}-xxxx`)).status, 401);
  }
  assert.equal((await loginFrom(server, from, username, USER_PASSWORD)).status, 429, `${username} is locked out`);
}

async function unlockAbility(api: Api, userId: string): Promise<boolean> {
  const reply = expectStatus(await api.get("/api/v1/current-user/abilities", { users: userId }), 200, "abilities");
  return reply.body.users[userId].unlock as boolean;
}

let nextAddress = 1;
const address = () => `198.51.100.${nextAddress++}`;

describeEachDialect("login unlock", (dialect) => {
  const t = useTestServer({ dialect, env: { COHORT_TRUST_PROXY: "1", COHORT_LOGIN_MAX_FAILURES_PER_ADDRESS: String(PER_ADDRESS) } });

  it("an admin unlocks a locked account, by name or id; the owner logs in at once; it is audited", async () => {
    const { user } = await createActiveUser(t.server, t.admin);
    await lockOut(t.server, user.name, address());
    const reply = await t.admin.put(`/api/v1/users/${user.name}/unlock`);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.equal(reply.body.id, user.id);
    assert.equal((await loginFrom(t.server, address(), user.id, USER_PASSWORD)).status, 200);

    await lockOut(t.server, user.id, address());
    expectStatus(await t.admin.put(`/api/v1/users/${user.id}/unlock`), 200, "unlock by id");
    assert.equal((await loginFrom(t.server, address(), user.name.toUpperCase(), USER_PASSWORD)).status, 200);

    const events = await t.admin.get("/api/v1/audit_events", { action: "user.unlock", target_id: user.id });
    assert.equal(events.body.items.length, 2);
    assert.equal(events.body.items[0].outcome, "success");
    assert.equal(events.body.items[0].actor_name, "default");
  });

  it("clears the account's counters, not the address's", async () => {
    const { user } = await createActiveUser(t.server, t.admin);
    const proxy = address();
    await lockOut(t.server, user.name, proxy);
    for (let i = LIMIT; i < PER_ADDRESS; i++) {
      assert.equal((await loginFrom(t.server, proxy, uniqueName("ghost"), "wrong-password-xxxx")).status, 401);
    }
    expectStatus(await t.admin.put(`/api/v1/users/${user.id}/unlock`), 200, "unlock");
    assert.equal((await loginFrom(t.server, proxy, user.name, USER_PASSWORD)).status, 429, "the address stays limited");
    assert.equal((await loginFrom(t.server, address(), user.name, USER_PASSWORD)).status, 200, "the account is free");
  });

  it("the unlock ability is true only while the account is locked, and only for those who may unlock it", async () => {
    const { user } = await createActiveUser(t.server, t.admin);
    const guest = await createActiveUser(t.server, t.admin);
    await assignRole(t.admin, guest.user.id, "guest");
    assert.equal(await unlockAbility(t.admin, user.id), false, "not locked yet");
    await lockOut(t.server, user.name, address());
    assert.equal(await unlockAbility(t.admin, user.id), true);
    assert.equal(await unlockAbility(guest.api, user.id), false, "a guest may not unlock");
    expectStatus(await t.admin.put(`/api/v1/users/${user.id}/unlock`), 200, "unlock");
    assert.equal(await unlockAbility(t.admin, user.id), false, "unlocked");
  });

  it("needs write globally: others are refused alike whether the user exists or not, and the refusal is audited", async () => {
    const { user } = await createActiveUser(t.server, t.admin);
    await lockOut(t.server, user.name, address());
    const guest = await createActiveUser(t.server, t.admin);
    await assignRole(t.admin, guest.user.id, "guest");
    for (const target of [user.name, "no-such-user"]) {
      const reply = await guest.api.put(`/api/v1/users/${target}/unlock`);
      assert.equal(reply.status, 403, target);
    }
    assert.equal((await loginFrom(t.server, address(), user.name, USER_PASSWORD)).status, 429, "still locked");
    const denied = await t.admin.get("/api/v1/audit_events", { actor_id: guest.user.id, outcome: "denied" });
    assert.ok(denied.body.items.length >= 1, "the refusal is audited");

    const writer = await createActiveUser(t.server, t.admin, ["read", "write"]);
    assert.equal((await writer.api.put(`/api/v1/users/no-such-user/unlock`)).status, 404);
    expectStatus(await writer.api.put(`/api/v1/users/${user.name}/unlock`), 200, "a writer unlocks a user holding no more than it");
  });

  it("rule 9: a read+write user cannot unlock someone who holds more, nor is offered to", async () => {
    const writer = await createActiveUser(t.server, t.admin, ["read", "write"]);
    const { user: admin } = await createActiveUser(t.server, t.admin, ["read", "write", "me"]);
    await lockOut(t.server, admin.name, address());
    assert.equal(await unlockAbility(writer.api, admin.id), false);
    const refused = await writer.api.put(`/api/v1/users/${admin.id}/unlock`);
    assert.equal(refused.status, 403, JSON.stringify(refused.body));
    assert.equal(refused.body.detail[0], "IllegalOperationError");
    assert.equal((await loginFrom(t.server, address(), admin.name, USER_PASSWORD)).status, 429, "still locked");
    const denied = await t.admin.get("/api/v1/audit_events", { actor_id: writer.user.id, outcome: "denied" });
    assert.equal(denied.body.items.length, 1, "the refusal is audited");
    assert.equal(await unlockAbility(t.admin, admin.id), true, "an admin may");
  });
});
