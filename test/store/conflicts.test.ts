/**
 * Unique names on every dialect (SPEC §3: user, role, team and workspace names are unique
 * case-insensitively). The three drivers report a duplicate differently (SQLITE_CONSTRAINT_UNIQUE,
 * 23505, ER_DUP_ENTRY); the store must turn each into the same 409 Conflict and roll back the whole
 * transaction with it.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { Conflict } from "../../src/server/errors.js";
import { transaction } from "../../src/server/services/context.js";
import { isUniqueViolation } from "../../src/server/store/dialect.js";
import { appendAuditEvent } from "../../src/server/store/repos/audit.js";
import { newId } from "../../src/server/store/repos/ids.js";
import { insertRole } from "../../src/server/store/repos/roles.js";
import { insertTeam } from "../../src/server/store/repos/teams.js";
import { insertUser, type Q } from "../../src/server/store/repos/users.js";
import { insertWorkspace } from "../../src/server/store/repos/workspaces.js";
import { now } from "../../src/server/store/time.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { uniqueName } from "../helpers/fixtures.js";
import { roleRow, teamRow, userRow, workspaceRow } from "../helpers/rows.js";
import { useStore } from "../helpers/store.js";

type Table = "users" | "role" | "team" | "workspace";

/** How to insert a row with a given name into each table with a case-insensitively unique name. */
const NAMED: Record<Table, (q: Q, name: string) => Promise<void>> = {
  users: (q, name) => insertUser(q, userRow({ name })),
  role: (q, name) => insertRole(q, roleRow(name), ["read"]),
  team: (q, name) => insertTeam(q, teamRow(name)),
  workspace: (q, name) => insertWorkspace(q, workspaceRow(name)),
};

const isConflict = (message: string) => (err: unknown) => {
  assert.ok(err instanceof Conflict, `expected a Conflict, got ${String(err)}`);
  assert.equal(err.status, 409);
  assert.equal(err.wireName, "EntityExistsError");
  assert.equal(err.message, message);
  return true;
};

describeEachDialect("unique names", (dialect) => {
  const store = useStore(dialect);

  async function auditEventExists(id: string): Promise<boolean> {
    return (await store.db.kysely.selectFrom("audit_event").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
  }

  async function rowsNamed(table: Table, name: string): Promise<number> {
    const rows = await store.db.kysely.selectFrom(table).select("id").where("name_key", "=", name.toLowerCase()).execute();
    return rows.length;
  }

  for (const [table, insert] of Object.entries(NAMED) as [Table, (q: Q, name: string) => Promise<void>][]) {
    it(`${table}: the driver's duplicate error is recognised`, async () => {
      const name = uniqueName(table);
      await insert(store.db.kysely, name);
      await assert.rejects(insert(store.db.kysely, name), (err) => isUniqueViolation(err));
    });

    it(`${table}: a name differing only in case is one Conflict, and the transaction rolls back`, async () => {
      const name = uniqueName(table);
      await transaction(store.ctx, (q) => insert(q, name));
      const message = `Found existing ${table} named '${name.toUpperCase()}'.`;
      const eventId = newId();
      await assert.rejects(
        transaction(
          store.ctx,
          async (q) => {
            // Written first: it must vanish with the failed insert.
            await appendAuditEvent(q, {
              id: eventId,
              created: now(),
              action: "test",
              target_type: table,
              outcome: "success",
              summary: "{}",
            });
            await insert(q, name.toUpperCase());
          },
          { conflict: message },
        ),
        isConflict(message),
      );
      assert.equal(await rowsNamed(table, name), 1);
      assert.equal(await auditEventExists(eventId), false);
    });
  }

  it("users: emails are unique case-insensitively too", async () => {
    const email = `${uniqueName("mail")}@example.com`;
    await insertUser(store.db.kysely, userRow({ name: uniqueName(), email }));
    const message = "email taken";
    await assert.rejects(
      transaction(store.ctx, (q) => insertUser(q, userRow({ name: uniqueName(), email: email.toUpperCase() })), { conflict: message }),
      isConflict(message),
    );
  });

  it("other errors pass through unchanged", async () => {
    const failure = new Error("not a duplicate");
    await assert.rejects(
      transaction(
        store.ctx,
        async () => {
          throw failure;
        },
        { conflict: "unused" },
      ),
      (err) => err === failure,
    );
  });
});
