/**
 * The CLI's device token (SPEC §5.1): `cohort connect` keeps the one a login gets in its config
 * file (0600), per server URL, and sends it with later logins, so an anonymous attacker who locks
 * `default` out and floods the address limit cannot keep its owner's CLI out; a CLI that never
 * logged in there still gets the 429. And `cohort user unlock NAME` lifts an account's lockout.
 */
import assert from "node:assert/strict";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { RunningServer } from "../../src/server/main.js";
import { uniqueName } from "../helpers/fixtures.js";
import { apiClient, expectStatus } from "../helpers/http.js";
import { ADMIN_PASSWORD, cliSandbox, cliTestServer, oneErrorLine, type CliSandbox } from "./harness.js";

const LIMIT = 10;
const PER_ADDRESS = 40;
const MEMBER_PASSWORD = "violet-harbor-compass-5521";

describe("cohort CLI: device token and unlock", () => {
  let server: RunningServer;
  let closeServer: () => Promise<void>;
  let sandbox: CliSandbox;

  const connect = (box: CliSandbox, username: string, password: string) =>
    box.run(["connect", "--url", server.url, "--username", username, "--password-stdin"], { input: `${password}\n` });
  const attempt = (username: string, password: string) =>
    apiClient(server.url).request("POST", "/api/v1/login", { form: { username, password } });

  before(async () => {
    ({ server, close: closeServer } = await cliTestServer({ COHORT_LOGIN_MAX_FAILURES_PER_ADDRESS: String(PER_ADDRESS) }));
    sandbox = await cliSandbox();
  });
  after(async () => {
    await sandbox?.remove();
    await closeServer?.();
  });

  it("connect keeps the login's device token per server URL in the 0600 config file", async () => {
    const result = await connect(sandbox, "default", ADMIN_PASSWORD);
    assert.equal(result.code, 0, result.stderr);
    const file = join(sandbox.env.COHORT_CONFIG_DIR ?? "", "config.json");
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    const config = JSON.parse(await readFile(file, "utf8")) as { devices?: Record<string, string> };
    assert.match(config.devices?.[server.url] ?? "", /^[0-9a-f-]{36}\.\S+$/);
  });

  it("user unlock lifts a member's lockout", async () => {
    const admin = apiClient(server.url, (await attempt("default", ADMIN_PASSWORD)).body.access_token);
    const name = uniqueName("member");
    expectStatus(await admin.post("/api/v1/users", { name, password: MEMBER_PASSWORD }), 200, "create member");
    for (let i = 0; i < LIMIT; i++) assert.equal((await attempt(name, `wrong-password-${i}-xxxx`)).status, 401);
    assert.equal((await attempt(name, MEMBER_PASSWORD)).status, 429);

    const result = await sandbox.run(["user", "unlock", name]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `Unlocked user '${name}': failed logins no longer keep them out.\n`);
    assert.equal((await attempt(name, MEMBER_PASSWORD)).status, 200);

    const missing = await sandbox.run(["user", "unlock", "no-such-user"]);
    assert.equal(missing.code, 1);
    assert.match(oneErrorLine(missing), /no-such-user/);
  });

  it("with `default` locked out and the address flooded, connect succeeds from the CLI that logged in before, and only from it", async () => {
    for (let i = 0; i < LIMIT; i++) assert.equal((await attempt("default", `wrong-password-${i}-xxxx`)).status, 401);
    let status = 401;
    for (let i = 0; i < PER_ADDRESS && status === 401; i++) status = (await attempt(uniqueName("ghost"), "wrong-password-xxxx")).status;
    assert.equal(status, 429, "the address limit is reached");

    assert.equal((await sandbox.run(["disconnect"])).code, 0);
    const again = await connect(sandbox, "default", ADMIN_PASSWORD);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, `Connected to the Cohort server at '${server.url}' as user 'default'.\n`);

    const stranger = await cliSandbox();
    try {
      const refused = await connect(stranger, "default", ADMIN_PASSWORD);
      assert.equal(refused.code, 1);
      assert.equal(oneErrorLine(refused), "Error: Too many failed login attempts. Try again later.");
    } finally {
      await stranger.remove();
    }
  });
});
