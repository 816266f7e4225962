/**
 * Team rules (src/server/policy/teams.ts, SPEC §4 rules 2, 6, 9): reading needs `read`, changing
 * `write` globally. Team members receive the team's roles, so changing who is in a team needs
 * every permission the team carries, in each scope it carries it, and every permission each
 * added or removed member holds; nobody changes their own membership, nor deletes a team they
 * belong to while it holds roles.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import {
  authorizeChangeTeams,
  authorizeCreateTeam,
  authorizeDeleteTeam,
  authorizeReadTeams,
  authorizeUpdateTeam,
  type TeamGrant,
} from "../../src/server/policy/teams.js";
import { illegal, NOT_ENOUGH, outcome, principal, userActor } from "../helpers/policy.js";

const rw = userActor("rw", ["read", "write"], { ws: ["me"] });
const guest = userActor("guest", ["read", "me"]);
const nobody = principal("nobody", []);
const anAdmin = principal("boss", ["read", "write", "me"]);
const selfMember = principal("rw", ["read", "write"]);
const ADMIN_GRANTS: TeamGrant[] = ["read", "write", "me"].map((permission) => ({ workspace_id: null, permission }));
const CANNOT_GRANT_ME = illegal("You cannot grant the permission 'me': you do not hold it globally.");
const OUTRANKED = illegal(
  "User 'name-of-boss' holds 'me', which you do not: only someone who holds every permission they hold may change them, their roles or their teams.",
);
const OWN_MEMBERSHIP = illegal("You cannot change your own team memberships.");

it("reading needs read; changing, write globally", () => {
  assert.equal(
    outcome(() => authorizeReadTeams(guest)),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeReadTeams(userActor("x", ["me"]))),
    NOT_ENOUGH,
  );
  assert.equal(
    outcome(() => authorizeChangeTeams(rw)),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeChangeTeams(guest)),
    NOT_ENOUGH,
  );
});

it("creating: write, with oneself among the members if one likes, others only if they hold no more", () => {
  assert.equal(
    outcome(() => authorizeCreateTeam(rw, [selfMember, nobody])),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeCreateTeam(guest, [])),
    NOT_ENOUGH,
  );
  assert.equal(
    outcome(() => authorizeCreateTeam(rw, [nobody, anAdmin])),
    OUTRANKED,
  );
});

it("changing members: the team's grants, per scope, must be held", () => {
  assert.equal(
    outcome(() => authorizeUpdateTeam(rw, ADMIN_GRANTS, [nobody], [])),
    CANNOT_GRANT_ME,
  );
  assert.equal(
    outcome(() => authorizeUpdateTeam(rw, ADMIN_GRANTS, [], [nobody])),
    CANNOT_GRANT_ME,
  );
  assert.equal(
    outcome(() => authorizeUpdateTeam(rw, [{ workspace_id: "ws", permission: "me" }], [nobody], [])),
    "ok",
    "me in the workspace where rw holds it",
  );
  assert.equal(
    outcome(() =>
      authorizeUpdateTeam(
        rw,
        [
          { workspace_id: "other", permission: "read" },
          { workspace_id: "other", permission: "me" },
        ],
        [nobody],
        [],
      ),
    ),
    illegal("You cannot grant the permission 'me': you do not hold it in this workspace."),
  );
  assert.equal(
    outcome(() => authorizeUpdateTeam(rw, [{ workspace_id: null, permission: "no-such-permission" }], [nobody], [])),
    "ok",
    "a stored permission outside the catalogue grants nothing",
  );
});

it("changing members: nobody changes their own membership; others only if they hold no more", () => {
  assert.equal(
    outcome(() => authorizeUpdateTeam(rw, [], [selfMember], [])),
    OWN_MEMBERSHIP,
  );
  assert.equal(
    outcome(() => authorizeUpdateTeam(rw, [], [], [selfMember])),
    OWN_MEMBERSHIP,
  );
  assert.equal(
    outcome(() => authorizeUpdateTeam(rw, [], [nobody], [selfMember])),
    OWN_MEMBERSHIP,
    "among others",
  );
  assert.equal(
    outcome(() => authorizeUpdateTeam(rw, [], [anAdmin], [])),
    OUTRANKED,
  );
  assert.equal(
    outcome(() => authorizeUpdateTeam(rw, [], [], [anAdmin])),
    OUTRANKED,
  );
});

it("renaming alone (no member changes) needs only write, even of a team carrying more", () => {
  assert.equal(
    outcome(() => authorizeUpdateTeam(rw, ADMIN_GRANTS, [], [])),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeUpdateTeam(guest, [], [], [])),
    NOT_ENOUGH,
  );
});

it("deleting: write; the team's grants; not one's own team while it holds roles; no member holding more", () => {
  assert.equal(
    outcome(() => authorizeDeleteTeam(rw, [{ workspace_id: null, permission: "read" }], [nobody])),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeDeleteTeam(guest, [], [])),
    NOT_ENOUGH,
  );
  assert.equal(
    outcome(() => authorizeDeleteTeam(rw, ADMIN_GRANTS, [])),
    CANNOT_GRANT_ME,
  );
  assert.equal(
    outcome(() => authorizeDeleteTeam(rw, [{ workspace_id: null, permission: "read" }], [nobody, selfMember])),
    illegal("You cannot delete a team you belong to while it holds roles: that would change your own permissions."),
  );
  assert.equal(
    outcome(() => authorizeDeleteTeam(rw, [], [selfMember, nobody])),
    "ok",
    "a team without roles changes nobody's permissions",
  );
  assert.equal(
    outcome(() => authorizeDeleteTeam(rw, [], [anAdmin])),
    OUTRANKED,
  );
});
