/**
 * Look-alike names (SPEC §5.4): users and teams get `name_skeleton`, the key of their name's
 * confusable skeleton, under a unique index, so that of two look-alike names written at once only
 * one can land. NULL for the rows that exist now: the key is derived by the app's own Unicode
 * table, which a frozen migration must not import, so the server fills it in when it opens the
 * store (services/look-alike-names.ts); NULLs never collide, so a store that already holds two
 * look-alikes still migrates. Frozen in time: it imports nothing from the app.
 */
import { MysqlAdapter, type Kysely } from "kysely";

const TABLES = ["users", "team"];

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await db.schema.alterTable(table).addColumn("name_skeleton", "varchar(64)").execute();
    await db.schema.createIndex(`${table}_name_skeleton`).unique().on(table).column("name_skeleton").execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    // Only MariaDB names the table of an index it drops.
    const drop = db.schema.dropIndex(`${table}_name_skeleton`);
    await (db.getExecutor().adapter instanceof MysqlAdapter ? drop.on(table) : drop).execute();
    await db.schema.alterTable(table).dropColumn("name_skeleton").execute();
  }
}
