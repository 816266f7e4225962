/**
 * Device cookies (SPEC §5.1, OWASP's answer to lockout abuse). The holes they close: the
 * per-address limit blocked everyone at an address, right password or not, so behind a proxy one
 * anonymous client locked every user out with 100 requests; and ten anonymous failures locked
 * `default` out again and again. A successful login gets a signed device token bound to its user;
 * presenting it exempts a login from that account's lockout and from the per-address limit, and
 * gives it a failure counter of its own.
 *
 * The server trusts one proxy hop, so each test says where its client is (X-Forwarded-For); the
 * clients behind one proxy share its address, as in the attack.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { loadConfig } from "../../src/server/config.js";
import { startServer } from "../../src/server/main.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { createActiveUser, uniqueName, USER_PASSWORD } from "../helpers/fixtures.js";
import { apiClient, expectStatus } from "../helpers/http.js";
import { ADMIN_NAME, ADMIN_PASSWORD, useTestServer, type ServerFixture } from "../helpers/server.js";

const LIMIT = 10;
const PER_ADDRESS = 20;
const DEVICE_COOKIE = "cohort_device";
const NINETY_DAYS = 90 * 24 * 3600;

interface Attempt {
  username: string;
  password: string;
  /** The client's address, as the proxy in front writes it. */
  from: string;
  device?: string;
}

/** The device token a login answer sets, if any. */
function deviceTokenOf(headers: Headers): string | undefined {
  const cookie = headers.getSetCookie().find((c) => c.startsWith(`${DEVICE_COOKIE}=`));
  return cookie?.slice(DEVICE_COOKIE.length + 1).split(";")[0];
}

async function attempt(baseUrl: string, a: Attempt) {
  const headers: Record<string, string> = { "x-forwarded-for": `203.0.113.250, ${a.from}` };
  if (a.device !== undefined) headers.cookie = `${DEVICE_COOKIE}=${a.device}`;
  const reply = await apiClient(baseUrl).request("POST", "/api/v1/login", {
    form: { grant_type: "password", username: a.username, password: a.password },
    headers,
  });
  return { ...reply, device: deviceTokenOf(reply.headers) };
}

/** A login that must succeed; returns the device token it got. */
async function loginForDevice(baseUrl: string, a: Attempt): Promise<string> {
  const reply = await attempt(baseUrl, a);
  expectStatus(reply, 200, `login as ${a.username} from ${a.from}`);
  assert.ok(reply.device, "a successful login sets a device cookie");
  return reply.device;
}

async function fail(baseUrl: string, a: Omit<Attempt, "password">, times: number, status = 401): Promise<void> {
  for (let i = 0; i < times; i++) {
    const reply = await attempt(baseUrl, { ...a, password: `wrong-password-${i}-xxxx` });
    assert.equal(reply.status, status, `failure ${i + 1} of ${times} for ${a.username} from ${a.from}`);
  }
}

let nextAddress = 1;
/** An address of its own for each client in these tests. */
const address = () => `198.51.100.${nextAddress++}`;

