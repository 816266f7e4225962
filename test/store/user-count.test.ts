/**
 * The user count the database keeps (migration 2026-11-23T02-00-user-count), on every dialect: an
 * unfiltered user list takes its `total` from it instead of counting the table (SPEC §11), so it
 * must be exact after anything that adds or removes users: the repository, plain SQL, bulk
 * statements, rolled-back transactions, and users that existed before the migration ran.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { Migrator, sql } from "kysely";
import { parseListParams } from "../../src/server/http/list-params.js";
import { migrationProvider } from "../../src/server/store/migrations/index.js";
import { countUsers, insertUser, listUsers, USER_FILTERS } from "../../src/server/store/repos/users.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { EMAILS_SHOWN, userRow } from "../helpers/rows.js";
import { useStore } from "../helpers/store.js";

describeEachDialect("user count", (dialect) => {
  const store = useStore(dialect, { migrate: false });

  const counted = async () => {
    const row = await store.db.kysely
      .selectFrom("users")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const listed = async (query: Record<string, string> = {}) =>
    (await listUsers(store.db.kysely, parseListParams(query, USER_FILTERS), EMAILS_SHOWN)).total;

  it("starts from the users that exist when the migration runs", async () => {
    const migrator = new Migrator({
      db: store.db.kysely,
      provider: migrationProvider,
      migrationTableName: "cohort_migration",
      migrationLockTableName: "cohort_migration_lock",
    });
    assert.equal((await migrator.migrateTo("2026-11-23T01-00-stacks")).error, undefined);
    for (const name of ["before-1", "before-2", "before-3"]) await insertUser(store.db.kysely, userRow({ name }));
    assert.equal((await migrator.migrateToLatest()).error, undefined);
    assert.equal(await countUsers(store.db.kysely), 3);
    assert.equal(await listed(), 3);
  });

  it("follows single and bulk inserts and deletes, through the repository or plain SQL", async () => {
    const q = store.db.kysely;
    await insertUser(q, userRow({ name: "one" }));
    await q
      .insertInto("users")
      .values(["bulk-1", "bulk-2", "bulk-3", "bulk-4"].map((name) => userRow({ name })))
      .execute();
    assert.equal(await listed(), await counted());
    assert.equal(await listed(), 8);

    await q.deleteFrom("users").where("name", "like", "bulk-%").execute();
    await sql`delete from users where name_key = 'one'`.execute(q);
    assert.equal(await listed(), await counted());
    assert.equal(await listed(), 3);
  });

  it("does not count what a rolled-back transaction inserted", async () => {
    await assert.rejects(
      store.db.kysely.transaction().execute(async (tx) => {
        await insertUser(tx, userRow({ name: "ghost" }));
        throw new Error("roll back");
      }),
      /roll back/,
    );
    assert.equal(await listed(), 3);
  });

  it("leaves filtered totals to a real count of the matching rows", async () => {
    assert.equal(await listed({ name: "startswith:before-" }), 3);
    assert.equal(await listed({ name: "before-2" }), 1);
  });
});
