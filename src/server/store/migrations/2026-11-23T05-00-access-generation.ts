/**
 * The access generation: one counter that every transaction changing who may do what (sessions,
 * users, roles, their permissions and assignments, teams and their members, workspaces) advances
 * in the same transaction (store/access-generation.ts). A server process that read a session at
 * generation N may trust what it read as long as the store still says N. Frozen in time: it
 * imports nothing from the app.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("access_generation")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("value", "bigint", (c) => c.notNull())
    .execute();
  await db.insertInto("access_generation").values({ id: 1, value: 0 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("access_generation").execute();
}
