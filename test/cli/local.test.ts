/**
 * The CLI in local mode (SPEC §1): no server, the local SQLite store opened in-process, acting as
 * the default user with no permission checks. The walkthrough must print what it prints against
 * a server.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { cliSandbox, oneErrorLine, type CliSandbox } from "./harness.js";
import { walkthroughTests } from "./walkthrough.js";

const BASE_URL = "https://cohort.example.com";

describe("cohort CLI in local mode", () => {
  let sandbox: CliSandbox;
  const cli = (...args: string[]) => sandbox.run(args);

  before(async () => {
    // The default user is left pending (no COHORT_DEFAULT_USER_PASSWORD): local mode needs no login.
    sandbox = await cliSandbox({ COHORT_BASE_URL: BASE_URL });
  });
  after(async () => {
    await sandbox?.remove();
  });

  it("status shows the local store and the default user", async () => {
    const result = await cli("status");
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Using the local store: 'sqlite:\/\/\/.*\/data\/cohort\.db'$/m);
    assert.match(result.stdout, /^Acting as user: 'default'/m);
    assert.match(result.stdout, /^Running with active workspace: 'default'$/m);
  });

  // Links point at COHORT_BASE_URL, where the local store's server would be reached.
  // A fresh local store's `default` admin is still pending: the last-admin rule only refuses a
  // change that takes the number of active admins from one or more to none, so revoking works.
  walkthroughTests(
    () => sandbox,
    () => BASE_URL,
  );

  it("workspaces: create, set, list marks the active one, delete falls back to default", async () => {
    assert.equal((await cli("workspace", "create", "research", "-d", "experiments")).stdout, "Created workspace 'research'.\n");
    assert.equal((await cli("workspace", "set", "research")).stdout, "Set the active workspace to 'research'.\n");
    const list = await cli("workspace", "list");
    assert.match(list.stdout, /ACTIVE\s+│ NAME\s+│ DESCRIPTION/);
    assert.match(list.stdout, /👉\s+│ research\s+│ experiments/);
    const described = await cli("workspace", "describe", "--output", "json");
    assert.equal((JSON.parse(described.stdout) as { name: string }).name, "research");
    const renamed = await cli("workspace", "update", "research", "-n", "lab");
    assert.equal(renamed.stdout, "Updated workspace 'lab'.\n");
    assert.match((await cli("status")).stdout, /active workspace: 'lab'/);
  });

  it("a workspace-scoped assignment is listed with its workspace", async () => {
    const assigned = await cli("role", "assign", "guest", "--user", "bob", "--workspace", "lab");
    assert.equal(assigned.code, 0, assigned.stderr);
    assert.equal(assigned.stdout, "Assigned role 'guest' to user 'bob' in workspace 'lab'.\n");
    const list = await cli("role", "assignment", "list");
    assert.match(list.stdout, /│ lab\s+│ bob\s+│ guest\s+│/);
  });

  it("user update and delete", async () => {
    assert.equal((await cli("user", "update", "bob", "-f", "Bob B")).stdout, "Updated user 'bob'.\n");
    const bob = JSON.parse((await cli("user", "describe", "bob", "--output", "json")).stdout) as { full_name: string };
    assert.equal(bob.full_name, "Bob B");
    const nothing = await cli("user", "update", "bob");
    assert.equal(nothing.code, 2);
    oneErrorLine(nothing);
  });

  it("db backup copies the store (in a directory of its owner's only) to a new file, also its owner's only, that works as a store; it never overwrites", async () => {
    const copy = join(sandbox.dir, "backup.db");
    const made = await cli("db", "backup", copy);
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /^Backed up 'sqlite:\/\/\/.*\/data\/cohort\.db' to '.*\/backup\.db' \(\d+ KiB\)\.$/m);
    assert.equal((await stat(copy)).mode & 0o777, 0o600);
    assert.equal((await stat(join(sandbox.dir, "data"))).mode & 0o777, 0o700, "the store's directory is its owner's only");
    const fromCopy = await sandbox.run(["user", "describe", "bob", "--output", "json"], {
      env: { COHORT_DATABASE_URL: `sqlite://${copy}` },
    });
    assert.equal((JSON.parse(fromCopy.stdout) as { full_name: string }).full_name, "Bob B");

    const kept = await readFile(copy);
    const again = await cli("db", "backup", copy);
    assert.equal(again.code, 1);
    assert.match(oneErrorLine(again), /backup\.db' already exists: choose a new file name\.$/);
    assert.deepEqual(await readFile(copy), kept);

    const other = join(sandbox.dir, "other.db");
    const server = await cli("db", "backup", other, "--database-url", "postgres://nobody@127.0.0.1:1/none");
    assert.equal(server.code, 1);
    assert.match(oneErrorLine(server), /is not a SQLite store: back it up with pg_dump\.$/);
    const nowhere = await cli("db", "backup", join(sandbox.dir, "missing", "copy.db"));
    assert.match(oneErrorLine(nowhere), /The directory '.*\/missing' does not exist\.$/);
    await writeFile(join(sandbox.dir, "notes.txt"), "not a database");
    const junk = await cli("db", "backup", other, "--database-url", `sqlite://${join(sandbox.dir, "notes.txt")}`);
    assert.match(oneErrorLine(junk), /notes\.txt' is not a SQLite store\.$/);
    assert.equal(existsSync(other), false);
  });

  it("a broken config file is one error line, not a stack trace", async () => {
    const dir = sandbox.env.COHORT_CONFIG_DIR ?? "";
    await mkdir(dir, { recursive: true });
    await writeFile(`${dir}/config.json`, "{ not json");
    const result = await cli("user", "list");
    assert.equal(result.code, 1);
    assert.match(oneErrorLine(result), /is not valid JSON: fix it or delete it\.$/);
    await writeFile(`${dir}/config.json`, "{}");
  });

  it("a bad setting is one error line", async () => {
    const result = await sandbox.run(["user", "list"], { env: { COHORT_INVITE_TTL: "soon" } });
    assert.equal(result.code, 1);
    assert.match(oneErrorLine(result), /^Error: COHORT_INVITE_TTL must be a duration/);
  });

  it("db status and db migrate", async () => {
    const fresh = await cliSandbox();
    try {
      const before = await fresh.run(["db", "status"]);
      assert.equal(before.code, 0, before.stderr);
      assert.match(before.stdout, /MIGRATION\s+│ STATUS/);
      assert.match(before.stdout, /│ pending\s+│/);
      assert.doesNotMatch(before.stdout, /│ applied\s+│/);
      const migrated = await fresh.run(["db", "migrate"]);
      assert.equal(migrated.code, 0, migrated.stderr);
      assert.match(migrated.stdout, /^Applied migration '.+'\.$/m);
      assert.match((await fresh.run(["db", "migrate"])).stdout, /^The store '.*' is up to date\.$/m);
      const after = await fresh.run(["db", "status"]);
      assert.doesNotMatch(after.stdout, /│ pending\s+│/);
      assert.match(after.stdout, /^(\d+) of \1 migrations applied to 'sqlite:\/\/\/.*'\.$/m);
    } finally {
      await fresh.remove();
    }
  });
});
