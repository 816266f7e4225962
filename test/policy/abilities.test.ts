/**
 * Abilities shipped to the dashboard (src/server/policy/abilities.ts, STYLE §2.5) answer each
 * question by running the very rule the API enforces, so they are read here whole, per actor and
 * target: what a guest, a read+write user, a workspace writer and an admin may do.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CohortError } from "../../src/server/errors.js";
import {
  allows,
  componentAbilities,
  globalAbilities,
  roleAbilities,
  stackAbilities,
  teamAbilities,
  userAbilities,
  workspaceAbilities,
} from "../../src/server/policy/abilities.js";
import { principal, userActor } from "../helpers/policy.js";

const DEFAULT = "default";
const admin = userActor("admin", ["read", "write", "me"]);
const rw = userActor("rw", ["read", "write"]);
const guest = userActor("guest", ["read", "me"]);
const wsWriter = userActor("wsw", [], { ws: ["read", "write"] });

/** The names of the abilities that are true. */
const granted = (set: Record<string, boolean>) =>
  Object.entries(set)
    .filter(([, yes]) => yes)
    .map(([name]) => name);

it("allows: a policy refusal is false, any other error propagates", () => {
  assert.equal(
    allows(() => undefined),
    true,
  );
  assert.equal(
    allows(() => {
      throw new (class extends CohortError {
        status = 403;
        wireName = "X";
      })();
    }),
    false,
  );
  assert.throws(
    () =>
      allows(() => {
        throw new TypeError("a bug");
      }),
    TypeError,
  );
});

describe("global abilities", () => {
  it("an admin may do everything; as the default user, all but renaming itself", () => {
    const all = [
      "users:read",
      "users:invite",
      "roles:read",
      "roles:create",
      "workspaces:read",
      "workspaces:create",
      "teams:read",
      "teams:create",
      "audit:read",
      "me",
      "me:rename",
    ];
    assert.deepEqual(granted(globalAbilities(admin, { id: "admin", name: "alice" }, DEFAULT)), all);
    assert.deepEqual(
      granted(globalAbilities(admin, { id: "admin", name: "default" }, DEFAULT)),
      all.filter((a) => a !== "me:rename"),
    );
  });

  it("a guest reads and edits itself; a read+write user administers but has no me", () => {
    assert.deepEqual(granted(globalAbilities(guest, { id: "guest", name: "g" }, DEFAULT)), [
      "users:read",
      "roles:read",
      "workspaces:read",
      "teams:read",
      "me",
      "me:rename",
    ]);
    assert.deepEqual(granted(globalAbilities(rw, { id: "rw", name: "r" }, DEFAULT)), [
      "users:read",
      "users:invite",
      "roles:read",
      "roles:create",
      "workspaces:read",
      "workspaces:create",
      "teams:read",
      "teams:create",
      "audit:read",
    ]);
  });

  it("a reader of one workspace sees the workspace list", () => {
    assert.deepEqual(granted(globalAbilities(wsWriter, { id: "wsw", name: "w" }, DEFAULT)), ["workspaces:read"]);
  });
});

describe("user abilities", () => {
  const user = (id: string, status: "active" | "pending" | "deactivated", held: ("read" | "write" | "me")[] = [], locked = false) => ({
    ...principal(id, held),
    status,
    locked,
  });

  it("on someone holding no more: everything that fits their status", () => {
    assert.deepEqual(granted(userAbilities(rw, user("alice", "active", ["read"]), DEFAULT)), [
      "edit_roles",
      "deactivate",
      "new_link",
      "delete",
    ]);
    assert.deepEqual(granted(userAbilities(rw, user("alice", "deactivated"), DEFAULT)), ["edit_roles", "reactivate", "new_link", "delete"]);
    assert.deepEqual(granted(userAbilities(rw, user("alice", "pending"), DEFAULT)), ["edit_roles", "new_link", "delete"]);
  });

  it("unlocking: only a locked user, by a writer holding all they hold (oneself included)", () => {
    assert.deepEqual(granted(userAbilities(rw, user("alice", "active", ["read"], true), DEFAULT)), [
      "edit_roles",
      "deactivate",
      "new_link",
      "delete",
      "unlock",
    ]);
    assert.equal(userAbilities(rw, user("boss", "active", ["read", "write", "me"], true), DEFAULT).unlock, false);
    assert.equal(userAbilities(guest, user("alice", "active", [], true), DEFAULT).unlock, false);
    assert.equal(userAbilities(admin, user("admin", "active", [], true), DEFAULT).unlock, true);
  });

  it("on an admin, a read+write user may do nothing; on oneself, nothing; the default user is not deleted", () => {
    assert.deepEqual(granted(userAbilities(rw, user("boss", "active", ["read", "write", "me"]), DEFAULT)), []);
    assert.deepEqual(granted(userAbilities(admin, user("admin", "active"), DEFAULT)), []);
    assert.deepEqual(granted(userAbilities(admin, { ...user("d", "active"), name: "default" }, DEFAULT)), [
      "edit_roles",
      "deactivate",
      "new_link",
    ]);
    assert.deepEqual(granted(userAbilities(guest, user("alice", "active"), DEFAULT)), []);
    assert.deepEqual(granted(userAbilities(guest, user("alice", "deactivated"), DEFAULT)), []);
  });
});

