/**
 * The CLI prints the sign-up links the server makes, on its public address (COHORT_BASE_URL), not
 * on the URL the CLI happens to reach it by.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { RunningServer } from "../../src/server/main.js";
import { ADMIN_PASSWORD, cliSandbox, cliTestServer, SIGNUP_LINK, type CliSandbox } from "./harness.js";

const PUBLIC_URL = "https://cohort.example.com";

describe("cohort CLI, sign-up links of a server with COHORT_BASE_URL", () => {
  let server: RunningServer;
  let closeServer: () => Promise<void>;
  let sandbox: CliSandbox;
  const cli = (...args: string[]) => sandbox.run(args);

  before(async () => {
    ({ server, close: closeServer } = await cliTestServer({ COHORT_BASE_URL: PUBLIC_URL }));
    sandbox = await cliSandbox();
    const login = await sandbox.run(["connect", "--url", server.url, "--username", "default", "--password-stdin"], {
      input: `${ADMIN_PASSWORD}\n`,
    });
    assert.equal(login.code, 0, login.stderr);
  });
  after(async () => {
    await sandbox?.remove();
    await closeServer?.();
  });

  it("user create and user deactivate print links on the configured base URL", async () => {
    const created = await cli("user", "create", "carol", "--role", "guest");
    assert.equal(created.code, 0, created.stderr);
    const first = SIGNUP_LINK.exec(created.stdout);
    assert.equal(first?.[1], PUBLIC_URL, created.stdout);
    assert.equal(first?.[3], "carol");

    const reset = await cli("user", "deactivate", "carol");
    assert.equal(reset.code, 0, reset.stderr);
    const second = SIGNUP_LINK.exec(reset.stdout);
    assert.equal(second?.[1], PUBLIC_URL, reset.stdout);
    assert.notEqual(second?.[4], first?.[4], "a fresh token");
  });
});
