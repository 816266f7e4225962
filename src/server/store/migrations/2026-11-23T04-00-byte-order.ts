/**
 * PostgreSQL sorts text by the database's collation, which on most installations is a linguistic
 * one (`en_US.UTF-8` or an ICU locale): it ignores punctuation at first ("bob_1" before "bob-2"
 * or after it, depending on the rest) and places "é" beside "e". SQLite and MariaDB (after
 * 03-00-exact-text) order by code point, so a list sorted by name came back in a different order
 * on PostgreSQL. Names sort by their lower-cased `name_key` twins; this gives those columns the
 * "C" collation, which orders UTF-8 by code point too. Only those: the names themselves keep the
 * database's collation, so that `lower(name) = lower(?)` in filters folds both sides alike.
 * No-op on SQLite and MariaDB. Frozen in time: it imports nothing from the app.
 */
import { PostgresAdapter, sql, type Kysely } from "kysely";

interface TextColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  character_maximum_length: number | null;
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  const columns = await sql<TextColumn>`
    select c.table_name, c.column_name, c.data_type, c.character_maximum_length
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      and c.column_name = 'name_key'
    order by c.table_name, c.ordinal_position`.execute(db);
  const byTable = new Map<string, string[]>();
  for (const c of columns.rows) {
    const type = c.data_type === "text" ? "text" : `varchar(${c.character_maximum_length})`;
    const clause = `alter column "${c.column_name}" type ${type} collate "C"`;
    byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), clause]);
  }
  for (const [table, clauses] of byTable) await sql.raw(`alter table "${table}" ${clauses.join(", ")}`).execute(db);
}
