/**
 * Sorting by name gives the same order on every store: by the lower-cased `name_key`, by code
 * point, whatever collation the database was created with. The
 * PostgreSQL test databases use an ICU `en-US` collation, as many installations do, which on its
 * own would order punctuation and accents differently from SQLite and MariaDB.
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { sql } from "kysely";
import { parseListParams } from "../../src/server/http/list-params.js";
import { insertUser, listUsers, USER_FILTERS } from "../../src/server/store/repos/users.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { EMAILS_SHOWN, userRow } from "../helpers/rows.js";
import { useStore } from "../helpers/store.js";

const NAMES = ["zed", "Bob", "émile", "bob_1", "alice", "Carl", "bob-2"];
const ASCENDING = ["alice", "Bob", "bob-2", "bob_1", "Carl", "zed", "émile"];

describeEachDialect("sorting by name", (dialect) => {
  const store = useStore(dialect);

  before(async () => {
    for (const name of NAMES) await insertUser(store.db.kysely, userRow({ name }));
  });

  const names = async (sortBy: string) =>
    (await listUsers(store.db.kysely, parseListParams({ sort_by: sortBy }, USER_FILTERS), EMAILS_SHOWN)).items
      .map((u) => u.name)
      .filter((n) => NAMES.includes(n));

  it("ignores case, then orders by code point, ascending and descending", async () => {
    assert.deepEqual(await names("asc:name"), ASCENDING);
    assert.deepEqual(await names("desc:name"), [...ASCENDING].reverse());
  });

  if (dialect.name === "postgres") {
    it("every name_key column of PostgreSQL uses the C collation, whatever the database's default", async () => {
      const { rows } = await sql<{ table_name: string; column_name: string }>`
        select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
          and c.column_name = 'name_key' and c.collation_name is distinct from 'C'`.execute(store.db.kysely);
      assert.deepEqual(rows, []);
    });
  }
});
