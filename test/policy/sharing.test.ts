/**
 * The sharing rules (src/server/policy/sharing.ts) against their SQL twins, on every dialect: for
 * every actor and every stack and component of a small store, `canSeeShareable` and the WHERE
 * expression lists use must agree (STYLE §2.4: keep each predicate beside its rule, and test the
 * two against each other). Then the change rules on their own, as pure functions.
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { CohortError } from "../../src/server/errors.js";
import type { Actor } from "../../src/server/policy/actor.js";
import { authorizeChangeShareable, canSeeShareable, visibleShareablesSql, type ShareableTarget } from "../../src/server/policy/sharing.js";
import { insertComponent } from "../../src/server/store/repos/components.js";
import { newId } from "../../src/server/store/repos/ids.js";
import { insertStack } from "../../src/server/store/repos/stacks.js";
import { insertUser } from "../../src/server/store/repos/users.js";
import { insertWorkspace } from "../../src/server/store/repos/workspaces.js";
import { now } from "../../src/server/store/time.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { uniqueName } from "../helpers/fixtures.js";
import { userRow, workspaceRow } from "../helpers/rows.js";
import { outcome, userActor } from "../helpers/policy.js";
import { useStore } from "../helpers/store.js";

const allows = (check: () => void) => outcome(check) === "ok";

describeEachDialect("sharing rules and their SQL twins", (dialect) => {
  const store = useStore(dialect);
  const owners: string[] = [];
  const workspaces: string[] = [];

  before(async () => {
    const q = store.db.kysely;
    for (let i = 0; i < 2; i++) {
      const ws = workspaceRow(uniqueName("ws"));
      await insertWorkspace(q, ws);
      workspaces.push(ws.id);
      const user = userRow({ name: uniqueName("owner") });
      await insertUser(q, user);
      owners.push(user.id);
    }
    // Each owner has a private and a shared stack and component in each workspace.
    for (const userId of owners) {
      for (const workspaceId of workspaces) {
        for (const shared of [false, true]) {
          const stamp = now();
          const name = uniqueName("x");
          const common = { created: stamp, updated: stamp, workspace_id: workspaceId, user_id: userId, is_shared: shared ? 1 : 0 } as const;
          const named = { name, name_key: name, shared_name_key: shared ? name : null };
          await insertStack(q, { id: newId(), ...common, ...named, description: "" }, {});
          await insertComponent(q, {
            id: newId(),
            ...common,
            ...named,
            type: "alerter",
            flavor: "slack",
            configuration: "{}",
            labels: null,
            connector_resource_id: null,
          });
        }
      }
    }
  });

  function actors(): Record<string, Actor> {
    const [owner, other] = owners as [string, string];
    const [ws1, ws2] = workspaces as [string, string];
    return {
      "owner, reads everywhere": userActor(owner, ["read"]),
      "owner, reads in ws1 only": userActor(owner, [], { [ws1]: ["read", "write"] }),
      "other, reads everywhere": userActor(other, ["read", "write"]),
      "other, reads in ws2 only": userActor(other, [], { [ws2]: ["read"] }),
      "stranger, reads everywhere": userActor(newId(), ["read", "write", "me"]),
      "stranger, no permissions": userActor(newId(), ["me"]),
      local: { kind: "local", id: owner, name: "default", source: "local" },
    };
  }

  for (const table of ["stack", "stack_component"] as const) {
    it(`${table}: every actor's SQL-visible rows are exactly the rows the rule lets it see`, async () => {
      const rows = await store.db.kysely.selectFrom(table).select(["id", "workspace_id", "user_id", "is_shared"]).execute();
      assert.equal(rows.length, 8);
      for (const [name, actor] of Object.entries(actors())) {
        const byRule = rows
          .filter((r) => canSeeShareable(actor, { workspaceId: r.workspace_id, userId: r.user_id, isShared: Number(r.is_shared) === 1 }))
          .map((r) => r.id)
          .sort();
        const bySql = (await store.db.kysely.selectFrom(table).select(`${table}.id`).where(visibleShareablesSql(actor, table)).execute())
          .map((r) => r.id)
          .sort();
        assert.deepEqual(bySql, byRule, name);
      }
    });
  }

  it("changes: writers edit shared ones; only the owner renames, shares or unshares; private ones stay hidden", () => {
    const [owner, other] = owners as [string, string];
    const ws = workspaces[0] as string;
    const shared: ShareableTarget & { name: string } = { workspaceId: ws, userId: owner, isShared: true, name: "team" };
    const priv = { ...shared, isShared: false };
    const writer = userActor(other, ["read", "write"]);
    const ownerActor = userActor(owner, ["read", "write"]);
    const reader = userActor(owner, ["read"]);
    const change = (actor: Actor, target: typeof shared, request: object) =>
      allows(() => authorizeChangeShareable(actor, target, "missing", request, "stack 'team'"));
    assert.equal(change(writer, shared, { name: null }), true, "edit shared");
    assert.equal(change(writer, shared, { is_shared: true }), true, "no-op share");
    assert.equal(change(writer, shared, { is_shared: false }), false, "unshare");
    assert.equal(change(writer, shared, { name: "mine" }), false, "rename");
    assert.equal(change(writer, priv, {}), false, "someone else's private");
    assert.throws(
      () => authorizeChangeShareable(writer, priv, "missing", {}, "x"),
      (err: CohortError) => err.status === 404,
    );
    assert.equal(change(ownerActor, priv, { is_shared: true, name: "renamed" }), true, "owner");
    assert.throws(
      () => authorizeChangeShareable(reader, priv, "missing", {}, "x"),
      (err: CohortError) => err.status === 403,
    );
  });
});
