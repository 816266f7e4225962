/**
 * Changing one's password (SPEC §4 rule 3, §5.1, §5.2): `PUT /current-user` with the current one
 * as `old_password`; the new one must pass the policy; the change ends every other session. Nobody
 * sets another user's password.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachDialect } from "../helpers/dialects.js";
import { createActiveUser, USER_PASSWORD, type ActiveUser } from "../helpers/fixtures.js";
import type { Reply } from "../helpers/http.js";
import { useTestServer, type ServerFixture } from "../helpers/server.js";

const NEW_PASSWORD = "saffron-quartz-meadow-5530";

/** The user's password is still the original one: it logs in, the new one does not. */
async function assertPasswordUnchanged(t: ServerFixture, who: ActiveUser): Promise<void> {
  assert.equal((await t.server.attemptLogin(who.user.name, who.password)).status, 200);
  assert.equal((await t.server.attemptLogin(who.user.name, NEW_PASSWORD)).status, 401);
}

function assertRefused(reply: Reply, status: number, name: string): void {
  assert.equal(reply.status, status, JSON.stringify(reply.body));
  assert.equal(reply.body.detail[0], name);
}

describeEachDialect("password change", (dialect) => {
  const t = useTestServer({ dialect });

  it("needs the current password as old_password", async () => {
    const alice = await createActiveUser(t.server, t.admin, ["me"]);
    assertRefused(await alice.api.put("/api/v1/current-user", { password: NEW_PASSWORD }), 400, "ValueError");
    assertRefused(
      await alice.api.put("/api/v1/current-user", { password: NEW_PASSWORD, old_password: "not-my-password-x" }),
      400,
      "ValueError",
    );
    await assertPasswordUnchanged(t, alice);
  });

  it("refuses a new password the policy refuses, changing nothing", async () => {
    const alice = await createActiveUser(t.server, t.admin, ["me"]);
    // Too short, guessed at once (a keyboard walk of 12 characters), too long.
    for (const password of ["short", "1qaz2wsx3edc", "x".repeat(129)]) {
      assertRefused(await alice.api.put("/api/v1/current-user", { password, old_password: USER_PASSWORD }), 422, "ValidationError");
    }
    await assertPasswordUnchanged(t, alice);
  });

  it("changes the password and ends every other session", async () => {
    const alice = await createActiveUser(t.server, t.admin, ["me"]);
    const phone = t.server.api(await t.server.login(alice.user.name, USER_PASSWORD));
    const reply = await alice.api.put("/api/v1/current-user", { password: NEW_PASSWORD, old_password: USER_PASSWORD });
    assert.equal(reply.status, 200);
    assert.equal(reply.body.id, alice.user.id);

    assert.deepEqual((await phone.get("/api/v1/current-user")).body, { detail: "Invalid authentication credentials" });
    assert.equal((await alice.api.get("/api/v1/current-user")).status, 200, "the session that made the change stays");
    assert.equal((await t.server.attemptLogin(alice.user.name, USER_PASSWORD)).status, 401);
    assert.equal((await t.server.attemptLogin(alice.user.name, NEW_PASSWORD)).status, 200);
  });

  it("works through PUT /users/{own id} the same way", async () => {
    const alice = await createActiveUser(t.server, t.admin, ["me"]);
    const phone = t.server.api(await t.server.login(alice.user.name, USER_PASSWORD));
    const path = `/api/v1/users/${alice.user.id}`;
    assertRefused(await alice.api.put(path, { password: NEW_PASSWORD }), 400, "ValueError");
    assert.equal((await alice.api.put(path, { password: NEW_PASSWORD, old_password: USER_PASSWORD })).status, 200);
    assert.equal((await phone.get("/api/v1/current-user")).status, 401);
    assert.equal((await t.server.attemptLogin(alice.user.name, NEW_PASSWORD)).status, 200);
  });

  it("needs the me permission", async () => {
    const nobody = await createActiveUser(t.server, t.admin);
    const reply = await nobody.api.put("/api/v1/current-user", { password: NEW_PASSWORD, old_password: USER_PASSWORD });
    assert.equal(reply.status, 403);
    assert.deepEqual(reply.body, { detail: "Not enough permissions" });
    await assertPasswordUnchanged(t, nobody);
  });

  it("is never allowed for another user, not even for an admin", async () => {
    const alice = await createActiveUser(t.server, t.admin, ["me"]);
    const reply = await t.admin.put(`/api/v1/users/${alice.user.id}`, { password: NEW_PASSWORD, old_password: USER_PASSWORD });
    assertRefused(reply, 403, "IllegalOperationError");
    await assertPasswordUnchanged(t, alice);
    assert.equal((await alice.api.get("/api/v1/current-user")).status, 200);
  });
});
