/**
 * Login (SPEC §5.1): the OAuth2 password form gives a bearer token for a new session; every
 * failure, whatever its cause, is the same 401 so the answer reveals nothing about the account.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachDialect } from "../helpers/dialects.js";
import { createActiveUser, createUser, deactivateUser, USER_PASSWORD } from "../helpers/fixtures.js";
import type { Reply } from "../helpers/http.js";
import { ADMIN_NAME, ADMIN_PASSWORD, useTestServer } from "../helpers/server.js";

const INCORRECT = { detail: "Incorrect username or password" };

function assertLoginRefused(reply: Reply, cause: string): void {
  assert.equal(reply.status, 401, cause);
  assert.deepEqual(reply.body, INCORRECT, cause);
  assert.equal(reply.headers.get("www-authenticate"), "Bearer", cause);
}

describeEachDialect("login", (dialect) => {
  const t = useTestServer({ dialect });

  it("answers a token for a new session, as ZenML's clients expect", async () => {
    const reply = await t.server.attemptLogin(ADMIN_NAME, ADMIN_PASSWORD);
    assert.equal(reply.status, 200);
    assert.deepEqual(Object.keys(reply.body), ["access_token", "token_type", "expires_in"]);
    assert.equal(reply.body.token_type, "bearer");
    assert.equal(reply.body.expires_in, 7 * 24 * 3600);
    const me = await t.server.api(reply.body.access_token).get("/api/v1/current-user");
    assert.equal(me.status, 200);
    assert.equal(me.body.name, ADMIN_NAME);
  });

  it("accepts the user's id or any case of the name as the username", async () => {
    const { user } = await createActiveUser(t.server, t.admin);
    for (const username of [user.id, user.name.toUpperCase()]) {
      const reply = await t.server.attemptLogin(username, USER_PASSWORD);
      assert.equal(reply.status, 200, username);
      assert.equal((await t.server.api(reply.body.access_token).get("/api/v1/current-user")).body.id, user.id);
    }
  });

  it("gives each login its own token", async () => {
    const a = await t.server.login(ADMIN_NAME, ADMIN_PASSWORD);
    const b = await t.server.login(ADMIN_NAME, ADMIN_PASSWORD);
    assert.notEqual(a, b);
  });

  it("refuses an unknown user, a wrong password, a pending and a deactivated user with one identical 401", async () => {
    const { user: active } = await createActiveUser(t.server, t.admin);
    const pending = await createUser(t.admin);
    const { user: deactivated } = await createActiveUser(t.server, t.admin);
    await deactivateUser(t.admin, deactivated.id);

    assertLoginRefused(await t.server.attemptLogin("no-such-user", USER_PASSWORD), "unknown user");
    assertLoginRefused(await t.server.attemptLogin(active.name, "wrong-password-123456"), "wrong password");
    assertLoginRefused(await t.server.attemptLogin(active.name, ""), "empty password");
    assertLoginRefused(await t.server.attemptLogin(pending.name, ""), "pending user, empty password");
    assertLoginRefused(await t.server.attemptLogin(pending.name, USER_PASSWORD), "pending user");
    // ZenML let a deactivated user log in with the old password (wire sample 031).
    assertLoginRefused(await t.server.attemptLogin(deactivated.name, USER_PASSWORD), "deactivated user");
  });

  it("answers a missing or unknown bearer token with ZenML's plain 401s", async () => {
    const noToken = await t.server.anon.get("/api/v1/current-user");
    assert.equal(noToken.status, 401);
    assert.deepEqual(noToken.body, { detail: "Not authenticated" });
    assert.equal(noToken.headers.get("www-authenticate"), "Bearer");

    for (const token of ["not-a-jwt", "coh_" + "A".repeat(43), "x".repeat(500)]) {
      const reply = await t.server.api(token).get("/api/v1/current-user");
      assert.equal(reply.status, 401, token);
      assert.deepEqual(reply.body, { detail: "Invalid authentication credentials" });
    }
    const basic = await t.server.anon.request("GET", "/api/v1/current-user", { headers: { authorization: "Basic ZGVmYXVsdDo=" } });
    assert.equal(basic.status, 401);
    assert.deepEqual(basic.body, { detail: "Not authenticated" });
  });

  it("needs a username", async () => {
    const reply = await t.server.anon.request("POST", "/api/v1/login", { form: { password: "x" } });
    assert.equal(reply.status, 422);
    assert.equal(reply.body.detail[0], "ValidationError");
  });
});
