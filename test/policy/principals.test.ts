/**
 * Rule 9 (SPEC §4, src/server/policy/principals.ts, holdings.ts): nobody acts on someone who
 * holds more. What a principal holds is read per scope like an actor's permissions; acting on the
 * account itself compares every scope the target holds anything in, acting in one assignment's
 * scope compares that scope; oneself and the local actor are never outranked.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { heldIn, holdingsOf, NO_HOLDINGS } from "../../src/server/policy/holdings.js";
import { permissionsBeyond, requireOutranks } from "../../src/server/policy/principals.js";
import { illegal, localActor, outcome, principal, userActor } from "../helpers/policy.js";

const sorted = (set: ReadonlySet<string>) => [...set].sort();

describe("holdings", () => {
  const held = holdingsOf([
    { workspace_id: null, permission: "read" },
    { workspace_id: "ws1", permission: "write" },
    { workspace_id: "ws1", permission: "me" },
    { workspace_id: null, permission: "read" },
    { workspace_id: "ws2", permission: "read" },
  ]);

  it("grants gather by scope, each permission once", () => {
    assert.deepEqual(sorted(held.global), ["read"]);
    assert.deepEqual([...held.byWorkspace.keys()].sort(), ["ws1", "ws2"]);
    assert.deepEqual(sorted(held.byWorkspace.get("ws1") ?? new Set()), ["me", "write"]);
  });

  it("held in a scope: global alone, or global with that workspace's", () => {
    assert.deepEqual(sorted(heldIn(held, null)), ["read"]);
    assert.deepEqual(sorted(heldIn(held, "ws1")), ["me", "read", "write"]);
    assert.deepEqual(sorted(heldIn(held, "ws3")), ["read"]);
    assert.deepEqual(sorted(heldIn({ global: new Set(["me"]), byWorkspace: new Map([["ws", new Set()]]) }, "ws")), ["me"]);
    assert.deepEqual(sorted(heldIn(NO_HOLDINGS, null)), []);
  });
});

describe("who outranks whom", () => {
  const admin = principal("admin", ["read", "write", "me"]);
  const wsAdmin = principal("wsadmin", ["read"], { ws1: ["write", "me"] });
  const rw = userActor("rw", ["read", "write"]);

  it("permissionsBeyond: what the target holds in the scope and the actor does not, in catalogue order", () => {
    assert.deepEqual(permissionsBeyond(rw, admin.holdings, null), ["me"]);
    assert.deepEqual(permissionsBeyond(rw, wsAdmin.holdings, null), []);
    assert.deepEqual(permissionsBeyond(rw, wsAdmin.holdings, "ws1"), ["me"]);
    assert.deepEqual(permissionsBeyond(rw, wsAdmin.holdings, "ws2"), []);
    assert.deepEqual(permissionsBeyond(userActor("w1", [], { ws1: ["write", "me", "read"] }), wsAdmin.holdings, "ws1"), []);
    const every = permissionsBeyond(
      userActor("g", ["me"]),
      principal("t", ["write"], { ws1: ["read"], ws2: ["me", "read"] }).holdings,
      "every",
    );
    assert.deepEqual(every, ["read", "write"]);
    assert.deepEqual(permissionsBeyond(localActor(), admin.holdings, "every"), []);
  });

  it("requireOutranks: refused with what is missing and where; never against oneself", () => {
    assert.equal(
      outcome(() => requireOutranks(rw, principal("peer", ["read", "write"]), "every")),
      "ok",
    );
    assert.equal(
      outcome(() => requireOutranks(userActor("admin", []), admin, "every")),
      "ok",
    );
    const message = (missing: string, where: string) =>
      illegal(
        `User 'name-of-admin' holds ${missing}${where}, which you do not: only someone who holds every permission they hold may change them, their roles or their teams.`,
      );
    assert.equal(
      outcome(() => requireOutranks(rw, admin, "every")),
      message("'me'", ""),
    );
    assert.equal(
      outcome(() => requireOutranks(rw, admin, null)),
      message("'me'", " globally"),
    );
    assert.equal(
      outcome(() => requireOutranks(userActor("g", ["me"]), admin, "ws1")),
      message("'read', 'write'", " in this workspace"),
    );
  });
});
