/**
 * The evaluator every rule goes through (src/server/policy/can.ts): effective permissions in a
 * scope (global ∪ that workspace's, SPEC §4), the coarse route gate, the readable workspaces of
 * list filters, and the refusals: missing permission (403 "Not enough permissions"), granting what
 * one does not hold, a rule no permission lifts, a hidden target (404).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  forbidWhen,
  has,
  hideUnless,
  holdsAnywhere,
  permissionsIn,
  readableWorkspaces,
  requireHolds,
  requirePermission,
} from "../../src/server/policy/can.js";
import { NotEnoughPermissions } from "../../src/server/errors.js";
import { illegal, localActor, NOT_ENOUGH, notFound, outcome, userActor } from "../helpers/policy.js";

const sorted = (set: ReadonlySet<string>) => [...set].sort();

describe("effective permissions", () => {
  const actor = userActor("a", ["read"], { wsA: ["write", "me"], wsB: [], wsC: ["read"] });

  it("globally: the global grants only", () => {
    assert.deepEqual(sorted(permissionsIn(actor, null)), ["read"]);
  });

  it("in a workspace: the global grants and that workspace's", () => {
    assert.deepEqual(sorted(permissionsIn(actor, "wsA")), ["me", "read", "write"]);
    assert.deepEqual(sorted(permissionsIn(actor, "wsC")), ["read"]);
  });

  it("in a workspace without grants, or unknown: the global ones", () => {
    assert.deepEqual(sorted(permissionsIn(actor, "wsB")), ["read"]);
    assert.deepEqual(sorted(permissionsIn(actor, "nowhere")), ["read"]);
  });

  it("the local actor holds everything everywhere", () => {
    assert.deepEqual(sorted(permissionsIn(localActor(), null)), ["me", "read", "write"]);
    assert.deepEqual(sorted(permissionsIn(localActor(), "wsA")), ["me", "read", "write"]);
  });

  it("has: in the scope asked, globally by default", () => {
    assert.equal(has(actor, "read"), true);
    assert.equal(has(actor, "write"), false);
    assert.equal(has(actor, "write", "wsA"), true);
    assert.equal(has(actor, "write", "wsC"), false);
  });

  it("requirePermission: 403 Not enough permissions naming the scope in WWW-Authenticate", () => {
    assert.equal(
      outcome(() => requirePermission(actor, "read")),
      "ok",
    );
    assert.equal(
      outcome(() => requirePermission(actor, "write")),
      NOT_ENOUGH,
    );
    assert.equal(
      outcome(() => requirePermission(actor, "me", "wsA")),
      "ok",
    );
    assert.equal(
      outcome(() => requirePermission(actor, "me", "wsC")),
      NOT_ENOUGH,
    );
    assert.throws(
      () => requirePermission(actor, "write"),
      (err: NotEnoughPermissions) => err.headers["www-authenticate"] === 'Bearer scope="write"',
    );
  });
});

describe("the route gate and list filters", () => {
  it("holdsAnywhere: globally or in at least one workspace", () => {
    const scoped = userActor("a", [], { wsA: [], wsB: ["write"] });
    assert.equal(holdsAnywhere(scoped, "write"), true);
    assert.equal(holdsAnywhere(scoped, "read"), false);
    assert.equal(holdsAnywhere(userActor("b", ["me"]), "me"), true);
    assert.equal(holdsAnywhere(userActor("c", []), "me"), false);
    assert.equal(holdsAnywhere(localActor(), "write"), true);
  });

  it("readableWorkspaces: all for global readers and the local actor, else those read in", () => {
    assert.equal(readableWorkspaces(userActor("a", ["read"])), "all");
    assert.equal(readableWorkspaces(localActor()), "all");
    assert.deepEqual(readableWorkspaces(userActor("b", ["write"], { wsA: ["read"], wsB: ["write"], wsC: ["read", "me"] })), ["wsA", "wsC"]);
    assert.deepEqual(readableWorkspaces(userActor("c", [])), []);
  });
});

describe("refusals", () => {
  const actor = userActor("a", ["read", "write"], { wsA: ["me"] });

  it("requireHolds: one may hand out only what one holds in that scope", () => {
    assert.equal(
      outcome(() => requireHolds(actor, ["read", "write"], null)),
      "ok",
    );
    assert.equal(
      outcome(() => requireHolds(actor, [], null)),
      "ok",
    );
    assert.equal(
      outcome(() => requireHolds(actor, ["me"], "wsA")),
      "ok",
    );
    assert.equal(
      outcome(() => requireHolds(actor, ["read", "me"], null)),
      illegal("You cannot grant the permission 'me': you do not hold it globally."),
    );
    assert.equal(
      outcome(() => requireHolds(userActor("b", ["me"]), ["read", "me", "write"], "wsB")),
      illegal("You cannot grant the permissions 'read', 'write': you do not hold them in this workspace."),
    );
  });

  it("forbidWhen: IllegalOperation with the rule's message, only when it applies", () => {
    assert.equal(
      outcome(() => forbidWhen(false, "no")),
      "ok",
    );
    assert.equal(
      outcome(() => forbidWhen(true, "never this")),
      illegal("never this"),
    );
  });

  it("hideUnless: a 404 with the missing target's message, only when hidden", () => {
    assert.equal(
      outcome(() => hideUnless(true, "gone")),
      "ok",
    );
    assert.equal(
      outcome(() => hideUnless(false, "Unable to get thing 'x'.")),
      notFound("Unable to get thing 'x'."),
    );
  });
});
