/**
 * Teams, stack components, stacks, sharing and the audit log from the CLI (SPEC §7, issues 4
 * and 5), run the same way against a server and against the local store: both modes share one
 * client and one server code path, so they must print the same things. The tests run in order
 * on one sandbox, each building on the last.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { it } from "node:test";
import { oneErrorLine, type CliResult, type CliSandbox } from "./harness.js";

export const CAROL_PASSWORD = "carol-has-a-long-passphrase-3";

interface JsonStack {
  name: string;
  is_shared: boolean;
  user: { name: string };
  components: Record<string, { name: string; is_shared: boolean }[]>;
}

function ok(result: CliResult): string {
  assert.equal(result.code, 0, result.stderr);
  return result.stdout;
}

function fails(result: CliResult, code: number): string {
  assert.equal(result.code, code, result.stdout);
  assert.equal(result.stdout, "");
  return oneErrorLine(result);
}

export function collaborationTests(sandbox: () => CliSandbox): void {
  const cli = (...args: string[]) => sandbox().run(args);

  it("team create, rename (members kept), team roles listed, remove a member, delete", async () => {
    ok(await cli("user", "create", "carol", "--password", CAROL_PASSWORD));
    assert.equal(ok(await cli("team", "create", "ml", "-u", "carol")), "Created team 'ml'.\n");
    assert.equal(ok(await cli("team", "update", "ml", "-n", "mlops")), "Updated team 'mlops'.\n");
    const list = ok(await cli("team", "list"));
    assert.match(list, /│ NAME\s+│ USERS\s+│/);
    assert.match(list, /│ mlops\s+│ \['carol'\]\s+│/);
    assert.equal(
      ok(await cli("role", "assign", "guest", "--team", "mlops", "--workspace", "default")),
      "Assigned role 'guest' to team 'mlops' in workspace 'default'.\n",
    );
    assert.match(
      ok(await cli("role", "assignment", "list", "--teams")),
      /│ WORKSPACE\s+│ TEAM\s+│ ROLE\s+│[\s\S]*│ default\s+│ mlops\s+│ guest\s+│/,
    );
    assert.equal(ok(await cli("team", "update", "mlops", "-r", "carol")), "Updated team 'mlops'.\n");
    const team = JSON.parse(ok(await cli("team", "describe", "mlops", "--output", "json"))) as { name: string; users: unknown[] };
    assert.deepEqual([team.name, team.users], ["mlops", []]);
    assert.equal(ok(await cli("team", "delete", "mlops")), "Deleted team 'mlops'.\n");
  });

  it("components: register with a flavor and key=value settings, list, describe", async () => {
    assert.equal(ok(await cli("orchestrator", "register", "orch1", "-f", "local")), "Successfully registered orchestrator `orch1`.\n");
    assert.equal(
      ok(await cli("artifact-store", "register", "store1", "--flavor", "local", "path=/tmp/store1", "--retries=3")),
      "Successfully registered artifact store `store1`.\n",
    );
    const store = JSON.parse(ok(await cli("artifact-store", "describe", "store1", "--output", "json"))) as Record<string, unknown>;
    assert.deepEqual([store.type, store.flavor, store.is_shared], ["artifact_store", "local", false]);
    assert.deepEqual(store.configuration, { path: "/tmp/store1", retries: 3 });
    const list = ok(await cli("orchestrator", "list"));
    assert.match(list, /│ ACTIVE\s+│ NAME\s+│ COMPONENT ID\s+│ FLAVOR\s+│ SHARED\s+│ OWNER\s+│/);
    // The default stack is active, so its orchestrator is the active one.
    assert.match(list, /│ 👉\s+│ default\s+│ [0-9a-f-]{36} │ local\s+│ ➖\s+│ default\s+│/);
    assert.match(list, /│\s+│ orch1\s+│ [0-9a-f-]{36} │ local\s+│ ➖\s+│ default\s+│/);
  });

  it("stack register --set, list marks the active stack, get (per workspace) and describe", async () => {
    assert.equal(
      ok(await cli("stack", "register", "s1", "-o", "orch1", "-a", "store1", "--set")),
      "Stack 's1' successfully registered!\nActive stack set to: 's1'\n",
    );
    const list = ok(await cli("stack", "list"));
    assert.match(list, /│ ACTIVE\s+│ STACK NAME\s+│ STACK ID\s+│ SHARED\s+│ OWNER\s+│ ARTIFACT_STORE\s+│ ORCHESTRATOR\s+│/);
    assert.match(list, /│ 👉\s+│ s1\s+│ [0-9a-f-]{36} │ ➖\s+│ default\s+│ store1\s+│ orch1\s+│/);
    assert.match(list, /│\s+│ default\s+│ [0-9a-f-]{36} │ ➖\s+│ default\s+│ default\s+│ default\s+│/);
    assert.equal(ok(await cli("stack", "get")), "The active stack is: 's1'\n");
    // Each workspace has its own active stack: the user's own default one until another is set.
    ok(await cli("workspace", "create", "lab"));
    ok(await cli("workspace", "set", "lab"));
    assert.equal(ok(await cli("stack", "get")), "The active stack is: 'default'\n");
    ok(await cli("workspace", "set", "default"));
    assert.equal(ok(await cli("stack", "get")), "The active stack is: 's1'\n");
    const described = ok(await cli("stack", "describe"));
    assert.match(described, /^Stack 's1' \(ACTIVE\):$/m);
    assert.match(described, /│ ORCHESTRATOR\s+│ orch1\s+│/);
    assert.match(described, /^Stack 's1' with id '[0-9a-f-]{36}' is owned by user default and is 'private'\.$/m);
  });

  it("stack share needs shared components; -r shares them first", async () => {
    assert.match(
      fails(await cli("stack", "share", "s1"), 1),
      /^Error: A Stack can only be shared when all its components are also shared\./,
    );
    assert.equal(
      ok(await cli("stack", "share", "s1", "-r")),
      "Successfully shared artifact store `store1`.\nSuccessfully shared orchestrator `orch1`.\nStack `s1` successfully shared!\n",
    );
    const page = JSON.parse(ok(await cli("stack", "list", "--is_shared", "true", "--output", "json"))) as { items: JsonStack[] };
    assert.deepEqual(
      page.items.map((s) => [s.name, s.is_shared, s.components.orchestrator?.[0]?.is_shared]),
      [["s1", true, true]],
    );
  });

  it("a component held by a shared stack cannot be unshared or deleted: one line, exit 1", async () => {
    assert.equal(
      fails(await cli("orchestrator", "unshare", "orch1"), 1),
      "Error: Stack Component `orch1` of type `orchestrator` cannot be unshared as it is part of 1 stacks that are shared or owned by other users. Before unsharing this stack component, make sure to remove it from those stacks.",
    );
    assert.match(
      fails(await cli("orchestrator", "delete", "orch1"), 1),
      /^Error: Stack Component `orch1` .*cannot be deleted as it is part of 1 stacks\./,
    );
  });

  it("stack unshare, update, remove-component, rename, delete (asks first; the active stack falls back to default)", async () => {
    assert.equal(ok(await cli("stack", "unshare", "s1")), "Stack `s1` successfully unshared!\n");
    assert.equal(ok(await cli("orchestrator", "unshare", "orch1")), "Successfully unshared orchestrator `orch1`.\n");
    ok(await cli("container-registry", "register", "reg", "-f", "default"));
    assert.equal(ok(await cli("stack", "update", "s1", "-c", "reg")), "Stack `s1` successfully updated!\n");
    const updated = JSON.parse(ok(await cli("stack", "describe", "s1", "--output", "json"))) as JsonStack;
    assert.deepEqual(
      Object.entries(updated.components).map(([type, [c]]) => `${type}:${c?.name}`),
      ["artifact_store:store1", "container_registry:reg", "orchestrator:orch1"],
    );
    assert.equal(ok(await cli("stack", "remove-component", "s1", "-c")), "Stack `s1` successfully updated!\n");
    assert.equal(ok(await cli("stack", "rename", "s1", "prod")), "Stack `s1` successfully renamed to `prod`!\n");
    assert.match(
      fails(await cli("stack", "delete", "prod"), 2),
      /^Error: Are you sure you want to delete stack 'prod'\? Give -y to confirm/,
    );
    assert.equal(
      ok(await cli("stack", "delete", "prod", "-y")),
      "Deleted stack 'prod'.\nThe active stack is your 'default' stack again.\n",
    );
    assert.equal(ok(await cli("orchestrator", "delete", "orch1")), "Deleted orchestrator: orch1\n");
    assert.match(fails(await cli("stack", "describe", "prod"), 1), /^Error: Unable to get stack with name or ID 'prod'/);
  });

  it("bad command lines exit 2 before anything is sent", async () => {
    for (const args of [
      ["orchestrator", "register", "o2"],
      ["orchestrator", "register", "o2", "-f", "local", "not-a-setting"],
      ["stack", "register", "s2", "-o", "default"],
      ["audit", "list", "--since", "yesterday"],
    ]) {
      assert.match(fails(await cli(...args), 2), /^Error: /, args.join(" "));
    }
  });

  it("audit list filters by action and time; audit export writes JSON lines", async () => {
    const page = JSON.parse(ok(await cli("audit", "list", "--action", "startswith:stack.", "--since", "1h", "--output", "json"))) as {
      items: { action: string; target_name: string }[];
    };
    for (const action of ["stack.create", "stack.share", "stack.unshare", "stack.update", "stack.delete"]) {
      assert.ok(
        page.items.some((e) => e.action === action),
        `${action} missing from ${page.items.map((e) => e.action).join(", ")}`,
      );
    }
    const table = ok(await cli("audit", "list", "--action", "team.create", "--until", "2999-01-01"));
    assert.match(table, /│ CREATED\s+│ ACTOR\s+│ ACTION\s+│ TARGET\s+│ OUTCOME\s+│ SOURCE\s+│/);
    assert.match(table, /│ default\s+│ team\.create\s+│ team 'ml'\s+│ success\s+│/);
    const file = join(sandbox().dir, "audit.jsonl");
    const exported = ok(await cli("audit", "export", "--target_type", "stack_component", "--output-file", file));
    const lines = (await readFile(file, "utf8")).trim().split("\n");
    assert.equal(exported, `Exported ${lines.length} audit events to '${file}'.\n`);
    const actions = lines.map((l) => (JSON.parse(l) as { action: string }).action);
    assert.deepEqual(actions.slice(0, 2), ["component.create", "component.create"]);
    assert.equal(actions.at(-1), "component.delete");
  });
}
