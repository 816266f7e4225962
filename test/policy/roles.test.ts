/**
 * Role rules (src/server/policy/roles.ts, SPEC §4 rules 2 and 6): reading needs `read`; changing
 * needs `write` globally; built-in roles are never edited or deleted; a role carries only what its
 * creator or editor holds globally, before and after the edit; a role in use is not deleted.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import {
  authorizeChangeRoles,
  authorizeCreateRole,
  authorizeDeleteRole,
  authorizeReadRoles,
  authorizeUpdateRole,
} from "../../src/server/policy/roles.js";
import { illegal, localActor, NOT_ENOUGH, outcome, principal, userActor } from "../helpers/policy.js";

const admin = userActor("admin", ["read", "write", "me"]);
const rw = userActor("rw", ["read", "write"], { ws: ["me"] });
const guest = userActor("guest", ["read", "me"]);
const custom = { name: "ops", builtin: false, permissions: ["read", "write"] as const };
const withMe = { name: "selfish", builtin: false, permissions: ["me"] as const };
const builtin = { name: "admin", builtin: true, permissions: ["read", "write", "me"] as const };

const CANNOT_GRANT_ME = illegal("You cannot grant the permission 'me': you do not hold it globally.");

it("reading roles needs read", () => {
  assert.equal(
    outcome(() => authorizeReadRoles(guest)),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeReadRoles(userActor("none", ["me"]))),
    NOT_ENOUGH,
  );
});

it("changing roles needs write globally, whatever the workspace grants", () => {
  assert.equal(
    outcome(() => authorizeChangeRoles(rw)),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeChangeRoles(guest)),
    NOT_ENOUGH,
  );
  assert.equal(
    outcome(() => authorizeChangeRoles(userActor("wsw", [], { ws: ["write"] }))),
    NOT_ENOUGH,
  );
});

it("creating: write, and only permissions held globally (a workspace's me does not count)", () => {
  assert.equal(
    outcome(() => authorizeCreateRole(rw, ["read", "write"])),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeCreateRole(rw, [])),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeCreateRole(rw, ["read", "me"])),
    CANNOT_GRANT_ME,
  );
  assert.equal(
    outcome(() => authorizeCreateRole(guest, [])),
    NOT_ENOUGH,
  );
  assert.equal(
    outcome(() => authorizeCreateRole(localActor(), ["read", "write", "me"])),
    "ok",
  );
});

it("updating: write; never a built-in; the permissions before and after must all be held", () => {
  assert.equal(
    outcome(() => authorizeUpdateRole(rw, custom, ["read"], [])),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeUpdateRole(rw, custom, null, [])),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeUpdateRole(rw, custom, undefined, [])),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeUpdateRole(rw, custom, ["read", "write", "me"], [])),
    CANNOT_GRANT_ME,
    "adding what one lacks",
  );
  assert.equal(
    outcome(() => authorizeUpdateRole(rw, withMe, [], [])),
    CANNOT_GRANT_ME,
    "taking away what one lacks",
  );
  assert.equal(
    outcome(() => authorizeUpdateRole(rw, withMe, null, [])),
    CANNOT_GRANT_ME,
    "renaming a role carrying what one lacks",
  );
  assert.equal(
    outcome(() => authorizeUpdateRole(admin, builtin, null, [])),
    illegal("The built-in role 'admin' cannot be updated."),
  );
  assert.equal(
    outcome(() => authorizeUpdateRole(guest, custom, null, [])),
    NOT_ENOUGH,
  );
});

it("changing what a role carries acts on each holder, in the scope of their assignment (rule 9)", () => {
  const boss = principal("boss", ["read", "write", "me"]);
  const wsBoss = principal("wsboss", ["read"], { ws: ["write", "me"] });
  const peer = principal("peer", ["read", "write"]);
  const outranked = (who: string, missing: string, where: string) =>
    illegal(
      `User 'name-of-${who}' holds ${missing}${where}, which you do not: only someone who holds every permission they hold may change them, their roles or their teams.`,
    );
  assert.equal(
    outcome(() => authorizeUpdateRole(rw, custom, ["read"], [{ user: peer, workspaceId: null }])),
    "ok",
  );
  assert.equal(
    outcome(() =>
      authorizeUpdateRole(
        rw,
        custom,
        ["read"],
        [
          { user: peer, workspaceId: null },
          { user: boss, workspaceId: null },
        ],
      ),
    ),
    outranked("boss", "'me'", " globally"),
  );
  assert.equal(
    outcome(() => authorizeUpdateRole(rw, custom, ["read"], [{ user: wsBoss, workspaceId: null }])),
    "ok",
    "globally the holder holds only read",
  );
  assert.equal(
    outcome(() => authorizeUpdateRole(rw, custom, ["read"], [{ user: wsBoss, workspaceId: "ws" }])),
    "ok",
    "rw holds me in ws",
  );
  assert.equal(
    outcome(() => authorizeUpdateRole(rw, custom, ["read"], [{ user: wsBoss, workspaceId: "other" }])),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeUpdateRole(userActor("w", ["read", "write"]), custom, ["read"], [{ user: wsBoss, workspaceId: "ws" }])),
    outranked("wsboss", "'me'", " in this workspace"),
  );
  for (const same of [null, undefined, ["write", "read"] as const]) {
    assert.equal(
      outcome(() => authorizeUpdateRole(rw, custom, same, [{ user: boss, workspaceId: null }])),
      "ok",
      `a rename, or the same permissions (${JSON.stringify(same)}), changes no holder`,
    );
  }
  assert.equal(
    outcome(() => authorizeUpdateRole(rw, custom, ["read", "read"], [{ user: boss, workspaceId: null }])),
    outranked("boss", "'me'", " globally"),
    "as many permissions, not the same ones",
  );
  assert.equal(
    outcome(() =>
      authorizeUpdateRole(
        userActor("w", ["read", "write"]),
        { ...custom, permissions: ["read"] },
        ["write"],
        [{ user: boss, workspaceId: null }],
      ),
    ),
    outranked("boss", "'me'", " globally"),
    "one permission for another",
  );
});

it("deleting: write; never a built-in; only roles within what one holds; never one in use", () => {
  assert.equal(
    outcome(() => authorizeDeleteRole(rw, custom, false)),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeDeleteRole(admin, builtin, false)),
    illegal("The built-in role 'admin' cannot be deleted."),
  );
  assert.equal(
    outcome(() => authorizeDeleteRole(rw, withMe, false)),
    CANNOT_GRANT_ME,
  );
  assert.equal(
    outcome(() => authorizeDeleteRole(admin, custom, true)),
    illegal(
      "Role `ops` of type cannot be deleted as it is in use by multiple users and teams. Before deleting this role make sure to remove all instances where this role is used.",
    ),
  );
  assert.equal(
    outcome(() => authorizeDeleteRole(guest, custom, false)),
    NOT_ENOUGH,
  );
});
