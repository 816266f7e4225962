/**
 * Teams, stacks, components and the audit log from the CLI connected to a server, then what only
 * a server has: a second user's private stack does not exist for the first until it is shared,
 * and the audit log is for admins.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { RunningServer } from "../../src/server/main.js";
import { CAROL_PASSWORD, collaborationTests } from "./collaboration.js";
import { ADMIN_PASSWORD, cliSandbox, cliTestServer, oneErrorLine, type CliSandbox } from "./harness.js";

const GUS_PASSWORD = "gus-has-a-long-passphrase-5";

describe("cohort CLI collaboration commands, connected to a server", () => {
  let server: RunningServer;
  let closeServer: () => Promise<void>;
  let admin: CliSandbox;
  let carol: CliSandbox;

  async function connect(sandbox: CliSandbox, username: string, password: string): Promise<void> {
    const result = await sandbox.run(["connect", "--url", server.url, "--username", username, "--password-stdin"], {
      input: `${password}\n`,
    });
    assert.equal(result.code, 0, result.stderr);
  }

  const stackNames = async (sandbox: CliSandbox) =>
    (
      JSON.parse((await sandbox.run(["stack", "list", "--output", "json"])).stdout) as { items: { name: string; user: { name: string } }[] }
    ).items
      .map((s) => `${s.name}@${s.user.name}`)
      .sort();

  before(async () => {
    ({ server, close: closeServer } = await cliTestServer());
    [admin, carol] = await Promise.all([cliSandbox(), cliSandbox()]);
    await connect(admin, "default", ADMIN_PASSWORD);
  });
  after(async () => {
    await Promise.all([admin?.remove(), carol?.remove()]);
    await closeServer?.();
  });

  collaborationTests(() => admin);

  it("another user's private stack is invisible (listed nowhere, 404 by name) until shared", async () => {
    await connect(carol, "carol", CAROL_PASSWORD);
    for (const args of [
      ["orchestrator", "register", "carol-orch", "-f", "local"],
      ["artifact-store", "register", "carol-store", "-f", "local"],
      ["stack", "register", "carols", "-o", "carol-orch", "-a", "carol-store"],
    ]) {
      const result = await carol.run(args);
      assert.equal(result.code, 0, result.stderr);
    }
    assert.deepEqual(await stackNames(admin), ["default@default"]);
    const hidden = await admin.run(["stack", "describe", "carols"]);
    assert.equal(hidden.code, 1);
    assert.match(oneErrorLine(hidden), /^Error: Unable to get stack with name or ID 'carols'/);

    const shared = await carol.run(["stack", "share", "carols", "-r"]);
    assert.equal(shared.code, 0, shared.stderr);
    assert.deepEqual(await stackNames(admin), ["carols@carol", "default@default"]);
    const list = await admin.run(["stack", "list", "--name", "carols"]);
    assert.match(list.stdout, /│\s+│ carols\s+│ [0-9a-f-]{36} │ ✅\s+│ carol\s+│ carol-store\s+│ carol-orch\s+│/);

    // Only the owner unshares: the server's 403, as one line.
    const unshare = await admin.run(["stack", "unshare", "carols"]);
    assert.equal(unshare.code, 1);
    assert.equal(oneErrorLine(unshare), "Error: Only the owner of stack 'carols' can rename, share or unshare it.");
  });

  it("a name matching one's own stack and another's shared one means one's own", async () => {
    const made = await admin.run(["stack", "register", "carols", "-o", "default", "-a", "default"]);
    assert.equal(made.code, 0, made.stderr);
    const described = await admin.run(["stack", "describe", "carols", "--output", "json"]);
    assert.equal((JSON.parse(described.stdout) as { user: { name: string } }).user.name, "default");
  });

  it("the audit log is for admins: a guest gets the server's 403 message", async () => {
    const created = await admin.run(["user", "create", "gus", "--role", "guest", "--password", GUS_PASSWORD]);
    assert.equal(created.code, 0, created.stderr);
    const gus = await cliSandbox();
    try {
      await connect(gus, "gus", GUS_PASSWORD);
      const result = await gus.run(["audit", "list"]);
      assert.equal(result.code, 1);
      assert.equal(oneErrorLine(result), "Error: Not enough permissions");
    } finally {
      await gus.remove();
    }
  });
});
