/**
 * Passwords are estimated, not listed (SPEC §5.2). At the default minimum length of 12 the old
 * list of common passwords let `password1234`, `aaaaaaaaaaaa` and `passwordpassword` through;
 * now every new password must need at least 10^10 guesses by the estimator, which also knows the
 * user's own name, full name and email. Every path that sets a password is held to it: create,
 * activation, change (both routes) and COHORT_DEFAULT_USER_PASSWORD at first start.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachDialect } from "../helpers/dialects.js";
import { activateUser, createActiveUser, createUser, uniqueName, USER_PASSWORD } from "../helpers/fixtures.js";
import type { Reply } from "../helpers/http.js";
import { startTestServer, useTestServer } from "../helpers/server.js";

/** Long enough for the default minimum, yet guessed in a few thousand tries. */
const WEAK = ["password1234", "aaaaaaaaaaaa", "passwordpassword"];
const STRONG = "quarry lantern bicycle umbrella";

function assertTooGuessable(reply: Reply, password: string): void {
  assert.equal(reply.status, 422, `${password}: ${JSON.stringify(reply.body)}`);
  assert.equal(reply.body.detail[0], "ValidationError");
  assert.match(reply.body.detail[1], /^Password is too easy to guess: \S/, password);
}

describeEachDialect("password strength", (dialect) => {
  const t = useTestServer({ dialect });

  it("creating a user with a guessable password is refused with the estimator's hint, and creates nobody", async () => {
    for (const password of WEAK) {
      const name = uniqueName();
      assertTooGuessable(await t.admin.post("/api/v1/users", { name, password }), password);
      assert.equal((await t.admin.get(`/api/v1/users/${name}`)).status, 404);
    }
    assert.match(
      (await t.admin.post("/api/v1/users", { name: uniqueName(), password: "password1234" })).body.detail[1],
      /commonly used password/,
      "the hint is the estimator's",
    );
  });

  it("activation with a guessable password is refused and leaves the link usable", async () => {
    const invited = await createUser(t.admin);
    for (const password of WEAK) {
      assertTooGuessable(await activateUser(t.server.anon, invited.id, { activation_token: invited.activation_token, password }), password);
    }
    const reply = await activateUser(t.server.anon, invited.id, { activation_token: invited.activation_token, password: STRONG });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.equal((await t.server.attemptLogin(invited.name, STRONG)).status, 200);
  });

  it("changing one's password to a guessable one is refused on both routes, changing nothing", async () => {
    const alice = await createActiveUser(t.server, t.admin, ["me"]);
    for (const path of ["/api/v1/current-user", `/api/v1/users/${alice.user.id}`]) {
      for (const password of WEAK) assertTooGuessable(await alice.api.put(path, { password, old_password: USER_PASSWORD }), password);
    }
    assert.equal((await t.server.attemptLogin(alice.user.name, USER_PASSWORD)).status, 200);
    assert.equal((await alice.api.put("/api/v1/current-user", { password: STRONG, old_password: USER_PASSWORD })).status, 200);
    assert.equal((await t.server.attemptLogin(alice.user.name, STRONG)).status, 200);
  });

  it("a strong passphrase is accepted on create", async () => {
    const user = await createUser(t.admin, { password: STRONG });
    assert.equal(user.active, true);
    assert.equal((await t.server.attemptLogin(user.name, STRONG)).status, 200);
  });

  it("a password made of the user's own name, full name or email is refused; for anyone else it is fine", async () => {
    const own = "zephyrinequillfeather";
    // Through each path, for a user whose profile holds the words.
    const byFullName = { name: uniqueName(), full_name: "Zephyrine Quillfeather" };
    assertTooGuessable(await t.admin.post("/api/v1/users", { ...byFullName, password: own }), own);
    const byEmail = { name: uniqueName(), email: `zephyrine.quillfeather@${uniqueName("mail")}.example.com` };
    assertTooGuessable(await t.admin.post("/api/v1/users", { ...byEmail, password: own }), own);
    const invited = await createUser(t.admin, { full_name: "Zephyrine Quillfeather" });
    const activation = { activation_token: invited.activation_token, password: own };
    assertTooGuessable(await activateUser(t.server.anon, invited.id, activation), own);
    const renaming = await createUser(t.admin);
    const withNewName = { activation_token: renaming.activation_token, password: own, name: uniqueName("zephyrinequillfeather") };
    assertTooGuessable(await activateUser(t.server.anon, renaming.id, withNewName), own);
    const alice = await createActiveUser(t.server, t.admin, ["me"]);
    const renamed = await alice.api.put("/api/v1/current-user", { full_name: "Zephyrine Quillfeather" });
    assert.equal(renamed.status, 200);
    assertTooGuessable(await alice.api.put("/api/v1/current-user", { password: own, old_password: USER_PASSWORD }), own);

    // The same password for a user whose profile does not hold them.
    assert.equal((await t.admin.post("/api/v1/users", { name: uniqueName(), password: own })).status, 200);
  });

  it("a guessable COHORT_DEFAULT_USER_PASSWORD stops the first start with the hint", async () => {
    const started = startTestServer({ dialect, env: { COHORT_DEFAULT_USER_PASSWORD: "password1234" } });
    // A server that did start must not outlive the test.
    await assert.rejects(
      started.then(async (server) => server.close()),
      /Password is too easy to guess: /,
    );
  });
});
