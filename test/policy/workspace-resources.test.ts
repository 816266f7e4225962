/**
 * Rules for what lives in a workspace (src/server/policy/workspace-resources.ts, pipelines.ts;
 * SPEC §4 rules 1, 2, 4, 5): pipelines and runs are seen by readers of their workspace (others get
 * the 404 of a missing one) and changed by its writers; a new resource is created as oneself, in
 * the route's workspace; the SQL twin of the read rule filters lists the same way.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Kysely, SqliteDialect } from "kysely";
import SQLite from "better-sqlite3";
import { visibleComponentsSql } from "../../src/server/policy/components.js";
import {
  authorizeChangePipeline,
  authorizeReadPipeline,
  authorizeUpdatePipeline,
  visiblePipelinesSql,
} from "../../src/server/policy/pipelines.js";
import { namedShareableShownSql } from "../../src/server/policy/sharing.js";
import { visibleStacksSql } from "../../src/server/policy/stacks.js";
import {
  authorizeCreateInWorkspace,
  authorizeStayInPlace,
  canReadInWorkspace,
  readableInSql,
  type Where,
} from "../../src/server/policy/workspace-resources.js";
import { illegal, localActor, NOT_ENOUGH, notFound, outcome, userActor } from "../helpers/policy.js";

const writer = userActor("w", [], { ws: ["read", "write"] });
const reader = userActor("r", ["read"]);
const stranger = userActor("s", ["write"], { other: ["read"] });

describe("pipelines and runs", () => {
  const run = { id: "p1", workspaceId: "ws" };
  const MISSING = notFound("Unable to get pipeline run with ID 'p1': no pipeline run with this ID exists.");

  it("reading: read in the workspace", () => {
    assert.equal(
      outcome(() => authorizeReadPipeline(reader, "pipeline run", run)),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeReadPipeline(stranger, "pipeline run", run)),
      MISSING,
    );
    assert.equal(
      outcome(() => authorizeReadPipeline(stranger, "pipeline", run)),
      notFound("Unable to get pipeline with ID 'p1': no pipeline with this ID exists."),
    );
  });

  it("changing: write there, whoever created it; hidden stays 404", () => {
    assert.equal(
      outcome(() => authorizeChangePipeline(writer, "pipeline run", run)),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeChangePipeline(reader, "pipeline run", run)),
      NOT_ENOUGH,
    );
    assert.equal(
      outcome(() => authorizeChangePipeline(stranger, "pipeline run", run)),
      MISSING,
    );
  });
});

describe("creating in a workspace", () => {
  const ws = { id: "ws" };
  const asSelf = { user: "w", workspace: "ws" };

  it("write there, the body naming the actor and the route's workspace (in any case)", () => {
    assert.equal(
      outcome(() => authorizeCreateInWorkspace(writer, ws, "ws", asSelf, "stacks")),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeCreateInWorkspace(writer, ws, "ws", { user: "W", workspace: "WS" }, "stacks")),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeCreateInWorkspace(reader, ws, "ws", { user: "r", workspace: "ws" }, "stacks")),
      NOT_ENOUGH,
    );
    assert.equal(
      outcome(() => authorizeCreateInWorkspace(writer, ws, "bravo", { user: "w", workspace: "other" }, "stacks")),
      illegal("Creating stacks outside of the workspace scope of this endpoint `bravo` is not supported."),
    );
    assert.equal(
      outcome(() => authorizeCreateInWorkspace(writer, ws, "ws", { user: "someone", workspace: "ws" }, "pipelines")),
      illegal("Creating pipelines for a user other than yourself is not supported."),
    );
  });

  it("the local actor creates for whoever the body names", () => {
    assert.equal(
      outcome(() => authorizeCreateInWorkspace(localActor(), ws, "ws", { user: "someone", workspace: "other" }, "stacks")),
      "ok",
    );
  });
});

describe("updates move nothing (SPEC §9)", () => {
  const target = { workspaceId: "ws", userId: "owner" };

  it("a body may repeat the resource's own workspace and owner (any case), or name the caller as user", () => {
    for (const body of [{}, { user: null, workspace: null }, { workspace: "WS", user: "OWNER" }, { user: "w" }]) {
      assert.equal(
        outcome(() => authorizeStayInPlace(writer, target, body, "stack 'prod'")),
        "ok",
        JSON.stringify(body),
      );
    }
  });

  it("another workspace or another owner is refused", () => {
    assert.equal(
      outcome(() => authorizeStayInPlace(writer, target, { workspace: "other" }, "stack 'prod'")),
      illegal("Moving stack 'prod' to another workspace is not supported."),
    );
    assert.equal(
      outcome(() => authorizeStayInPlace(writer, target, { user: "someone" }, "stack 'prod'")),
      illegal("Giving stack 'prod' to another user is not supported."),
    );
  });

  it("updating a pipeline: changing it, and moving it nowhere", () => {
    const pipeline = { id: "p1", workspaceId: "ws", userId: "owner", name: "train" };
    assert.equal(
      outcome(() => authorizeUpdatePipeline(writer, pipeline, { workspace: "ws" })),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeUpdatePipeline(writer, pipeline, { workspace: "other" })),
      illegal("Moving pipeline 'train' to another workspace is not supported."),
    );
    assert.equal(
      outcome(() => authorizeUpdatePipeline(reader, pipeline, {})),
      NOT_ENOUGH,
    );
    assert.equal(
      outcome(() => authorizeUpdatePipeline(stranger, pipeline, {})),
      notFound("Unable to get pipeline with ID 'p1': no pipeline with this ID exists."),
    );
  });
});

describe("the read rule and its SQL twin", () => {
  it("canReadInWorkspace: read there or globally", () => {
    assert.equal(canReadInWorkspace(writer, "ws"), true);
    assert.equal(canReadInWorkspace(writer, "other"), false);
    assert.equal(canReadInWorkspace(reader, "anywhere"), true);
  });

  it("readableInSql: every row, no row, or the rows of the workspaces read", () => {
    const db = new Kysely<{ item: { id: string; workspace_id: string } }>({
      dialect: new SqliteDialect({ database: new SQLite(":memory:") }),
    });
    const sqlOf = (actor: Parameters<typeof readableInSql>[0]) =>
      db.selectFrom("item").select("id").where(readableInSql(actor, "item")).compile();
    assert.match(sqlOf(reader).sql, /where 1 = 1$|where true$/i);
    assert.match(sqlOf(userActor("n", ["write"])).sql, /where 1 = 0$|where false$/i);
    const scoped = sqlOf(userActor("x", [], { ws1: ["read"], ws2: ["write"], ws3: ["read"] }));
    assert.match(scoped.sql, /"item"\."workspace_id" in \(\?, \?\)$/);
    assert.deepEqual(scoped.parameters, ["ws1", "ws3"]);
  });

  it("each list's twin filters its own table: stacks and components by sharing, pipelines and runs by workspace", () => {
    const db = new Kysely<Record<string, { id: string }>>({ dialect: new SqliteDialect({ database: new SQLite(":memory:") }) });
    const where = (table: string, filter: Where) => db.selectFrom(table).select("id").where(filter).compile().sql;
    const actor = userActor("x", [], { ws1: ["read"] });
    assert.match(
      where("stack", visibleStacksSql(actor)),
      /"stack"\."workspace_id" in \(\?\) and \("stack"\."is_shared" = \? or "stack"\."user_id" = \?\)/,
    );
    assert.match(
      where("stack_component", visibleComponentsSql(actor)),
      /"stack_component"\."is_shared" = \? or "stack_component"\."user_id" = \?/,
    );
    assert.match(where("pipeline", visiblePipelinesSql(actor, "pipeline")), /"pipeline"\."workspace_id" in \(\?\)$/);
    assert.match(where("pipeline_run", visiblePipelinesSql(actor, "pipeline_run")), /"pipeline_run"\."workspace_id" in \(\?\)$/);
    assert.match(
      where("pipeline_run", namedShareableShownSql(actor, "stack", "pipeline_run.stack_id")),
      /where exists \(select "stack"\."id" from "stack" where "stack"\."id" = "pipeline_run"\."stack_id" and \("stack"\."workspace_id" in \(\?\) and \("stack"\."is_shared" = \? or "stack"\."user_id" = \?\)\)\)$/,
    );
  });
});
