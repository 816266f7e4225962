/**
 * The CLI walkthrough of SPEC §7 and the README, run the same way against a server (connected
 * mode) and against the local store (local mode): both modes share one client and one server code
 * path, so they must print the same things.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { parse as parseYaml } from "yaml";
import { oneErrorLine, SIGNUP_LINK, type CliSandbox } from "./harness.js";

export const BOB_PASSWORD = "bob-has-a-long-passphrase-7";
const PAGE_LINE = (i: number, n: number, total: number) => `Page \`(${i}/${n})\`, \`${total}\` items found for the applied filters.`;

interface JsonUser {
  id: string;
  name: string;
  active: boolean;
  roles: { name: string }[];
}

/** Registers the walkthrough's tests; `sandbox` and `linkBase` are read when the tests run. */
export function walkthroughTests(sandbox: () => CliSandbox, linkBase: () => string): void {
  const cli = (...args: string[]) => sandbox().run(args);

  it("user create without a password prints the sign-up link with a 64-hex token and assigns admin", async () => {
    const result = await cli("user", "create", "alice");
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split("\n");
    assert.equal(lines[0], "Created user 'alice'.");
    assert.equal(
      lines[1],
      "The created user account is currently inactive. You can activate it by visiting the dashboard at the following URL:",
    );
    const link = SIGNUP_LINK.exec(result.stdout);
    assert.ok(link, `no sign-up link in:\n${result.stdout}`);
    assert.equal(link[1], linkBase());
    assert.equal(link[3], "alice");
    assert.match(link[4] ?? "", /^[0-9a-f]{64}$/);
    assert.match(result.stdout, /^Assigned role 'admin' to user 'alice'\.$/m);
  });

  it("permission list prints ZenML's line", async () => {
    const result = await cli("permission", "list");
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, "The following permissions are currently supported: ['write', 'read', 'me']\n");
  });

  it("role list shows the built-in roles in ZenML's columns", async () => {
    const result = await cli("role", "list");
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /\bID\b.*\bNAME\b.*\bPERMISSIONS\b/);
    assert.match(result.stdout, /admin\s+│ \['read', 'write', 'me'\]/);
    assert.match(result.stdout, /guest\s+│ \['read', 'me'\]/);
    assert.ok(result.stdout.endsWith(PAGE_LINE(1, 1, 2) + "\n"), result.stdout);
  });

  it("role create and role assign", async () => {
    const created = await cli("role", "create", "ops", "-p", "read", "-p", "write");
    assert.equal(created.code, 0, created.stderr);
    assert.equal(created.stdout, "Created role 'ops'.\n");
    const assigned = await cli("role", "assign", "ops", "--user", "alice");
    assert.equal(assigned.code, 0, assigned.stderr);
    assert.equal(assigned.stdout, "Assigned role 'ops' to user 'alice'.\n");
  });

  it("user create with a password and a role makes an active user and prints no link", async () => {
    const result = await cli("user", "create", "bob", "--role", "guest", "--password", BOB_PASSWORD);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, "Created user 'bob'.\nAssigned role 'guest' to user 'bob'.\n");
  });

  it("role assignment list shows who holds what", async () => {
    const result = await cli("role", "assignment", "list");
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /WORKSPACE\s+│ USER\s+│ ROLE/);
    for (const [user, role] of [
      ["default", "admin"],
      ["alice", "admin"],
      ["alice", "ops"],
      ["bob", "guest"],
    ]) {
      assert.match(result.stdout, new RegExp(`│ ${user}\\s+│ ${role}\\s+│`));
    }
    assert.ok(result.stdout.endsWith(PAGE_LINE(1, 1, 4) + "\n"), result.stdout);
  });

  it("user list prints ZenML's columns; --output json and yaml give the wire page", async () => {
    const table = await cli("user", "list");
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /CURRENT\s+│ ID\s+│ NAME\s+│ FULL_NAME\s+│ ACTIVE\s+│ TEAMS\s+│ ROLES/);
    assert.match(table.stdout, /👉\s+│ [0-9a-f-]{36} │ default /);
    assert.match(table.stdout, /│ alice\s+│\s+│ False\s+│\s+│ \['admin', 'ops'\]/);

    const json = await cli("user", "list", "--output", "json");
    assert.equal(json.code, 0, json.stderr);
    const page = JSON.parse(json.stdout) as { total: number; items: JsonUser[] };
    assert.equal(page.total, 3);
    const byName = new Map(page.items.map((u) => [u.name, u]));
    assert.deepEqual(
      byName
        .get("alice")
        ?.roles.map((r) => r.name)
        .sort(),
      ["admin", "ops"],
    );
    assert.equal(byName.get("alice")?.active, false);
    assert.equal(byName.get("bob")?.active, true);

    const yaml = await cli("role", "list", "--output", "yaml");
    assert.equal(yaml.code, 0, yaml.stderr);
    const roles = parseYaml(yaml.stdout) as { items: { name: string }[] };
    assert.deepEqual(roles.items.map((r) => r.name).sort(), ["admin", "guest", "ops"]);
  });

  it("list filters narrow the page", async () => {
    const result = await cli("user", "list", "--name", "contains:lic", "--output", "json");
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(
      (JSON.parse(result.stdout) as { items: JsonUser[] }).items.map((u) => u.name),
      ["alice"],
    );
    const sorted = await cli("user", "list", "--sort_by", "desc:name", "--size", "1", "--page", "2", "--output", "json");
    const page = JSON.parse(sorted.stdout) as { index: number; total_pages: number; items: JsonUser[] };
    assert.equal(sorted.code, 0, sorted.stderr);
    // desc:name orders default, bob, alice; page 2 of size 1 is bob.
    assert.deepEqual([page.index, page.total_pages, page.items.map((u) => u.name)], [2, 3, ["bob"]]);
  });

  it("a refused operation prints the server's message on one line and exits 1", async () => {
    const result = await cli("user", "create", "alice");
    assert.equal(result.code, 1);
    assert.equal(oneErrorLine(result), "Error: Unable to create user with name 'alice': Found existing user with this name.");
    assert.equal(result.stdout, "");
    const missing = await cli("user", "describe", "nobody");
    assert.equal(missing.code, 1);
    assert.match(oneErrorLine(missing), /^Error: Unable to get user with name or ID 'nobody'/);
  });

  it("user create refuses a guessable password with the estimator's hint, and a look-alike name naming the user it resembles", async () => {
    const weak = await cli("user", "create", "carl", "--password", "password1234");
    assert.equal(weak.code, 1);
    assert.match(oneErrorLine(weak), /^Error: Password is too easy to guess: This is similar to a commonly used password\./);
    const lookalike = await cli("user", "create", "\u0430lice"); // Cyrillic а
    assert.equal(lookalike.code, 1);
    assert.equal(oneErrorLine(lookalike), "Error: Unable to create user with name '\u0430lice': it looks like the existing user 'alice'.");
    assert.equal(lookalike.stdout + weak.stdout, "");
  });

  it("a command line that makes no sense exits 2", async () => {
    for (const args of [
      ["role", "create", "x", "-p", "admin"],
      ["user", "frobnicate"],
      ["user", "list", "--page", "0"],
      ["user", "list", "--output", "xml"],
      ["role", "assign", "ops"],
    ]) {
      const result = await cli(...args);
      assert.equal(result.code, 2, `${args.join(" ")}: ${result.stderr}`);
      assert.match(oneErrorLine(result), /^Error: /);
    }
  });

  it("role revoke removes the global assignment assign made", async () => {
    const result = await cli("role", "revoke", "ops", "--user", "alice");
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, "Revoked role 'ops' from user 'alice'.\n");
    const again = await cli("role", "revoke", "ops", "--user", "alice");
    assert.equal(again.code, 1);
    assert.equal(oneErrorLine(again), "Error: Role 'ops' is not assigned to user 'alice' globally.");
  });
}