describeEachDialect("login device cookies", (dialect) => {
  const t: ServerFixture = useTestServer({
    dialect,
    env: { COHORT_TRUST_PROXY: "1", COHORT_LOGIN_MAX_FAILURES_PER_ADDRESS: String(PER_ADDRESS) },
  });
  const url = () => t.server.url;

  it("a successful login sets an HttpOnly, SameSite=Strict device cookie for the login path only; the body keeps ZenML's shape", async () => {
    const { user } = await createActiveUser(t.server, t.admin);
    const reply = await attempt(url(), { username: user.name, password: USER_PASSWORD, from: address() });
    assert.equal(reply.status, 200);
    assert.deepEqual(Object.keys(reply.body), ["access_token", "token_type", "expires_in"]);
    const cookie = reply.headers.getSetCookie().find((c) => c.startsWith(`${DEVICE_COOKIE}=`)) ?? "";
    const attributes = cookie.split(";").map((a) => a.trim().toLowerCase());
    for (const expected of ["path=/api/v1/login", "httponly", "samesite=strict", `max-age=${NINETY_DAYS}`]) {
      assert.ok(attributes.includes(expected), `${expected} in ${cookie}`);
    }
    const failed = await attempt(url(), { username: user.name, password: "wrong-password-xxxx", from: address() });
    assert.equal(failed.status, 401);
    assert.equal(failed.device, undefined, "a failed login gets no device cookie");
  });

  it("an attacker behind the same proxy locks `default` out and floods the address, yet `default` logs in from a device it used before", async () => {
    const office = address();
    const device = await loginForDevice(url(), { username: ADMIN_NAME, password: ADMIN_PASSWORD, from: office });
    const { user: colleague } = await createActiveUser(t.server, t.admin);
    const colleagueDevice = await loginForDevice(url(), { username: colleague.name, password: USER_PASSWORD, from: office });

    await fail(url(), { username: ADMIN_NAME, from: office }, LIMIT);
    await fail(url(), { username: uniqueName("ghost"), from: office }, PER_ADDRESS - LIMIT);
    // Both limits now hold: the account's and the address's.
    assert.equal((await attempt(url(), { username: ADMIN_NAME, password: ADMIN_PASSWORD, from: address() })).status, 429);
    assert.equal((await attempt(url(), { username: colleague.name, password: USER_PASSWORD, from: office })).status, 429);
    assert.equal((await attempt(url(), { username: ADMIN_NAME, password: ADMIN_PASSWORD, from: office })).status, 429);

    const admin = await attempt(url(), { username: ADMIN_NAME, password: ADMIN_PASSWORD, from: office, device });
    assert.equal(admin.status, 200, JSON.stringify(admin.body));
    const me = await t.server.api(admin.body.access_token).get("/api/v1/current-user");
    assert.equal(me.body.name, ADMIN_NAME);
    assert.ok(admin.device, "the login renews the device token");
    const renewed = await attempt(url(), { username: ADMIN_NAME, password: ADMIN_PASSWORD, from: office, device: admin.device });
    assert.equal(renewed.status, 200, "the renewed token works too");
    const other = await attempt(url(), { username: colleague.name, password: USER_PASSWORD, from: office, device: colleagueDevice });
    assert.equal(other.status, 200, "the colleague's own device gets past the address limit");
  });

  it("a forged device token, another user's, or one for another account gives no exemption", async () => {
    const { user: victim } = await createActiveUser(t.server, t.admin);
    const { user: attacker } = await createActiveUser(t.server, t.admin);
    const victimDevice = await loginForDevice(url(), { username: victim.name, password: USER_PASSWORD, from: address() });
    const attackerDevice = await loginForDevice(url(), { username: attacker.name, password: USER_PASSWORD, from: address() });
    await fail(url(), { username: victim.name, from: address() }, LIMIT);

    const flipped = victimDevice.slice(0, -2) + (victimDevice.endsWith("A") ? "B" : "A") + victimDevice.slice(-1);
    const parts = victimDevice.split(".");
    const forgedExpiry = [parts[0], parts[1], String(Number(parts[2]) + 1000), parts[3]].join(".");
    for (const device of ["", "garbage", "a.b.c.d", flipped, forgedExpiry, attackerDevice, `${victimDevice}x`]) {
      const reply = await attempt(url(), { username: victim.name, password: USER_PASSWORD, from: address(), device });
      assert.equal(reply.status, 429, `device token '${device}'`);
    }
    assert.equal(
      (await attempt(url(), { username: victim.name, password: USER_PASSWORD, from: address(), device: victimDevice })).status,
      200,
    );
  });

  it("a device token that keeps failing is locked for the window, then counts as absent", async () => {
    const { user } = await createActiveUser(t.server, t.admin);
    const device = await loginForDevice(url(), { username: user.name, password: USER_PASSWORD, from: address() });
    const home = address();
    // Failures with a valid device token count against that device only, not the account.
    await fail(url(), { username: user.name, from: home, device }, LIMIT);
    assert.equal((await attempt(url(), { username: user.name, password: USER_PASSWORD, from: address() })).status, 200);

    // A stolen device token while the account is locked: its own ten guesses, then nothing.
    const stolen = await loginForDevice(url(), { username: user.name, password: USER_PASSWORD, from: address() });
    await fail(url(), { username: user.name, from: address() }, LIMIT);
    await fail(url(), { username: user.name, from: address(), device: stolen }, LIMIT);
    await fail(url(), { username: user.name, from: address(), device: stolen }, 1, 429);
    assert.equal((await attempt(url(), { username: user.name, password: USER_PASSWORD, from: address(), device: stolen })).status, 429);
  });

  it("a password change voids the account's device tokens", async () => {
    const { user, api } = await createActiveUser(t.server, t.admin, ["me"]);
    const device = await loginForDevice(url(), { username: user.name, password: USER_PASSWORD, from: address() });
    const newPassword = "quartz-meadow-lantern-9031";
    expectStatus(await api.put("/api/v1/current-user", { password: newPassword, old_password: USER_PASSWORD }), 200, "password change");
    await fail(url(), { username: user.name, from: address() }, LIMIT);
    assert.equal((await attempt(url(), { username: user.name, password: newPassword, from: address(), device })).status, 429);
  });

  it("a deactivation voids the account's device tokens, even once reactivated", async () => {
    const { user } = await createActiveUser(t.server, t.admin);
    const device = await loginForDevice(url(), { username: user.name, password: USER_PASSWORD, from: address() });
    expectStatus(await t.admin.put(`/api/v1/users/${user.id}`, { active: false }), 200, "deactivate");
    expectStatus(await t.admin.put(`/api/v1/users/${user.id}`, { active: true }), 200, "reactivate");
    await fail(url(), { username: user.name, from: address() }, LIMIT);
    assert.equal((await attempt(url(), { username: user.name, password: USER_PASSWORD, from: address(), device })).status, 429);
  });

  /** Runs `fn` with another server process on this store, started with these extra settings. */
  async function withSecondServer(env: Record<string, string>, fn: (url: string) => Promise<void>): Promise<void> {
    const dataDir = await mkdtemp(join(tmpdir(), "cohort_second_"));
    const config = loadConfig(
      { COHORT_TRUST_PROXY: "1", COHORT_LOGIN_MAX_FAILURES_PER_ADDRESS: String(PER_ADDRESS), ...env },
      { host: "127.0.0.1", port: 0, databaseUrl: t.server.running.runtime.ctx.config.databaseUrl, dataDir },
    );
    const second = await startServer(config, { logger: false });
    try {
      await fn(second.url);
    } finally {
      await second.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }

  it("another server process on the same store honours the device token and sees the same counters", async () => {
    await withSecondServer({}, async (secondUrl) => {
      const { user } = await createActiveUser(t.server, t.admin);
      const device = await loginForDevice(url(), { username: user.name, password: USER_PASSWORD, from: address() });
      await fail(secondUrl, { username: user.name, from: address() }, LIMIT);
      assert.equal((await attempt(url(), { username: user.name, password: USER_PASSWORD, from: address() })).status, 429);
      assert.equal((await attempt(secondUrl, { username: user.name, password: USER_PASSWORD, from: address(), device })).status, 200);
    });
  });

  it("a device token lives COHORT_LOGIN_DEVICE_TTL, then gives no exemption", async () => {
    await withSecondServer({ COHORT_LOGIN_DEVICE_TTL: "1s" }, async (secondUrl) => {
      const { user } = await createActiveUser(t.server, t.admin);
      const reply = await attempt(secondUrl, { username: user.name, password: USER_PASSWORD, from: address() });
      const maxAge = reply.headers.getSetCookie().find((c) => c.startsWith(`${DEVICE_COOKIE}=`));
      assert.match(maxAge ?? "", /Max-Age=1(;|$)/);
      await fail(url(), { username: user.name, from: address() }, LIMIT);
      await sleep(2000);
      const late = await attempt(url(), { username: user.name, password: USER_PASSWORD, from: address(), device: reply.device });
      assert.equal(late.status, 429);
    });
  });
});
