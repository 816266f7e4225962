/**
 * ZenML hole (SPEC §5.1, §9): tokens that survive a password change, a deactivation or a role
 * revoke. ZenML 0.40.3 issued JWTs carrying the user's permissions at login, checked them from the
 * token alone and never expired them, so a stolen token kept working after the victim changed
 * their password and a demoted user kept their old rights (wire samples 031, 032). Cohort checks
 * the session and the live permissions against the store on every request (the access
 * generation): each of these takes effect on the next, here after the token was used once.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachDialect } from "../../helpers/dialects.js";
import { assignRole, createActiveUser, createRole, deactivateUser, USER_PASSWORD } from "../../helpers/fixtures.js";
import { useTestServer } from "../../helpers/server.js";

const INVALID = { detail: "Invalid authentication credentials" };

describeEachDialect("regression: no token outlives its grant", (dialect) => {
  const t = useTestServer({ dialect });

  it("a password change kills the user's other tokens", async () => {
    const victim = await createActiveUser(t.server, t.admin, ["me"]);
    const stolen = t.server.api(await t.server.login(victim.user.name, USER_PASSWORD));
    assert.equal((await stolen.get("/api/v1/current-user")).status, 200);
    const change = await victim.api.put("/api/v1/current-user", { password: "fresh-start-password-6624", old_password: USER_PASSWORD });
    assert.equal(change.status, 200);
    const reply = await stolen.get("/api/v1/current-user");
    assert.equal(reply.status, 401);
    assert.deepEqual(reply.body, INVALID);
  });

  it("a deactivation kills every token of the user", async () => {
    const alice = await createActiveUser(t.server, t.admin, ["read", "me"]);
    assert.equal((await alice.api.get("/api/v1/users")).status, 200, "the token works before");
    await deactivateUser(t.admin, alice.user.id);
    for (const path of ["/api/v1/current-user", "/api/v1/users"]) assert.deepEqual((await alice.api.get(path)).body, INVALID, path);
  });

  it("a revoked role stops counting on the next request", async () => {
    const bob = await createActiveUser(t.server, t.admin);
    const assignment = await assignRole(t.admin, bob.user.id, (await createRole(t.admin, ["read", "write"])).id);
    assert.equal((await bob.api.get("/api/v1/users")).status, 200);
    assert.equal((await t.admin.delete(`/api/v1/role_assignments/${assignment.id}`)).status, 200);
    const reply = await bob.api.get("/api/v1/users");
    assert.equal(reply.status, 403);
    assert.deepEqual(reply.body, { detail: "Not enough permissions" });
    assert.equal((await bob.api.get("/api/v1/current-user")).status, 200, "the session itself lives on");
  });
});

describeEachDialect("regression: tokens expire", (dialect) => {
  const t = useTestServer({ dialect, env: { COHORT_SESSION_MAX_TTL: "2s" } });

  it("a token stops working when its session's lifetime is over", async () => {
    // A fresh admin session: the suite's own may have expired already.
    const alice = await createActiveUser(t.server, await t.server.admin());
    assert.equal((await alice.api.get("/api/v1/current-user")).status, 200);
    await new Promise((resolve) => setTimeout(resolve, 2200));
    assert.deepEqual((await alice.api.get("/api/v1/current-user")).body, INVALID);
  });
});
