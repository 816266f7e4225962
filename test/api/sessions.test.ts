/**
 * Sessions (SPEC §5.1): logout and revocation take effect on the very next request; one's own
 * sessions can be listed, read and ended; anyone else's answer 404, exactly like a missing one.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { it } from "node:test";
import type { WireSession } from "../../src/server/presenters/wire.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { createActiveUser, USER_PASSWORD } from "../helpers/fixtures.js";
import type { Api } from "../helpers/http.js";
import { useTestServer } from "../helpers/server.js";

const SESSIONS = "/api/v1/current-user/sessions";
const INVALID = { detail: "Invalid authentication credentials" };

async function assertTokenDead(api: Api, why: string): Promise<void> {
  const reply = await api.get("/api/v1/current-user");
  assert.equal(reply.status, 401, why);
  assert.deepEqual(reply.body, INVALID, why);
}

async function sessionsOf(api: Api): Promise<WireSession[]> {
  const reply = await api.get(SESSIONS);
  assert.equal(reply.status, 200);
  return reply.body as WireSession[];
}

/** The id of the session behind `api`'s token. */
async function currentSessionId(api: Api): Promise<string> {
  const current = (await sessionsOf(api)).filter((s) => s.current);
  assert.equal(current.length, 1);
  return current[0]!.id;
}

describeEachDialect("sessions", (dialect) => {
  const t = useTestServer({ dialect });

  it("logout ends the session at once; the user's other sessions live on", async () => {
    const { user, api } = await createActiveUser(t.server, t.admin);
    const other = t.server.api(await t.server.login(user.name, USER_PASSWORD));
    const reply = await api.post("/api/v1/logout");
    assert.equal(reply.status, 200);
    assert.equal(reply.body, null);
    await assertTokenDead(api, "logged-out token");
    assert.equal((await other.get("/api/v1/current-user")).status, 200);
  });

  it("lists one's own live sessions, marking the current one", async () => {
    const { user, api } = await createActiveUser(t.server, t.admin);
    await t.server.login(user.name, USER_PASSWORD);
    const list = await sessionsOf(api);
    assert.equal(list.length, 2);
    for (const s of list) assert.deepEqual(Object.keys(s), ["id", "created", "last_seen", "expires", "client", "source", "current"]);
    assert.deepEqual(list.map((s) => s.current).sort(), [false, true]);
    assert.ok(list.every((s) => s.expires > s.created));
  });

  it("gets one's own session by id", async () => {
    const { api } = await createActiveUser(t.server, t.admin);
    const id = await currentSessionId(api);
    const reply = await api.get(`${SESSIONS}/${id}`);
    assert.equal(reply.status, 200);
    assert.equal(reply.body.id, id);
    assert.equal(reply.body.current, true);
  });

  it("revoking another of one's sessions kills its token on the next request", async () => {
    const { user, api } = await createActiveUser(t.server, t.admin);
    const laptop = t.server.api(await t.server.login(user.name, USER_PASSWORD));
    const laptopId = await currentSessionId(laptop);
    const reply = await api.delete(`${SESSIONS}/${laptopId}`);
    assert.equal(reply.status, 200);
    assert.equal(reply.body, null);
    await assertTokenDead(laptop, "revoked session");
    assert.deepEqual(
      (await sessionsOf(api)).map((s) => s.id),
      [await currentSessionId(api)],
    );
    assert.equal((await api.get(`${SESSIONS}/${laptopId}`)).status, 404);
  });

  it("revoking the current session ends it too", async () => {
    const { api } = await createActiveUser(t.server, t.admin);
    assert.equal((await api.delete(`${SESSIONS}/${await currentSessionId(api)}`)).status, 200);
    await assertTokenDead(api, "self-revoked session");
  });

  it("ending all one's other sessions keeps the current one and nobody else's, and is audited", async () => {
    const { user, api } = await createActiveUser(t.server, t.admin);
    const others = [];
    for (let i = 0; i < 3; i++) others.push(t.server.api(await t.server.login(user.name, USER_PASSWORD)));
    const bystander = await createActiveUser(t.server, t.admin);
    const reply = await api.delete(SESSIONS);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.equal(reply.body, null);
    for (const other of others) await assertTokenDead(other, "another session of the user");
    assert.deepEqual(
      (await sessionsOf(api)).map((s) => s.id),
      [await currentSessionId(api)],
    );
    assert.equal((await bystander.api.get("/api/v1/current-user")).status, 200, "another user's session lives on");
    const events = (await t.admin.get("/api/v1/audit_events", { action: "session.revoke_others", actor_id: user.id })).body.items;
    assert.equal(events.length, 1);
    assert.deepEqual([events[0].outcome, events[0].summary.sessions], ["success", 3]);
    // With nothing else to end it still succeeds, ending nothing.
    assert.equal((await api.delete(SESSIONS)).status, 200);
    assert.equal((await api.get("/api/v1/current-user")).status, 200);
  });

  it("someone else's session is a 404, like a missing one, and stays alive", async () => {
    const alice = await createActiveUser(t.server, t.admin);
    const bob = await createActiveUser(t.server, t.admin);
    const bobSession = await currentSessionId(bob.api);
    const missing = randomUUID();
    for (const [id, what] of [
      [bobSession, "another user's session"],
      [missing, "a missing session"],
    ] as const) {
      for (const reply of [await alice.api.get(`${SESSIONS}/${id}`), await alice.api.delete(`${SESSIONS}/${id}`)]) {
        assert.equal(reply.status, 404, what);
        assert.deepEqual(reply.body, {
          detail: ["KeyError", `Unable to get session with ID '${id}': no such session exists.`],
        });
      }
    }
    // Even the admin cannot reach another user's session through current-user.
    assert.equal((await t.admin.delete(`${SESSIONS}/${bobSession}`)).status, 404);
    assert.equal((await bob.api.get("/api/v1/current-user")).status, 200);
  });

  it("a session id that is not a UUID is a 422", async () => {
    const reply = await t.admin.get(`${SESSIONS}/not-a-uuid`);
    assert.equal(reply.status, 422);
    assert.equal(reply.body.detail[0], "ValidationError");
  });
});

describeEachDialect("sessions with a 2-second idle TTL", (dialect) => {
  const t = useTestServer({ dialect, env: { COHORT_SESSION_IDLE_TTL: "2s" } });

  it("a session in use stays alive well past the idle TTL; an unused one dies", async () => {
    // The suite's admin session has idled out by now; the users are made by a fresh one.
    const admin = await t.server.admin();
    const busy = await createActiveUser(t.server, admin);
    const idle = await createActiveUser(t.server, admin);
    const until = Date.now() + 6000;
    while (Date.now() < until) {
      assert.equal((await busy.api.get("/api/v1/current-user")).status, 200, "a session used every half second");
      await sleep(500);
    }
    await assertTokenDead(idle.api, "a session unused for three times the idle TTL");
    assert.equal((await busy.api.get("/api/v1/current-user")).status, 200);
  });
});
