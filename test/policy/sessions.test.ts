/**
 * Sessions are personal (src/server/policy/sessions.ts, SPEC §5.1): anyone else's answers the 404
 * a missing one answers, admins included. The audit log is for those who administer the system
 * (src/server/policy/audit.ts): `write` globally.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { authorizeReadAudit } from "../../src/server/policy/audit.js";
import { authorizeOwnSession } from "../../src/server/policy/sessions.js";
import { NOT_ENOUGH, notFound, outcome, userActor } from "../helpers/policy.js";

it("one's own session only; anyone else's is a 404, even to an admin", () => {
  const admin = userActor("admin", ["read", "write", "me"]);
  assert.equal(
    outcome(() => authorizeOwnSession(admin, { id: "s1", userId: "admin" })),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeOwnSession(admin, { id: "s2", userId: "alice" })),
    notFound("Unable to get session with ID 's2': no such session exists."),
  );
});

it("the audit log: write globally", () => {
  assert.equal(
    outcome(() => authorizeReadAudit(userActor("w", ["write"]))),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeReadAudit(userActor("r", ["read", "me"], { ws: ["write"] }))),
    NOT_ENOUGH,
  );
});
