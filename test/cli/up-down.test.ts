/**
 * `cohort up` / `cohort down`: a detached local server on the local store, and the CLI connected
 * to it without a password prompt (SPEC §2), or told how to set the password when `default` is
 * still pending.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { ADMIN_PASSWORD, cliSandbox, SIGNUP_LINK, type CliSandbox } from "./harness.js";

const RUNNING = /^The local Cohort server is running at '(http:\/\/127\.0\.0\.1:\d+)'/m;

/** Kills a server a failed test left behind (only the pid the CLI recorded). */
async function cleanUp(sandbox: CliSandbox | undefined): Promise<void> {
  if (!sandbox) return;
  try {
    const record = JSON.parse(await readFile(join(sandbox.env.COHORT_CONFIG_DIR ?? "", "local-server.json"), "utf8")) as { pid: number };
    process.kill(record.pid, "SIGKILL");
  } catch {
    // Nothing left running.
  }
  await sandbox.remove();
}

/** Alive and not a zombie waiting for init to reap it (`down` cannot wait for that). */
async function isRunning(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  return !/^\d+ \(.*\) Z/.test(stat);
}

describe("cohort up / down", () => {
  const sandboxes: CliSandbox[] = [];
  after(async () => {
    for (const sandbox of sandboxes) await cleanUp(sandbox);
  });

  it("up starts a background server and connects to it as default; down stops it and disconnects", async () => {
    const sandbox = await cliSandbox({ COHORT_DEFAULT_USER_PASSWORD: ADMIN_PASSWORD });
    sandboxes.push(sandbox);
    const up = await sandbox.run(["up", "--port", "0"]);
    assert.equal(up.code, 0, up.stderr);
    const url = RUNNING.exec(up.stdout)?.[1];
    assert.ok(url, up.stdout);
    assert.match(up.stdout, /^Connected the CLI to it as user 'default'\.$/m);
    const config = JSON.parse(await readFile(join(sandbox.env.COHORT_CONFIG_DIR ?? "", "config.json"), "utf8")) as Record<string, string>;
    assert.equal(config.url, url);
    assert.ok(!JSON.stringify(config).includes(ADMIN_PASSWORD));

    const status = await sandbox.run(["status"]);
    assert.match(status.stdout, new RegExp(`^Connected to the Cohort server: '${url}'$`, "m"));
    assert.match(status.stdout, /^Logged in as user: 'default'$/m);
    const record = JSON.parse(await readFile(join(sandbox.env.COHORT_CONFIG_DIR ?? "", "local-server.json"), "utf8")) as { pid: number };

    const users = await sandbox.run(["user", "list", "--output", "json"]);
    assert.equal(users.code, 0, users.stderr);
    assert.deepEqual(
      (JSON.parse(users.stdout) as { items: { name: string }[] }).items.map((u) => u.name),
      ["default"],
    );
    const sessions = JSON.parse((await sandbox.run(["session", "list", "--output", "json"])).stdout) as {
      client: string;
      source: string;
    }[];
    assert.deepEqual(
      sessions.map((s) => [s.client, s.source]),
      [["cohort up", "local"]],
    );

    const again = await sandbox.run(["up"]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, new RegExp(`^The local Cohort server is already running at '${url}'\\.$`, "m"));

    const down = await sandbox.run(["down"]);
    assert.equal(down.code, 0, down.stderr);
    assert.equal(down.stdout, `Stopped the local Cohort server at '${url}'.\nDisconnected: the CLI uses the local store now.\n`);
    assert.equal(await isRunning(record.pid), false);
    assert.match((await sandbox.run(["status"])).stdout, /^Using the local store/m);

    const downAgain = await sandbox.run(["down"]);
    assert.equal(downAgain.code, 0, downAgain.stderr);
    assert.equal(downAgain.stdout, "No local Cohort server started by 'cohort up' is running.\n");
  });

  it("up with a pending default user prints its setup link instead of connecting", async () => {
    const sandbox = await cliSandbox();
    sandboxes.push(sandbox);
    const up = await sandbox.run(["up", "--port", "0"]);
    assert.equal(up.code, 0, up.stderr);
    const url = RUNNING.exec(up.stdout)?.[1];
    assert.ok(url, up.stdout);
    assert.match(up.stdout, /^The 'default' user has no password yet\./m);
    const link = SIGNUP_LINK.exec(up.stdout);
    assert.equal(link?.[1], url);
    assert.equal(link?.[3], "default");
    assert.match((await sandbox.run(["status"])).stdout, /^Using the local store/m);
    const down = await sandbox.run(["down"]);
    assert.equal(down.stdout, `Stopped the local Cohort server at '${url}'.\n`);
  });

  it("up on a busy port fails with the server's reason on one line", async () => {
    const first = await cliSandbox({ COHORT_DEFAULT_USER_PASSWORD: ADMIN_PASSWORD });
    sandboxes.push(first);
    const url = RUNNING.exec((await first.run(["up", "--port", "0"])).stdout)?.[1];
    assert.ok(url);
    const second = await cliSandbox({ COHORT_DEFAULT_USER_PASSWORD: ADMIN_PASSWORD });
    sandboxes.push(second);
    const result = await second.run(["up", "--port", new URL(url).port]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^Error: The local server did not start: .*EADDRINUSE.*\n$/);
    await first.run(["down"]);
  });
});
