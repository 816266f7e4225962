/**
 * ZenML hole (SPEC §2, §9): an empty default password. ZenML 0.40.3 created the `default` admin
 * with the password "" (wire sample 004 logs in with `password=`), so every fresh server was open
 * to anyone who reached it. Cohort never creates a passwordless admin: with no password configured
 * (unset or empty) `default` stays pending until someone uses the one-time setup link, and a
 * configured password must pass the password policy or the server does not start.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachDialect } from "../../helpers/dialects.js";
import { activateUser, USER_PASSWORD } from "../../helpers/fixtures.js";
import { ADMIN_NAME, startTestServer, usePendingAdminServer } from "../../helpers/server.js";

describeEachDialect("regression: no empty default password", (dialect) => {
  const t = usePendingAdminServer(dialect);

  it("the default admin cannot log in with an empty password", async () => {
    const reply = await t.server.attemptLogin(ADMIN_NAME, "");
    assert.equal(reply.status, 401);
    assert.deepEqual(reply.body, { detail: "Incorrect username or password" });
  });

  it("the server issues a one-time setup link instead, which makes the admin usable", async () => {
    const link = t.server.running.runtime.setupLink;
    assert.ok(link, "a setup link for the pending admin");
    const params = new URL(link).searchParams;
    assert.equal(params.get("username"), ADMIN_NAME);
    assert.match(params.get("token") ?? "", /^[0-9a-f]{64}$/);

    const reply = await activateUser(t.server.anon, params.get("user")!, {
      activation_token: params.get("token"),
      password: USER_PASSWORD,
    });
    assert.equal(reply.status, 200);
    assert.equal(reply.body.name, ADMIN_NAME);
    const token = await t.server.login(ADMIN_NAME, USER_PASSWORD);
    const me = await t.server.api(token).get("/api/v1/current-user");
    assert.deepEqual(
      me.body.roles.map((r: { name: string }) => r.name),
      ["admin"],
    );
    assert.equal((await t.server.attemptLogin(ADMIN_NAME, "")).status, 401);
  });

  it("a default password the policy refuses stops the server from starting", async () => {
    for (const password of ["short", "1qaz2wsx3edc"]) {
      await assert.rejects(startTestServer({ dialect, env: { COHORT_DEFAULT_USER_PASSWORD: password } }), /Password/);
    }
  });
});
