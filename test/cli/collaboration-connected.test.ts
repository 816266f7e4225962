/**
 * Teams, stacks, components and the audit log from the CLI connected to a server, then what only
 * a server has: a second user's private stack does not exist for the first until it is shared,
 * and the audit log is for admins.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
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

  it("pipeline list, describe, runs list and delete (pipelines and runs come from ZenML clients, here the API)", async () => {
    const { token } = JSON.parse(await readFile(join(admin.env.COHORT_CONFIG_DIR ?? "", "config.json"), "utf8")) as { token: string };
    const api = async <T>(path: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${server.url}/api/v1${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      assert.equal(response.status, 200, await response.clone().text());
      return (await response.json()) as T;
    };
    const [me, ws] = await Promise.all([api<{ id: string }>("/current-user"), api<{ id: string }>("/workspaces/default")]);
    const owner = { user: me.id, workspace: ws.id };
    const pipeline = await api<{ id: string }>(`/workspaces/${ws.id}/pipelines`, {
      ...owner,
      name: "training",
      version: "1",
      version_hash: "abc",
      spec: {},
    });
    await api(`/workspaces/${ws.id}/runs`, { ...owner, name: "training-run-1", status: "completed", pipeline: pipeline.id });

    const list = await admin.run(["pipeline", "list"]);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /│ training\s+│ 1\s+│ default\s+│ \['completed'\]\s+│/);
    const runs = await admin.run(["pipeline", "runs", "list", "--pipeline_id", pipeline.id]);
    assert.match(runs.stdout, /│ PIPELINE NAME\s+│ RUN NAME\s+│ RUN ID\s+│ STATUS\s+│ STACK\s+│ OWNER\s+│/);
    assert.match(runs.stdout, /│ training\s+│ training-run-1\s+│ [0-9a-f-]{36} │ completed\s+│\s+│ default\s+│/);
    const described = await admin.run(["pipeline", "describe", "training", "-v", "1", "--output", "json"]);
    assert.equal((JSON.parse(described.stdout) as { id: string }).id, pipeline.id);
    const deleted = await admin.run(["pipeline", "delete", "training", "-y"]);
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.equal(deleted.stdout, "Deleted pipeline 'training' version '1'.\n");
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
