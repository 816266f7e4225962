/**
 * Users (SPEC §4, §5.3): create with or without a password, deactivate, delete, and the rules no
 * permission lifts: nobody deletes themselves or the default user, and the last admin stays.
 *
 * No test here creates a second user holding read, write and me globally: the last-admin tests
 * rely on `default` being the only one.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { it } from "node:test";
import { describeEachDialect } from "../helpers/dialects.js";
import { activateUser, createActiveUser, createUser, deactivateUser, uniqueName, USER_PASSWORD } from "../helpers/fixtures.js";
import type { Reply } from "../helpers/http.js";
import { ADMIN_NAME, ADMIN_PASSWORD, useTestServer } from "../helpers/server.js";

const TOKEN = /^[0-9a-f]{64}$/;

function assertError(reply: Reply, status: number, name: string, message?: string | RegExp): void {
  assert.equal(reply.status, status, JSON.stringify(reply.body));
  assert.equal(reply.body.detail[0], name);
  if (typeof message === "string") assert.equal(reply.body.detail[1], message);
  else if (message) assert.match(reply.body.detail[1], message);
}

describeEachDialect("users", (dialect) => {
  const t = useTestServer({ dialect });

  it("created with a password: active, no token, can log in", async () => {
    const user = await createUser(t.admin, { password: USER_PASSWORD, full_name: "Alice A", email: `${uniqueName()}@example.com` });
    assert.equal(user.active, true);
    assert.equal(user.activation_token, null);
    assert.equal(user.full_name, "Alice A");
    assert.equal((await t.server.attemptLogin(user.name, USER_PASSWORD)).status, 200);
  });

  it("created without a password: pending, with a 64-hex activation token shown once", async () => {
    for (const fields of [{}, { password: null }]) {
      const user = await createUser(t.admin, fields);
      assert.equal(user.active, false);
      assert.match(user.activation_token ?? "", TOKEN);
      const again = await t.admin.get(`/api/v1/users/${user.id}`);
      assert.equal(again.body.activation_token, null);
      assert.equal(again.body.active, false);
    }
  });

  it("a name taken in any case is a 409 and creates nothing", async () => {
    const name = uniqueName();
    await createUser(t.admin, { name });
    const reply = await t.admin.post("/api/v1/users", { name: name.toUpperCase() });
    assertError(reply, 409, "EntityExistsError");
    const list = await t.admin.get("/api/v1/users", { name: `contains:${name}` });
    assert.equal(list.body.total, 1);
  });

  it("an unknown user is a 404 KeyError", async () => {
    for (const who of ["nobody-here", randomUUID()]) {
      assertError(
        await t.admin.get(`/api/v1/users/${who}`),
        404,
        "KeyError",
        `Unable to get user with name or ID '${who}': no user with this name or ID exists.`,
      );
    }
  });

  it("deactivate: a fresh token, every session dies, and the user cannot log in", async () => {
    const alice = await createActiveUser(t.server, t.admin);
    const reply = await t.admin.put(`/api/v1/users/${alice.user.id}/deactivate`);
    assert.equal(reply.status, 200);
    assert.equal(reply.body.active, false);
    assert.match(reply.body.activation_token, TOKEN);
    assert.deepEqual((await alice.api.get("/api/v1/current-user")).body, { detail: "Invalid authentication credentials" });
    assert.equal((await t.server.attemptLogin(alice.user.name, USER_PASSWORD)).status, 401);
    assert.equal((await t.admin.get(`/api/v1/users/${alice.user.id}`)).body.active, false);
  });

  it("deactivate twice: the first token dies with the second", async () => {
    const bob = await createUser(t.admin);
    const first = await deactivateUser(t.admin, bob.id);
    const second = await deactivateUser(t.admin, bob.id);
    assert.notEqual(first, second);
    const stale = await activateUser(t.server.anon, bob.id, { activation_token: first, password: USER_PASSWORD });
    assert.equal(stale.status, 401);
    const fresh = await activateUser(t.server.anon, bob.id, { activation_token: second, password: USER_PASSWORD });
    assert.equal(fresh.status, 200);
  });

  it("nobody deletes themselves", async () => {
    const me = (await t.admin.get("/api/v1/current-user")).body;
    assertError(await t.admin.delete(`/api/v1/users/${me.id}`), 403, "IllegalOperationError");
    assertError(await t.admin.delete(`/api/v1/users/${ADMIN_NAME}`), 403, "IllegalOperationError");
    assert.equal((await t.admin.get("/api/v1/current-user")).status, 200);
  });

  it("nobody deletes the default user", async () => {
    const writer = await createActiveUser(t.server, t.admin, ["read", "write"]);
    assertError(
      await writer.api.delete(`/api/v1/users/${ADMIN_NAME}`),
      403,
      "IllegalOperationError",
      "The default user account cannot be deleted.",
    );
    assert.equal((await t.server.attemptLogin(ADMIN_NAME, ADMIN_PASSWORD)).status, 200);
  });

  it("delete: the user is gone, and a pending user's invite dies with them", async () => {
    const alice = await createActiveUser(t.server, t.admin);
    const reply = await t.admin.delete(`/api/v1/users/${alice.user.id}`);
    assert.equal(reply.status, 200);
    assert.equal(reply.body, null);
    assert.equal((await t.admin.get(`/api/v1/users/${alice.user.id}`)).status, 404);
    assert.equal((await alice.api.get("/api/v1/current-user")).status, 401);

    const invited = await createUser(t.admin);
    assert.equal((await t.admin.delete(`/api/v1/users/${invited.name}`)).status, 200);
    const activate = await activateUser(t.server.anon, invited.id, {
      activation_token: invited.activation_token,
      password: USER_PASSWORD,
    });
    assert.equal(activate.status, 401);
  });

  // Only someone holding all an admin holds may deactivate one (rule 9), and that someone is an
  // admin too, so these routes meet the last-admin rule only in a race (reliability/last-admin-race).
  it("a writer cannot deactivate the last admin, by either route (rule 9, 403)", async () => {
    const writer = await createActiveUser(t.server, t.admin, ["read", "write"]);
    const expected = /^User 'default' holds 'me', which you do not/;
    assertError(await writer.api.put(`/api/v1/users/${ADMIN_NAME}/deactivate`), 403, "IllegalOperationError", expected);
    assertError(await writer.api.put(`/api/v1/users/${ADMIN_NAME}`, { active: false }), 403, "IllegalOperationError", expected);
    // Nothing changed: the admin is active and its session alive.
    assert.equal((await t.admin.get("/api/v1/current-user")).body.active, true);
    assert.equal((await t.server.attemptLogin(ADMIN_NAME, ADMIN_PASSWORD)).status, 200);
  });

  it("nobody deactivates themselves", async () => {
    assertError(await t.admin.put(`/api/v1/users/${ADMIN_NAME}/deactivate`), 403, "IllegalOperationError");
    assert.equal((await t.admin.get("/api/v1/current-user")).status, 200);
  });

  it("creating and deactivating need write", async () => {
    const reader = await createActiveUser(t.server, t.admin, ["read", "me"]);
    const target = await createActiveUser(t.server, t.admin);
    for (const reply of [
      await reader.api.post("/api/v1/users", { name: uniqueName() }),
      await reader.api.put(`/api/v1/users/${target.user.id}/deactivate`),
      await reader.api.delete(`/api/v1/users/${target.user.id}`),
    ]) {
      assert.equal(reply.status, 403);
      assert.deepEqual(reply.body, { detail: "Not enough permissions" });
    }
    assert.equal((await target.api.get("/api/v1/current-user")).status, 200);
  });

  it("an email is shown to its owner and to writers, and to nobody else", async () => {
    const email = `${uniqueName()}@example.com`;
    const alice = await createUser(t.admin, { password: USER_PASSWORD, email });
    const aliceApi = t.server.api(await t.server.login(alice.name, USER_PASSWORD));
    const reader = await createActiveUser(t.server, t.admin, ["read", "me"]);
    assert.equal((await t.admin.get(`/api/v1/users/${alice.id}`)).body.email, email);
    assert.equal((await aliceApi.get("/api/v1/current-user")).body.email, email);
    assert.equal((await reader.api.get(`/api/v1/users/${alice.id}`)).body.email, null);
  });

  it("nobody sets another user's password: an admin issues a new link instead (403), and the old one still works", async () => {
    const alice = await createActiveUser(t.server, t.admin);
    assertError(
      await t.admin.put(`/api/v1/users/${alice.user.id}`, { password: "a-new-one-9f2k-plum", old_password: USER_PASSWORD }),
      403,
      "IllegalOperationError",
      "You cannot set another user's password; deactivate the user to issue a new activation link instead.",
    );
    assert.equal((await t.server.attemptLogin(alice.user.name, USER_PASSWORD)).status, 200);
  });

  it("the default user keeps its name, whoever asks and by either route", async () => {
    const message = "The username of the default user account cannot be changed.";
    const other = await createActiveUser(t.server, t.admin, ["read", "write", "me"]);
    assertError(await other.api.put(`/api/v1/users/${ADMIN_NAME}`, { name: "root" }), 403, "IllegalOperationError", message);
    assertError(await t.admin.put("/api/v1/current-user", { name: "root" }), 403, "IllegalOperationError", message);
    assert.equal((await t.admin.get("/api/v1/current-user")).body.name, ADMIN_NAME);
  });

  it("changing one's own activity needs write, even to keep it", async () => {
    const guest = await createActiveUser(t.server, t.admin, ["read", "me"]);
    const reply = await guest.api.put(`/api/v1/users/${guest.user.id}`, { active: true });
    assert.deepEqual([reply.status, reply.body], [403, { detail: "Not enough permissions" }]);
  });
});
