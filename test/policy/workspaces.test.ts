/**
 * Workspace rules (src/server/policy/workspaces.ts): readers of a workspace see it (others get the
 * 404 a missing one gets); its own writers edit it; creating and deleting need `write` globally;
 * `default` keeps its name and is never deleted.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import {
  authorizeCreateWorkspace,
  authorizeDeleteWorkspace,
  authorizeReadWorkspace,
  authorizeUpdateWorkspace,
} from "../../src/server/policy/workspaces.js";
import { illegal, NOT_ENOUGH, notFound, outcome, userActor } from "../helpers/policy.js";

const ws = { id: "ws-b", name: "bravo" };
const defaultWs = { id: "ws-d", name: "default" };
const globalWriter = userActor("gw", ["read", "write"]);
const localWriter = userActor("lw", [], { "ws-b": ["read", "write"], "ws-d": ["read", "write"] });

it("reading: read in the workspace or globally; anyone else gets the 404 of a missing one", () => {
  assert.equal(
    outcome(() => authorizeReadWorkspace(userActor("r", ["read"]), ws, "bravo")),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeReadWorkspace(localWriter, ws, "bravo")),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeReadWorkspace(userActor("other", [], { "ws-x": ["read"] }), ws, "BRAVO")),
    notFound("Unable to get workspace with name or ID 'BRAVO': no workspace with this name or ID exists."),
  );
});

it("creating: write globally", () => {
  assert.equal(
    outcome(() => authorizeCreateWorkspace(globalWriter)),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeCreateWorkspace(localWriter)),
    NOT_ENOUGH,
  );
});

it("updating: write in the workspace; default keeps its name", () => {
  assert.equal(
    outcome(() => authorizeUpdateWorkspace(localWriter, ws, "renamed")),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeUpdateWorkspace(userActor("r", ["read"]), ws, null)),
    NOT_ENOUGH,
  );
  assert.equal(
    outcome(() => authorizeUpdateWorkspace(localWriter, defaultWs, null)),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeUpdateWorkspace(localWriter, defaultWs, undefined)),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeUpdateWorkspace(localWriter, defaultWs, "default")),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeUpdateWorkspace(localWriter, defaultWs, "other")),
    illegal("The default workspace cannot be renamed."),
  );
});

it("deleting: write globally; never default", () => {
  assert.equal(
    outcome(() => authorizeDeleteWorkspace(globalWriter, ws)),
    "ok",
  );
  assert.equal(
    outcome(() => authorizeDeleteWorkspace(localWriter, ws)),
    NOT_ENOUGH,
  );
  assert.equal(
    outcome(() => authorizeDeleteWorkspace(globalWriter, defaultWs)),
    illegal("The default workspace cannot be deleted."),
  );
});