describe("role, workspace and team abilities", () => {
  it("roles: custom ones within what one holds; never built-ins", () => {
    assert.deepEqual(granted(roleAbilities(rw, { name: "ops", builtin: false, permissions: ["read"] })), ["update", "delete"]);
    assert.deepEqual(granted(roleAbilities(rw, { name: "mine", builtin: false, permissions: ["me"] })), []);
    assert.deepEqual(granted(roleAbilities(admin, { name: "admin", builtin: true, permissions: ["read", "write", "me"] })), []);
  });

  it("workspaces: its writers edit and create in it; global writers delete; default keeps its name", () => {
    const ws = { id: "ws", name: "bravo" };
    assert.deepEqual(granted(workspaceAbilities(wsWriter, ws)), ["update", "rename", "create_stack", "create_component"]);
    assert.deepEqual(granted(workspaceAbilities(rw, { id: "d", name: "default" })), ["update", "create_stack", "create_component"]);
    assert.deepEqual(granted(workspaceAbilities(rw, ws)), ["update", "rename", "delete", "create_stack", "create_component"]);
    assert.deepEqual(granted(workspaceAbilities(guest, ws)), []);
  });

  it("teams: members change only with the team's grants; roles and deletion only for members holding no more", () => {
    const adminGrants = ["read", "write", "me"].map((permission) => ({ workspace_id: null, permission }));
    const alice = principal("alice", ["read"]);
    assert.deepEqual(granted(teamAbilities(rw, [], [alice])), ["update", "edit_members", "edit_roles", "delete"]);
    assert.deepEqual(granted(teamAbilities(rw, adminGrants, [])), ["update", "edit_roles"]);
    assert.deepEqual(granted(teamAbilities(rw, [], [principal("rw", ["read", "write"])])), ["update", "edit_members", "delete"]);
    assert.deepEqual(granted(teamAbilities(rw, [], [principal("boss", ["read", "write", "me"])])), ["update", "edit_members"]);
    assert.deepEqual(granted(teamAbilities(guest, [], [])), []);
  });
});

describe("stack and component abilities", () => {
  const owner = userActor("owner", [], { ws: ["read", "write"] });

  it("the owner does everything to its own; other writers edit and delete what is shared", () => {
    const priv = { id: "s", name: "prod", workspaceId: "ws", userId: "owner", isShared: false };
    assert.deepEqual(granted(stackAbilities(owner, priv)), ["update", "rename", "share", "delete"]);
    assert.deepEqual(granted(stackAbilities(owner, { ...priv, isShared: true })), ["update", "rename", "unshare", "delete"]);
    assert.deepEqual(granted(stackAbilities(rw, { ...priv, isShared: true })), ["update", "delete"]);
    assert.deepEqual(granted(stackAbilities(rw, priv)), []);
    assert.deepEqual(granted(stackAbilities(owner, { ...priv, name: "default" })), []);
  });

  it("components follow the same rules, their defaults protected too", () => {
    const component = { id: "c", name: "s3", type: "artifact_store", workspaceId: "ws", userId: "owner", isShared: true };
    assert.deepEqual(granted(componentAbilities(owner, component)), ["update", "rename", "unshare", "delete"]);
    assert.deepEqual(granted(componentAbilities(guest, component)), []);
    assert.deepEqual(granted(componentAbilities(owner, { ...component, name: "default" })), []);
  });
});
