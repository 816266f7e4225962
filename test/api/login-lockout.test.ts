/**
 * Brute force (SPEC §5.1): after 10 failed logins for one account, further attempts for it get 429
 * with Retry-After, right password or not. An account is counted once whatever names it (its name
 * in any case, or its id): counted per submitted string, logging in by id dodged a name's lockout.
 * A name that matches no account is counted as itself, so the 429 never tells who exists. A server
 * of its own, so no other suite's failures count.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachDialect } from "../helpers/dialects.js";
import { createActiveUser, uniqueName, USER_PASSWORD } from "../helpers/fixtures.js";
import type { Reply } from "../helpers/http.js";
import { useTestServer, type TestServer } from "../helpers/server.js";

const LIMIT = 10;
// All failures here come from 127.0.0.1, whose own limit (100 per window) this file stays under.
const WINDOW_SECONDS = 15 * 60;

async function failLogins(server: TestServer, username: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    const reply = await server.attemptLogin(username, `wrong-password-${i}-xxxx`);
    assert.equal(reply.status, 401, `failure ${i + 1} of ${times} for ${username}`);
  }
}

function assertLockedOut(reply: Reply): void {
  assert.equal(reply.status, 429);
  assert.deepEqual(reply.body, { detail: ["RateLimitError", "Too many failed login attempts. Try again later."] });
  const retryAfter = Number(reply.headers.get("retry-after"));
  assert.ok(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= WINDOW_SECONDS, `Retry-After ${retryAfter}`);
}

describeEachDialect("login lockout", (dialect) => {
  const t = useTestServer({ dialect });

  it("locks a username after 10 failures, even for the right password", async () => {
    const { user } = await createActiveUser(t.server, t.admin);
    await failLogins(t.server, user.name, LIMIT);
    assertLockedOut(await t.server.attemptLogin(user.name, USER_PASSWORD));
    assertLockedOut(await t.server.attemptLogin(user.name.toUpperCase(), USER_PASSWORD));
    assertLockedOut(await t.server.attemptLogin(user.name, "wrong-again-xxxxxxx"));
  });

  it("counts an account once whatever names it: its name in any case, or its id", async () => {
    const { user } = await createActiveUser(t.server, t.admin);
    await failLogins(t.server, user.name, LIMIT);
    assertLockedOut(await t.server.attemptLogin(user.id, USER_PASSWORD));
    assertLockedOut(await t.server.attemptLogin(user.id.toUpperCase(), USER_PASSWORD));
    assertLockedOut(await t.server.attemptLogin(user.name.toUpperCase(), USER_PASSWORD));

    const { user: other } = await createActiveUser(t.server, t.admin);
    await failLogins(t.server, other.id, LIMIT / 2);
    await failLogins(t.server, other.name.toUpperCase(), LIMIT / 2);
    assertLockedOut(await t.server.attemptLogin(other.name, USER_PASSWORD));
  });

  it("locks a username that does not exist the same way", async () => {
    const ghost = uniqueName("ghost");
    await failLogins(t.server, ghost, LIMIT);
    assertLockedOut(await t.server.attemptLogin(ghost, USER_PASSWORD));
    assertLockedOut(await t.server.attemptLogin(ghost.toUpperCase(), USER_PASSWORD));
  });

  it("leaves other usernames alone", async () => {
    const { user: victim } = await createActiveUser(t.server, t.admin);
    const { user: bystander } = await createActiveUser(t.server, t.admin);
    await failLogins(t.server, victim.name, LIMIT);
    assert.equal((await t.server.attemptLogin(bystander.name, USER_PASSWORD)).status, 200);
  });

  it("starts counting again after a successful login", async () => {
    const { user } = await createActiveUser(t.server, t.admin);
    await failLogins(t.server, user.name, LIMIT - 1);
    assert.equal((await t.server.attemptLogin(user.name, USER_PASSWORD)).status, 200);
    await failLogins(t.server, user.name, LIMIT - 1);
    assert.equal((await t.server.attemptLogin(user.name, USER_PASSWORD)).status, 200);
  });

  it("keeps sessions opened before the lockout working", async () => {
    const { user, api } = await createActiveUser(t.server, t.admin);
    await failLogins(t.server, user.name, LIMIT);
    const me = await api.get("/api/v1/current-user");
    assert.equal(me.status, 200);
    assert.equal(me.body.id, user.id);
  });
});
