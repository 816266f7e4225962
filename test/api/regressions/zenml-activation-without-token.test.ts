/**
 * ZenML hole (SPEC §5.3, §9): activation without a token. A pending account must only ever be
 * taken over with its token: ZenML's later server-activation endpoint let anyone activate a fresh
 * server's admin unauthenticated (zenml-io/zenml#5071), and an invite without a working token is
 * the same hole for any user. Here: no token, a null or empty token, or a detour through
 * `PUT /users/{id}` never activates anyone, the pending `default` admin of a fresh server included.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachDialect } from "../../helpers/dialects.js";
import { ACTIVATION_FAILED, activateUser, createUser, USER_PASSWORD } from "../../helpers/fixtures.js";
import { ADMIN_NAME, usePendingAdminServer, useTestServer } from "../../helpers/server.js";

describeEachDialect("regression: no activation without a token", (dialect) => {
  const t = useTestServer({ dialect });

  async function assertPending(userId: string, name: string): Promise<void> {
    assert.equal((await t.admin.get(`/api/v1/users/${userId}`)).body.active, false);
    assert.equal((await t.server.attemptLogin(name, USER_PASSWORD)).status, 401);
  }

  it("an invited user is not activated without the token", async () => {
    const invited = await createUser(t.admin);
    const missing = await activateUser(t.server.anon, invited.id, { password: USER_PASSWORD });
    assert.equal(missing.status, 422);
    assert.match(missing.body.detail[1], /activation_token/);
    const nulled = await activateUser(t.server.anon, invited.id, { activation_token: null, password: USER_PASSWORD });
    assert.equal(nulled.status, 422);
    const empty = await activateUser(t.server.anon, invited.id, { activation_token: "", password: USER_PASSWORD });
    assert.deepEqual(empty.body, ACTIVATION_FAILED);
    await assertPending(invited.id, invited.name);
  });

  it("nor through PUT /users/{id}, anonymously or as an admin", async () => {
    const invited = await createUser(t.admin);
    const anon = await t.server.anon.put(`/api/v1/users/${invited.id}`, { active: true, password: USER_PASSWORD });
    assert.equal(anon.status, 401);
    const admin = await t.admin.put(`/api/v1/users/${invited.id}`, { active: true });
    assert.equal(admin.status, 400);
    assert.equal(admin.body.detail[0], "ValueError");
    await assertPending(invited.id, invited.name);
  });
});

describeEachDialect("regression: no takeover of a fresh server's pending admin", (dialect) => {
  const t = usePendingAdminServer(dialect);

  it("the pending default admin is not activated without the setup token", async () => {
    const link = new URL(t.server.running.runtime.setupLink ?? "http://missing/");
    const id = link.searchParams.get("user") ?? "";
    for (const body of [
      { password: USER_PASSWORD },
      { activation_token: null, password: USER_PASSWORD },
      { activation_token: "", password: USER_PASSWORD },
      { activation_token: "0".repeat(64), password: USER_PASSWORD },
    ]) {
      for (const who of [id, ADMIN_NAME]) {
        const reply = await activateUser(t.server.anon, who, body);
        assert.ok(reply.status === 401 || reply.status === 422, `${who} ${JSON.stringify(body)} → ${reply.status}`);
      }
    }
    assert.equal((await t.server.attemptLogin(ADMIN_NAME, USER_PASSWORD)).status, 401);
    const real = await activateUser(t.server.anon, id, { activation_token: link.searchParams.get("token"), password: USER_PASSWORD });
    assert.equal(real.status, 200, "the real setup token still works: the failures changed nothing");
  });
});
