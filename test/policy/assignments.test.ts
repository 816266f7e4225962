/**
 * Assignment rules (src/server/policy/assignments.ts, SPEC §4 rules 2, 6, 9): an assignment is
 * seen by readers of its scope (others get the 404 of a missing one); writing one needs `write`
 * in its scope and every permission of the role there, never touches the actor's own
 * assignments (directly or through a team) and never those of someone who holds more there.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { authorizeReadAssignment, authorizeWriteAssignment } from "../../src/server/policy/assignments.js";
import { illegal, NOT_ENOUGH, notFound, outcome, principal, userActor } from "../helpers/policy.js";

const wsAdmin = userActor("wsadmin", [], { ws: ["read", "write", "me"] });
const rw = userActor("rw", ["read", "write"]);
const alice = principal("alice", ["read"]);

it("reading: read in the assignment's scope, else the 404 of a missing one", () => {
  assert.equal(
    outcome(() => authorizeReadAssignment(wsAdmin, { id: "a1", workspaceId: "ws" })),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeReadAssignment(wsAdmin, { id: "a1", workspaceId: null })),
    notFound("Unable to get role assignment with ID 'a1': no such role assignment exists."),
  );
  assert.equal(
    outcome(() => authorizeReadAssignment(rw, { id: "a2", workspaceId: "ws" })),
    "ok",
  );
});

it("writing: write in the scope and the role's permissions there", () => {
  const write = (actor: typeof rw, workspaceId: string | null, rolePermissions: ("read" | "write" | "me")[]) =>
    outcome(() => authorizeWriteAssignment(actor, { workspaceId, affectedUsers: [alice], rolePermissions }));
  assert.equal(write(wsAdmin, "ws", ["read", "write", "me"]), "ok");
  assert.equal(write(wsAdmin, null, ["read"]), NOT_ENOUGH);
  assert.equal(write(wsAdmin, "other", []), NOT_ENOUGH);
  assert.equal(write(rw, null, ["read", "me"]), illegal("You cannot grant the permission 'me': you do not hold it globally."));
  assert.equal(write(rw, "ws", ["read", "write"]), "ok");
});

it("writing: never one's own assignments, directly or through a team one is in", () => {
  const OWN = illegal("You cannot change your own role assignments, directly or through a team you belong to.");
  assert.equal(
    outcome(() =>
      authorizeWriteAssignment(rw, { workspaceId: null, affectedUsers: [principal("rw", ["read", "write"])], rolePermissions: [] }),
    ),
    OWN,
  );
  assert.equal(
    outcome(() =>
      authorizeWriteAssignment(rw, {
        workspaceId: null,
        affectedUsers: [alice, principal("rw", ["read", "write"])],
        rolePermissions: ["read"],
      }),
    ),
    OWN,
  );
  assert.equal(
    outcome(() => authorizeWriteAssignment(rw, { workspaceId: null, affectedUsers: [], rolePermissions: ["read"] })),
    "ok",
    "a team without members",
  );
});

it("writing: never for someone who holds more in that scope", () => {
  const boss = principal("boss", ["read"], { ws: ["write", "me"] });
  const message = (where: string) =>
    illegal(
      `User 'name-of-boss' holds 'me'${where}, which you do not: only someone who holds every permission they hold may change them, their roles or their teams.`,
    );
  assert.equal(
    outcome(() => authorizeWriteAssignment(rw, { workspaceId: null, affectedUsers: [boss], rolePermissions: ["read"] })),
    "ok",
    "globally the boss holds only read",
  );
  assert.equal(
    outcome(() => authorizeWriteAssignment(rw, { workspaceId: "ws", affectedUsers: [alice, boss], rolePermissions: ["read"] })),
    message(" in this workspace"),
  );
  assert.equal(
    outcome(() => authorizeWriteAssignment(rw, { workspaceId: null, affectedUsers: [principal("boss", ["me"])], rolePermissions: [] })),
    message(" globally"),
  );
});
