/**
 * Rule 7 (SPEC §4, src/server/policy/last-admin.ts) against a real store of every dialect: who
 * counts as an admin (an active user holding read, write and me globally, through any mix of
 * roles and teams; grants in a workspace and deactivated users do not count), and
 * `keepingAnAdmin`, which lets a change through unless it takes the count from one or more to
 * none. The API suites prove each path calls it (test/api/last-admin.test.ts).
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import type { Permission } from "../../src/core/permissions.js";
import { Conflict } from "../../src/server/errors.js";
import { countAdmins, keepingAnAdmin } from "../../src/server/policy/last-admin.js";
import { GLOBAL_SCOPE, insertAssignment } from "../../src/server/store/repos/assignments.js";
import { newId } from "../../src/server/store/repos/ids.js";
import { insertRole } from "../../src/server/store/repos/roles.js";
import { addMembers, insertTeam } from "../../src/server/store/repos/teams.js";
import { insertUser, type Q } from "../../src/server/store/repos/users.js";
import { insertWorkspace } from "../../src/server/store/repos/workspaces.js";
import { now } from "../../src/server/store/time.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { uniqueName } from "../helpers/fixtures.js";
import { roleRow, teamRow, userRow, workspaceRow } from "../helpers/rows.js";
import { useStore } from "../helpers/store.js";

const LAST_ADMIN = "This change would leave no active user with the read, write and me permissions globally; assign another admin first.";

/** Grants a new role of `permissions` to a user or a team, globally or in a workspace. */
async function grant(
  q: Q,
  to: { user?: string; team?: string },
  permissions: Permission[],
  workspace: string | null = null,
): Promise<void> {
  const role = roleRow(uniqueName("role"));
  await insertRole(q, role, permissions);
  const stamp = now();
  const principal = to.user ?? to.team ?? "";
  await insertAssignment(q, {
    id: newId(),
    created: stamp,
    updated: stamp,
    role_id: role.id,
    user_id: to.user ?? null,
    team_id: to.team ?? null,
    workspace_id: workspace,
    principal_id: principal,
    scope: workspace ?? GLOBAL_SCOPE,
  });
}

async function user(q: Q, active = true): Promise<string> {
  const row = userRow({ name: uniqueName(), active: active ? 1 : 0 });
  await insertUser(q, row);
  return row.id;
}

async function team(q: Q, members: string[]): Promise<string> {
  const row = teamRow(uniqueName("team"));
  await insertTeam(q, row);
  await addMembers(q, row.id, members);
  return row.id;
}

describeEachDialect("the last-admin rule", (dialect) => {
  const store = useStore(dialect);
  const q = () => store.db.kysely;
  const deactivate = (id: string) => q().updateTable("users").set({ active: 0 }).where("id", "=", id).execute();

  it("an admin is an active user holding read, write and me globally, through roles and teams alike", async () => {
    assert.equal(await countAdmins(q()), 0);
    const ws = workspaceRow(uniqueName("ws"));
    await insertWorkspace(q(), ws);

    const direct = await user(q());
    await grant(q(), { user: direct }, ["read", "write", "me"]);
    assert.equal(await countAdmins(q()), 1, "one role");

    const mixed = await user(q());
    await grant(q(), { user: mixed }, ["read"]);
    await grant(q(), { team: await team(q(), [mixed]) }, ["write", "me"]);
    assert.equal(await countAdmins(q()), 2, "a role of its own and a team's");

    const scoped = await user(q());
    await grant(q(), { user: scoped }, ["read", "write"]);
    await grant(q(), { user: scoped }, ["me"], ws.id);
    await grant(q(), { team: await team(q(), [scoped]) }, ["me"], ws.id);
    assert.equal(await countAdmins(q()), 2, "me in a workspace only does not count");

    const twice = await user(q());
    await grant(q(), { user: twice }, ["read", "write"]);
    await grant(q(), { user: twice }, ["read", "write"]);
    assert.equal(await countAdmins(q()), 2, "the same two permissions twice are not three");

    const inactive = await user(q(), false);
    await grant(q(), { user: inactive }, ["read", "write", "me"]);
    assert.equal(await countAdmins(q()), 2, "a pending or deactivated user does not count");

    await deactivate(direct);
    await deactivate(mixed);
    assert.equal(await countAdmins(q()), 0);
  });

  it("keepingAnAdmin lets a change through while an admin remains, and says what the change returned", async () => {
    const [a, b] = [await user(q()), await user(q())];
    for (const id of [a, b]) await grant(q(), { user: id }, ["read", "write", "me"]);
    assert.equal(await countAdmins(q()), 2);
    assert.equal(await keepingAnAdmin(q(), async () => (await deactivate(a), "done")), "done");
    assert.equal(await countAdmins(q()), 1);
  });

  it("keepingAnAdmin refuses, with 409, a change that leaves none; in a transaction nothing is left of it", async () => {
    const last = (await q().selectFrom("users").select("id").where("active", "=", 1).execute()).map((r) => r.id);
    assert.equal(await countAdmins(q()), 1);
    await assert.rejects(
      store.db.kysely.transaction().execute((tx) => keepingAnAdmin(tx, () => tx.updateTable("users").set({ active: 0 }).execute())),
      (err: Conflict) => err instanceof Conflict && err.wireName === "IllegalOperationError" && err.message === LAST_ADMIN,
    );
    assert.equal(await countAdmins(q()), 1);
    assert.deepEqual(
      (await q().selectFrom("users").select("id").where("active", "=", 1).execute()).map((r) => r.id),
      last,
    );
  });

  it("keepingAnAdmin counts nothing when told the change cannot remove an admin", async () => {
    let ran = false;
    // A change that does remove the last admin shows the count was skipped: the caller vouched.
    await keepingAnAdmin(
      q(),
      async () => {
        ran = true;
        await q().updateTable("users").set({ active: 0 }).execute();
      },
      false,
    );
    assert.equal(ran, true);
    assert.equal(await countAdmins(q()), 0);
  });

  it("a store without an admin (a fresh local one) is not made worse by a change", async () => {
    assert.equal(await countAdmins(q()), 0);
    assert.equal(await keepingAnAdmin(q(), async () => "allowed"), "allowed");
  });
});
