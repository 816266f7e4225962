/**
 * The core tables: identity, workspaces, users, roles, teams, assignments, sessions, login
 * throttling, the audit log and the guard row. Frozen in time: it imports nothing from the app.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";

const ID = "varchar(36)";
const TIME = "varchar(26)";
const NAME = "varchar(255)";

function stamp(): string {
  return new Date().toISOString().replace("Z", "000");
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("server_identity")
    .addColumn("id", ID, (c) => c.primaryKey())
    .addColumn("secret_key", "varchar(128)", (c) => c.notNull())
    .addColumn("created", TIME, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("workspace")
    .addColumn("id", ID, (c) => c.primaryKey())
    .addColumn("created", TIME, (c) => c.notNull())
    .addColumn("updated", TIME, (c) => c.notNull())
    .addColumn("name", NAME, (c) => c.notNull())
    .addColumn("name_key", NAME, (c) => c.notNull().unique())
    .addColumn("description", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", ID, (c) => c.primaryKey())
    .addColumn("created", TIME, (c) => c.notNull())
    .addColumn("updated", TIME, (c) => c.notNull())
    .addColumn("name", NAME, (c) => c.notNull())
    .addColumn("name_key", NAME, (c) => c.notNull().unique())
    .addColumn("full_name", NAME, (c) => c.notNull())
    .addColumn("email", NAME)
    .addColumn("email_key", NAME, (c) => c.unique())
    .addColumn("email_opted_in", "integer")
    .addColumn("active", "integer", (c) => c.notNull())
    .addColumn("password_hash", NAME)
    .addColumn("activation_digest", "varchar(64)")
    .addColumn("activation_expires", TIME)
    .execute();
  await db.schema.createIndex("users_created").on("users").columns(["created", "id"]).execute();

  await db.schema
    .createTable("role")
    .addColumn("id", ID, (c) => c.primaryKey())
    .addColumn("created", TIME, (c) => c.notNull())
    .addColumn("updated", TIME, (c) => c.notNull())
    .addColumn("name", NAME, (c) => c.notNull())
    .addColumn("name_key", NAME, (c) => c.notNull().unique())
    .addColumn("builtin", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("role_permission")
    .addColumn("role_id", ID, (c) => c.notNull().references("role.id").onDelete("cascade"))
    .addColumn("permission", "varchar(16)", (c) => c.notNull())
    .addPrimaryKeyConstraint("role_permission_pk", ["role_id", "permission"])
    .execute();

  await db.schema
    .createTable("team")
    .addColumn("id", ID, (c) => c.primaryKey())
    .addColumn("created", TIME, (c) => c.notNull())
    .addColumn("updated", TIME, (c) => c.notNull())
    .addColumn("name", NAME, (c) => c.notNull())
    .addColumn("name_key", NAME, (c) => c.notNull().unique())
    .execute();

  await db.schema
    .createTable("team_member")
    .addColumn("team_id", ID, (c) => c.notNull().references("team.id").onDelete("cascade"))
    .addColumn("user_id", ID, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("team_member_pk", ["team_id", "user_id"])
    .execute();
  await db.schema.createIndex("team_member_user").on("team_member").column("user_id").execute();

  await db.schema
    .createTable("role_assignment")
    .addColumn("id", ID, (c) => c.primaryKey())
    .addColumn("created", TIME, (c) => c.notNull())
    .addColumn("updated", TIME, (c) => c.notNull())
    .addColumn("role_id", ID, (c) => c.notNull().references("role.id").onDelete("cascade"))
    .addColumn("user_id", ID, (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("team_id", ID, (c) => c.references("team.id").onDelete("cascade"))
    .addColumn("workspace_id", ID, (c) => c.references("workspace.id").onDelete("cascade"))
    .addColumn("principal_id", ID, (c) => c.notNull())
    .addColumn("scope", ID, (c) => c.notNull())
    .addUniqueConstraint("role_assignment_unique", ["role_id", "principal_id", "scope"])
    .execute();
  await db.schema.createIndex("role_assignment_principal").on("role_assignment").column("principal_id").execute();

  await db.schema
    .createTable("session")
    .addColumn("id", ID, (c) => c.primaryKey())
    .addColumn("token_digest", "varchar(64)", (c) => c.notNull().unique())
    .addColumn("user_id", ID, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created", TIME, (c) => c.notNull())
    .addColumn("last_seen", TIME, (c) => c.notNull())
    .addColumn("idle_expires", TIME, (c) => c.notNull())
    .addColumn("max_expires", TIME, (c) => c.notNull())
    .addColumn("client", NAME, (c) => c.notNull())
    .addColumn("source", "varchar(64)", (c) => c.notNull())
    .addColumn("revoked", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("session_user").on("session").column("user_id").execute();

  await db.schema
    .createTable("login_failure")
    .addColumn("id", ID, (c) => c.primaryKey())
    .addColumn("throttle_key", "varchar(300)", (c) => c.notNull())
    .addColumn("at", TIME, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("login_failure_key_at").on("login_failure").columns(["throttle_key", "at"]).execute();

  await db.schema
    .createTable("audit_event")
    .addColumn("id", ID, (c) => c.primaryKey())
    .addColumn("created", TIME, (c) => c.notNull())
    .addColumn("actor_id", ID)
    .addColumn("actor_name", NAME)
    .addColumn("action", "varchar(64)", (c) => c.notNull())
    .addColumn("target_type", "varchar(64)", (c) => c.notNull())
    .addColumn("target_id", ID)
    .addColumn("target_name", NAME)
    .addColumn("outcome", "varchar(16)", (c) => c.notNull())
    .addColumn("source", "varchar(64)")
    .addColumn("summary", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_event_created").on("audit_event").columns(["created", "id"]).execute();

  await db.schema
    .createTable("guard")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("name", "varchar(64)", (c) => c.notNull())
    .execute();

  const now = stamp();
  await db.insertInto("guard").values({ id: 1, name: "access" }).execute();
  await db
    .insertInto("workspace")
    .values({ id: randomUUID(), created: now, updated: now, name: "default", name_key: "default", description: "" })
    .execute();
  const builtins: Record<string, string[]> = { admin: ["read", "write", "me"], guest: ["read", "me"] };
  for (const [name, permissions] of Object.entries(builtins)) {
    const id = randomUUID();
    await db.insertInto("role").values({ id, created: now, updated: now, name, name_key: name, builtin: 1 }).execute();
    await db
      .insertInto("role_permission")
      .values(permissions.map((permission) => ({ role_id: id, permission })))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "guard",
    "audit_event",
    "login_failure",
    "session",
    "role_assignment",
    "team_member",
    "team",
    "role_permission",
    "role",
    "users",
    "workspace",
    "server_identity",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
