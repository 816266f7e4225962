/**
 * The CLI in connected mode: `cohort connect` to a real server on an ephemeral port, then the
 * walkthrough, then what only a server has (permissions, sessions, the config file's token).
 */
import assert from "node:assert/strict";
import { stat, readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { RunningServer } from "../../src/server/main.js";
import { ADMIN_PASSWORD, cliSandbox, cliTestServer, oneErrorLine, SIGNUP_LINK, type CliSandbox } from "./harness.js";
import { BOB_PASSWORD, walkthroughTests } from "./walkthrough.js";

describe("cohort CLI, connected to a server", () => {
  let server: RunningServer;
  let closeServer: () => Promise<void>;
  let sandbox: CliSandbox;
  const cli = (...args: string[]) => sandbox.run(args);

  before(async () => {
    ({ server, close: closeServer } = await cliTestServer());
    sandbox = await cliSandbox();
  });
  after(async () => {
    await sandbox?.remove();
    await closeServer?.();
  });

  it("connect without a terminal needs --username and a password flag (exit 2)", async () => {
    const result = await cli("connect", "--url", server.url);
    assert.equal(result.code, 2);
    assert.match(oneErrorLine(result), /--username/);
  });

  it("connect with a wrong password fails with the server's message", async () => {
    const result = await sandbox.run(["connect", "--url", server.url, "--username", "default", "--password-stdin"], { input: "wrong\n" });
    assert.equal(result.code, 1);
    assert.equal(oneErrorLine(result), "Error: Incorrect username or password");
  });

  it("connect --password-stdin logs in and keeps only the token, in a 0600 file", async () => {
    const result = await sandbox.run(["connect", "--url", `${server.url}/`, "--username", "default", "--password-stdin"], {
      input: `${ADMIN_PASSWORD}\n`,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `Connected to the Cohort server at '${server.url}' as user 'default'.\n`);
    const file = join(sandbox.env.COHORT_CONFIG_DIR ?? "", "config.json");
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    const config = JSON.parse(await readFile(file, "utf8")) as Record<string, string>;
    assert.equal(config.url, server.url);
    assert.equal(config.username, "default");
    assert.match(config.token ?? "", /^coh_/);
    assert.ok(!JSON.stringify(config).includes(ADMIN_PASSWORD), "the password must never be stored");
  });

  it("status shows the server, the user and the workspace", async () => {
    const result = await cli("status");
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.stdout,
      `Connected to the Cohort server: '${server.url}'\nLogged in as user: 'default'\nRunning with active workspace: 'default'\n`,
    );
  });

  walkthroughTests(
    () => sandbox,
    () => server.url,
  );

  it("role assign and revoke work for teams, globally and per workspace", async () => {
    const { token } = JSON.parse(await readFile(join(sandbox.env.COHORT_CONFIG_DIR ?? "", "config.json"), "utf8")) as { token: string };
    const made = await fetch(`${server.url}/api/v1/teams`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "platform", users: [] }),
    });
    assert.equal(made.status, 200);
    assert.equal((await cli("workspace", "create", "research")).code, 0);
    const assigned = await cli("role", "assign", "guest", "--team", "platform", "--workspace", "research", "--user", "alice");
    assert.equal(assigned.code, 0, assigned.stderr);
    assert.equal(
      assigned.stdout,
      "Assigned role 'guest' to user 'alice' in workspace 'research'.\nAssigned role 'guest' to team 'platform' in workspace 'research'.\n",
    );
    const revoked = await cli("role", "revoke", "guest", "--team", "platform", "--workspace", "research");
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.equal(revoked.stdout, "Revoked role 'guest' from team 'platform' in workspace 'research'.\n");
    const list = await cli("role", "assignment", "list", "--output", "json");
    const scoped = (JSON.parse(list.stdout) as { items: { workspace: { name: string } | null; user: { name: string } }[] }).items.filter(
      (a) => a.workspace?.name === "research",
    );
    assert.deepEqual(
      scoped.map((a) => a.user.name),
      ["alice"],
    );
  });

  it("role update renames and changes permissions; workspace update and delete", async () => {
    const updated = await cli("role", "update", "ops", "-n", "operators", "-a", "me", "-r", "write");
    assert.equal(updated.code, 0, updated.stderr);
    assert.equal(updated.stdout, "Updated role 'operators'.\n");
    const role = JSON.parse((await cli("role", "list", "--name", "operators", "--output", "json")).stdout) as {
      items: { permissions: string[] }[];
    };
    assert.deepEqual(role.items[0]?.permissions, ["read", "me"]);
    const clash = await cli("role", "update", "operators", "-a", "me", "-r", "me");
    assert.equal(clash.code, 2);
    assert.equal(oneErrorLine(clash), "Error: You can not add and remove the same permission.");
    const builtin = await cli("role", "update", "admin", "-r", "me");
    assert.equal(builtin.code, 1);
    assert.equal(oneErrorLine(builtin), "Error: The built-in role 'admin' cannot be updated.");

    assert.equal((await cli("workspace", "create", "scratch")).code, 0);
    assert.equal((await cli("workspace", "set", "scratch")).code, 0);
    assert.equal(
      (await cli("workspace", "update", "scratch", "-n", "sandbox", "-d", "try things")).stdout,
      "Updated workspace 'sandbox'.\n",
    );
    const deleted = await cli("workspace", "delete", "sandbox");
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.equal(deleted.stdout, "Deleted workspace 'sandbox'.\nThe active workspace is 'default' again.\n");
    const undeletable = await cli("workspace", "delete", "default");
    assert.equal(undeletable.code, 1);
    oneErrorLine(undeletable);
  });

  it("a user without write is refused by the server", async () => {
    const bob = await cliSandbox();
    try {
      const login = await bob.run(["connect", "--url", server.url, "--username", "bob", "--password-stdin"], { input: BOB_PASSWORD });
      assert.equal(login.code, 0, login.stderr);
      const result = await bob.run(["role", "create", "sneaky", "-p", "write"]);
      assert.equal(result.code, 1);
      assert.equal(oneErrorLine(result), "Error: Not enough permissions");
      const list = await bob.run(["user", "list", "--output", "json"]);
      assert.equal(list.code, 0, list.stderr);

      const changed = await bob.run(["user", "change-password", "--password-stdin"], {
        input: `${BOB_PASSWORD}\nbob-new-passphrase-8642\n`,
      });
      assert.equal(changed.code, 0, changed.stderr);
      assert.equal(changed.stdout, "Changed the password of user 'bob'. Its other sessions have ended.\n");

      const sessions = await bob.run(["session", "list", "--output", "json"]);
      const live = JSON.parse(sessions.stdout) as { id: string; current: boolean; client: string }[];
      assert.equal(live.length, 1);
      assert.equal(live[0]?.current, true);
      assert.equal(live[0]?.client, "cohort-cli");
    } finally {
      await bob.remove();
    }
  });

  it("user deactivate prints a new sign-up link", async () => {
    const result = await cli("user", "deactivate", "bob");
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Deactivated user 'bob': their sessions have ended\.$/m);
    assert.equal(SIGNUP_LINK.exec(result.stdout)?.[3], "bob");
  });

  it("COHORT_URL and COHORT_TOKEN override the config file", async () => {
    const config = JSON.parse(await readFile(join(sandbox.env.COHORT_CONFIG_DIR ?? "", "config.json"), "utf8")) as { token: string };
    const other = await cliSandbox({ COHORT_URL: server.url, COHORT_TOKEN: config.token });
    try {
      const result = await other.run(["user", "describe", "--output", "json"]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal((JSON.parse(result.stdout) as { name: string }).name, "default");
    } finally {
      await other.remove();
    }
  });

  it("session revoke --all ends every other session of the user and keeps the CLI's own", async () => {
    const login = async () => {
      const body = new URLSearchParams({ username: "default", password: ADMIN_PASSWORD });
      const reply = await fetch(`${server.url}/api/v1/login`, { method: "POST", body });
      return ((await reply.json()) as { access_token: string }).access_token;
    };
    const elsewhere = [await login(), await login()];
    const listed = JSON.parse((await cli("session", "list", "--output", "json")).stdout) as { current: boolean }[];
    const others = listed.filter((s) => !s.current).length;
    assert.ok(others >= elsewhere.length);

    const result = await cli("session", "revoke", "--all");
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `Revoked ${others} other sessions.\n`);
    for (const token of elsewhere) {
      const reply = await fetch(`${server.url}/api/v1/current-user`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(reply.status, 401);
    }
    const left = JSON.parse((await cli("session", "list", "--output", "json")).stdout) as { current: boolean }[];
    assert.deepEqual(
      left.map((s) => s.current),
      [true],
    );
    assert.equal((await cli("session", "revoke", "--all")).stdout, "Revoked 0 other sessions.\n");
  });

  it("session revoke needs a session ID or --all, not both (exit 2)", async () => {
    for (const args of [[], ["--all", "00000000-0000-4000-8000-000000000000"]]) {
      const result = await cli("session", "revoke", ...args);
      assert.equal(result.code, 2, JSON.stringify(args));
      assert.equal(oneErrorLine(result), "Error: Give a session ID or --all, not both.");
    }
  });

  it("session revoke of the CLI's own session logs it out", async () => {
    const sessions = JSON.parse((await cli("session", "list", "--output", "json")).stdout) as { id: string; current: boolean }[];
    const mine = sessions.find((s) => s.current);
    assert.ok(mine);
    const result = await cli("session", "revoke", mine.id);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /That was this CLI's session/);
    const status = await cli("status");
    assert.equal(status.code, 1);
    assert.match(oneErrorLine(status), /^Error: Not logged in \(Invalid authentication credentials\)/);
    const list = await cli("user", "list");
    assert.equal(list.code, 1);
    assert.equal(
      oneErrorLine(list),
      `Error: Invalid authentication credentials (run 'cohort connect --url ${server.url}' to log in again)`,
    );
  });

  it("disconnect goes back to the local store", async () => {
    const result = await cli("disconnect");
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `Disconnected from the Cohort server at '${server.url}'. The CLI uses the local store now.\n`);
    const status = await cli("status");
    assert.match(status.stdout, /^Using the local store: 'sqlite:\/\//);
  });
});
