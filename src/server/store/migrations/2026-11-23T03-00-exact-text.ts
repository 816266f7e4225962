/**
 * MariaDB and MySQL compare text by the database's default collation, usually
 * `utf8mb4_general_ci`: accent-insensitive ("ádmin" = "admin"), pad-space ("default " = "default"),
 * and blind to the difference between emoji. A name lookup then found another row (a PUT to
 * `/workspaces/défault` changed `default`), unique names refused names that differ, and LIKE filters
 * matched more than they said. SQLite and PostgreSQL compare exactly, and the code already makes
 * case-insensitivity explicit (lower-cased `*_key` columns, `lower()` in filters). This converts
 * every text column, and the database default for tables to come, to a binary no-pad collation, so
 * the three stores compare text alike. No-op on SQLite and PostgreSQL. Frozen in time: it imports
 * nothing from the app.
 */
import { MysqlAdapter, sql, type Kysely } from "kysely";

interface TextColumn {
  table_name: string;
  column_name: string;
  column_type: string;
  is_nullable: string;
  column_default: string | null;
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof MysqlAdapter)) return;
  const { rows } = await sql<{ v: string }>`select version() as v`.execute(db);
  // MariaDB names its no-pad binary collation differently from MySQL 8.
  const collation = /mariadb/i.test(rows[0]?.v ?? "") ? "utf8mb4_nopad_bin" : "utf8mb4_0900_bin";
  await sql.raw(`alter database character set utf8mb4 collate ${collation}`).execute(db);
  // Every text column but the ids at either end of a foreign key: MariaDB refuses to change those
  // in place, and UUIDs compare the same under any collation.
  const columns = await sql<TextColumn>`
    select c.table_name, c.column_name, c.column_type, c.is_nullable, c.column_default
    from information_schema.columns c
    where c.table_schema = database() and c.collation_name is not null and c.table_name not like 'kysely%'
      and not exists (
        select 1 from information_schema.key_column_usage k
        where k.table_schema = c.table_schema and k.referenced_table_name is not null
          and ((k.table_name = c.table_name and k.column_name = c.column_name)
            or (k.referenced_table_name = c.table_name and k.referenced_column_name = c.column_name)))
    order by c.table_name, c.ordinal_position`.execute(db);
  const byTable = new Map<string, string[]>();
  for (const c of columns.rows) {
    const nullability = c.is_nullable === "YES" ? "null" : "not null";
    const fallback = c.column_default === null ? "" : ` default ${c.column_default}`;
    const clause = `modify \`${c.column_name}\` ${c.column_type} character set utf8mb4 collate ${collation} ${nullability}${fallback}`;
    byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), clause]);
  }
  // The table default too, so a column a later migration adds compares exactly as well.
  for (const [table, clauses] of byTable) {
    const all = [`default character set utf8mb4 collate ${collation}`, ...clauses];
    await sql.raw(`alter table \`${table}\` ${all.join(", ")}`).execute(db);
  }
}
