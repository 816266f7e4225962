/**
 * An exact count of users, kept by the database: an unfiltered user list takes its `total` from
 * here instead of counting every row for every page, so its cost follows the page and not the
 * table (SPEC §11). Triggers keep the count in the writer's own transaction, so it is exact on
 * every server process and for every statement that inserts or deletes a user, ours or not.
 * Frozen in time: it imports nothing from the app.
 *
 * The count and the triggers must start together: no user may be written between counting and
 * the triggers taking over, hence the table locks (SQLite: one transaction holds its only writer).
 */
import { MysqlAdapter, PostgresAdapter, sql, type Kysely } from "kysely";

const initialCount = sql`insert into row_count (name, n) select 'users', count(*) from users`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("row_count")
    .addColumn("name", "varchar(64)", (c) => c.primaryKey())
    .addColumn("n", "bigint", (c) => c.notNull())
    .execute();
  const adapter = db.getExecutor().adapter;

  if (adapter instanceof PostgresAdapter) {
    // The migrator runs this in a transaction on PostgreSQL. Statement-level triggers add a bulk
    // insert's rows at once instead of updating the count once per row.
    await sql`lock table users in share row exclusive mode`.execute(db);
    await sql`create function cohort_count_users() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          update row_count set n = n + (select count(*) from changed) where name = 'users';
        else
          update row_count set n = n - (select count(*) from changed) where name = 'users';
        end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger users_count_insert after insert on users referencing new table as changed
      for each statement execute function cohort_count_users()`.execute(db);
    await sql`create trigger users_count_delete after delete on users referencing old table as changed
      for each statement execute function cohort_count_users()`.execute(db);
    await initialCount.execute(db);
    return;
  }

  if (adapter instanceof MysqlAdapter) {
    // DDL commits at once on MariaDB; LOCK TABLES keeps writers out until the count is in. The
    // migrator runs this on one connection, so the lock and the unlock are on the same session.
    await sql`lock tables users write, row_count write`.execute(db);
    try {
      await sql`create trigger users_count_insert after insert on users for each row
        update row_count set n = n + 1 where name = 'users'`.execute(db);
      await sql`create trigger users_count_delete after delete on users for each row
        update row_count set n = n - 1 where name = 'users'`.execute(db);
      await initialCount.execute(db);
    } finally {
      await sql`unlock tables`.execute(db);
    }
    return;
  }

  await db.transaction().execute(async (tx) => {
    await sql`create trigger users_count_insert after insert on users
      begin update row_count set n = n + 1 where name = 'users'; end`.execute(tx);
    await sql`create trigger users_count_delete after delete on users
      begin update row_count set n = n - 1 where name = 'users'; end`.execute(tx);
    await initialCount.execute(tx);
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger users_count_insert${db.getExecutor().adapter instanceof PostgresAdapter ? sql` on users` : sql``}`.execute(db);
  await sql`drop trigger users_count_delete${db.getExecutor().adapter instanceof PostgresAdapter ? sql` on users` : sql``}`.execute(db);
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`drop function cohort_count_users()`.execute(db);
  await db.schema.dropTable("row_count").execute();
}
