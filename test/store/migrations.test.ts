/**
 * Migrations on every dialect: they apply to an empty database, a second run changes nothing, and
 * they seed what SPEC §2 promises a first start: workspace `default` and the built-in roles.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { migrationProvider } from "../../src/server/store/migrations/index.js";
import { migrateToLatest, migrationStatus } from "../../src/server/store/migrate.js";
import { flag } from "../../src/server/store/dialect.js";
import { permissionsOfRoles } from "../../src/server/store/repos/roles.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { useStore } from "../helpers/store.js";

describeEachDialect("migrations", (dialect) => {
  const store = useStore(dialect);

  it("apply every migration, in order, to a fresh database", async () => {
    const all = Object.keys(await migrationProvider.getMigrations()).sort();
    assert.ok(all.length > 0);
    assert.deepEqual(store.applied, all);
    assert.deepEqual(
      await migrationStatus(store.db),
      all.map((name) => ({ name, applied: true })),
    );
  });

  it("a second migrateToLatest is a no-op", async () => {
    const countRows = async () => {
      const q = store.db.kysely;
      const [ws, roles, perms] = await Promise.all([
        q
          .selectFrom("workspace")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow(),
        q
          .selectFrom("role")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow(),
        q
          .selectFrom("role_permission")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow(),
      ]);
      return [ws.n, roles.n, perms.n].map(Number);
    };
    const before = await countRows();
    assert.deepEqual(await migrateToLatest(store.db), []);
    assert.deepEqual(await countRows(), before);
  });

  it("seed the default workspace", async () => {
    const rows = await store.db.kysely.selectFrom("workspace").select(["name", "name_key", "description"]).execute();
    assert.deepEqual(rows, [{ name: "default", name_key: "default", description: "" }]);
  });

  it("seed the built-in roles admin {read, write, me} and guest {read, me}", async () => {
    const roles = await store.db.kysely.selectFrom("role").selectAll().orderBy("name").execute();
    assert.deepEqual(
      roles.map((r) => [r.name, flag(r.builtin)]),
      [
        ["admin", true],
        ["guest", true],
      ],
    );
    const perms = await permissionsOfRoles(
      store.db.kysely,
      roles.map((r) => r.id),
    );
    assert.deepEqual(
      roles.map((r) => perms.get(r.id)),
      [
        ["read", "write", "me"],
        ["read", "me"],
      ],
    );
  });

  it("seed the access guard row and no users (the server's bootstrap creates the admin)", async () => {
    const q = store.db.kysely;
    assert.deepEqual(await q.selectFrom("guard").selectAll().execute(), [{ id: 1, name: "access" }]);
    assert.deepEqual(await q.selectFrom("users").select("id").execute(), []);
  });
});
