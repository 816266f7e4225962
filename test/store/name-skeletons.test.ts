/**
 * Look-alike names in the store (SPEC §5.4, migration 2026-11-24T00-00-name-skeletons), on every
 * dialect: users and teams carry their name's confusable-skeleton key under a unique index, which
 * settles races; rows from before the migration get theirs when the store is next opened; and a
 * store that already holds two look-alikes still opens, reporting the pair.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bootstrap } from "../../src/server/services/bootstrap.js";
import { principalName, skeleton, skeletonKey } from "../../src/server/services/name-skeleton.js";
import { isUniqueViolation } from "../../src/server/store/dialect.js";
import { migrator } from "../../src/server/store/migrate.js";
import { insertTeam } from "../../src/server/store/repos/teams.js";
import { insertUser } from "../../src/server/store/repos/users.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { teamRow, userRow } from "../helpers/rows.js";
import { useStore } from "../helpers/store.js";

describe("confusable skeletons (UTS #39)", () => {
  it("equal for look-alikes, whatever the case, the script or the normalisation form", () => {
    const same: [string, string][] = [
      ["default", "d\u0435fault"], // Cyrillic е
      ["default", "D\u0415FAULT"], // capital Cyrillic Е
      ["alice", "AIice"], // capital I for l
      ["mike", "rnike"],
      ["Mike", "rnike"], // lower-casing M makes the m that reads as rn
      ["ops", "0ps"],
      ["caf\u00e9", "cafe\u0301"],
      ["paypal", "\u0440\u0430\u0443\u0440\u0430l"], // all Cyrillic but the l
    ];
    for (const [a, b] of same) assert.equal(skeletonKey(a), skeletonKey(b), `${a} ~ ${b}`);
    const apart: [string, string][] = [
      ["alice", "bob"],
      ["default", "defaults"],
      ["ops", "op"],
    ];
    for (const [a, b] of apart) assert.notEqual(skeletonKey(a), skeletonKey(b), `${a} ≁ ${b}`);
  });

  it("follows TR #39: NFD, each code point to its prototype, NFD", () => {
    assert.equal(skeleton("\u0455c\u043e\u0440e"), "scope"); // Cyrillic ѕ, о, р
    assert.equal(skeleton("\u00e9"), "e\u0301");
    assert.equal(skeleton("%"), "\u00ba/\u2080".normalize("NFD"));
    assert.match(skeletonKey("x".repeat(255)), /^[0-9a-f]{64}$/, "a fixed-width key, however long the skeleton");
  });
});

describeEachDialect("name skeletons", (dialect) => {
  const store = useStore(dialect, { migrate: false });
  const keyOf = async (table: "users" | "team", name: string) =>
    (await store.db.kysely.selectFrom(table).select("name_skeleton").where("name", "=", name).executeTakeFirstOrThrow()).name_skeleton;

  it("rows from before the migration get their key when the store opens; of two look-alikes the older keeps it and the pair is reported", async () => {
    const migrations = migrator(store.db);
    assert.equal((await migrations.migrateTo("2026-11-23T05-00-access-generation")).error, undefined);
    const q = store.db.kysely;
    for (const name of ["default", "alice", "d\u0435fault"]) {
      await insertUser(q, userRow({ name, created: `2026-01-0${["default", "alice", "d\u0435fault"].indexOf(name) + 1}T00:00:00.000000` }));
    }
    await insertTeam(q, { ...teamRow("ops"), created: "2026-01-01T00:00:00.000000" });
    await insertTeam(q, { ...teamRow("0ps"), created: "2026-01-02T00:00:00.000000" });
    assert.equal((await migrations.migrateToLatest()).error, undefined);
    assert.equal(await keyOf("users", "default"), null, "the migration leaves the key to the app");

    const { warnings } = await bootstrap(store.ctx, { issueSetupLink: false });
    assert.equal(await keyOf("users", "default"), skeletonKey("default"));
    assert.equal(await keyOf("users", "alice"), skeletonKey("alice"));
    assert.equal(await keyOf("users", "d\u0435fault"), null);
    assert.equal(await keyOf("team", "ops"), skeletonKey("ops"));
    assert.equal(await keyOf("team", "0ps"), null);
    assert.deepEqual(warnings, [
      "The user 'd\u0435fault' looks like the user 'default'; rename one of them so that neither passes for the other.",
      "The team '0ps' looks like the team 'ops'; rename one of them so that neither passes for the other.",
    ]);

    // Opening it again changes nothing and says the same.
    assert.deepEqual((await bootstrap(store.ctx, { issueSetupLink: false })).warnings, warnings);
  });

  it("the unique index refuses a second user or team with the same skeleton key", async () => {
    const q = store.db.kysely;
    await insertUser(q, userRow({ ...principalName("racer") }));
    await assert.rejects(insertUser(q, userRow({ ...principalName("r\u0430cer") })), isUniqueViolation);
    await insertTeam(q, { ...teamRow("team-1"), ...principalName("team-1") });
    await assert.rejects(insertTeam(q, { ...teamRow("team-l"), ...principalName("team-l") }), isUniqueViolation);
  });
});
