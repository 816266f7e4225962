/**
 * Stacks, stack components, pipelines and pipeline runs (SPEC §3): workspace-scoped resources
 * with an owner. Frozen in time: it imports nothing from the app.
 *
 * Name rules live in unique indexes so that they hold under concurrent requests on every dialect:
 * - every stack (component) is unique by lower-cased name per (workspace, owner[, type]);
 * - a shared one is also unique per (workspace[, type]). `shared_name_key` carries the lower-cased
 *   name while the row is shared and NULL otherwise; NULLs never collide in a unique index on
 *   SQLite, PostgreSQL or MariaDB, so private rows stay out of that rule.
 */
import { MysqlAdapter, sql, type Kysely } from "kysely";

const ID = "varchar(36)";
const TIME = "varchar(26)";
const NAME = "varchar(255)";
const TYPE = "varchar(32)";

export async function up(db: Kysely<any>): Promise<void> {
  // MariaDB's TEXT holds 64 KiB; configurations and pipeline specs may be larger (bodies are capped
  // at 1 MiB). SQLite and PostgreSQL TEXT has no such limit.
  const JSON_TEXT = db.getExecutor().adapter instanceof MysqlAdapter ? sql`mediumtext` : sql`text`;

  await db.schema
    .createTable("stack_component")
    .addColumn("id", ID, (c) => c.primaryKey())
    .addColumn("created", TIME, (c) => c.notNull())
    .addColumn("updated", TIME, (c) => c.notNull())
    .addColumn("workspace_id", ID, (c) => c.notNull().references("workspace.id").onDelete("cascade"))
    .addColumn("user_id", ID, (c) => c.notNull().references("users.id"))
    .addColumn("is_shared", "integer", (c) => c.notNull())
    .addColumn("name", NAME, (c) => c.notNull())
    .addColumn("name_key", NAME, (c) => c.notNull())
    .addColumn("shared_name_key", NAME)
    .addColumn("type", TYPE, (c) => c.notNull())
    .addColumn("flavor", NAME, (c) => c.notNull())
    .addColumn("configuration", JSON_TEXT, (c) => c.notNull())
    .addColumn("labels", JSON_TEXT)
    .addColumn("connector_resource_id", NAME)
    .addUniqueConstraint("stack_component_owner_name", ["workspace_id", "user_id", "type", "name_key"])
    .addUniqueConstraint("stack_component_shared_name", ["workspace_id", "type", "shared_name_key"])
    .execute();
  await db.schema.createIndex("stack_component_created").on("stack_component").columns(["created", "id"]).execute();
  await db.schema.createIndex("stack_component_user").on("stack_component").column("user_id").execute();

  await db.schema
    .createTable("stack")
    .addColumn("id", ID, (c) => c.primaryKey())
    .addColumn("created", TIME, (c) => c.notNull())
    .addColumn("updated", TIME, (c) => c.notNull())
    .addColumn("workspace_id", ID, (c) => c.notNull().references("workspace.id").onDelete("cascade"))
    .addColumn("user_id", ID, (c) => c.notNull().references("users.id"))
    .addColumn("is_shared", "integer", (c) => c.notNull())
    .addColumn("name", NAME, (c) => c.notNull())
    .addColumn("name_key", NAME, (c) => c.notNull())
    .addColumn("shared_name_key", NAME)
    .addColumn("description", "text", (c) => c.notNull())
    .addUniqueConstraint("stack_owner_name", ["workspace_id", "user_id", "name_key"])
    .addUniqueConstraint("stack_shared_name", ["workspace_id", "shared_name_key"])
    .execute();
  await db.schema.createIndex("stack_created").on("stack").columns(["created", "id"]).execute();
  await db.schema.createIndex("stack_user").on("stack").column("user_id").execute();

  // One component per type per stack: the primary key is (stack, type).
  await db.schema
    .createTable("stack_composition")
    .addColumn("stack_id", ID, (c) => c.notNull().references("stack.id").onDelete("cascade"))
    .addColumn("type", TYPE, (c) => c.notNull())
    .addColumn("component_id", ID, (c) => c.notNull().references("stack_component.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("stack_composition_pk", ["stack_id", "type"])
    .execute();
  await db.schema.createIndex("stack_composition_component").on("stack_composition").column("component_id").execute();

  await db.schema
    .createTable("pipeline")
    .addColumn("id", ID, (c) => c.primaryKey())
    .addColumn("created", TIME, (c) => c.notNull())
    .addColumn("updated", TIME, (c) => c.notNull())
    .addColumn("workspace_id", ID, (c) => c.notNull().references("workspace.id").onDelete("cascade"))
    .addColumn("user_id", ID, (c) => c.notNull().references("users.id"))
    .addColumn("name", NAME, (c) => c.notNull())
    .addColumn("name_key", NAME, (c) => c.notNull())
    .addColumn("version", NAME, (c) => c.notNull())
    .addColumn("version_hash", NAME, (c) => c.notNull())
    .addColumn("docstring", "text")
    .addColumn("spec", JSON_TEXT, (c) => c.notNull())
    .addUniqueConstraint("pipeline_name_version", ["workspace_id", "name_key", "version"])
    .execute();
  await db.schema.createIndex("pipeline_created").on("pipeline").columns(["created", "id"]).execute();
  await db.schema.createIndex("pipeline_user").on("pipeline").column("user_id").execute();

  // A run outlives its pipeline and stack (the reference becomes NULL), as ZenML's runs do.
  await db.schema
    .createTable("pipeline_run")
    .addColumn("id", ID, (c) => c.primaryKey())
    .addColumn("created", TIME, (c) => c.notNull())
    .addColumn("updated", TIME, (c) => c.notNull())
    .addColumn("workspace_id", ID, (c) => c.notNull().references("workspace.id").onDelete("cascade"))
    .addColumn("user_id", ID, (c) => c.notNull().references("users.id"))
    .addColumn("name", NAME, (c) => c.notNull())
    .addColumn("name_key", NAME, (c) => c.notNull())
    .addColumn("pipeline_id", ID, (c) => c.references("pipeline.id").onDelete("set null"))
    .addColumn("stack_id", ID, (c) => c.references("stack.id").onDelete("set null"))
    .addColumn("orchestrator_run_id", NAME)
    .addColumn("status", TYPE, (c) => c.notNull())
    .addColumn("start_time", TIME)
    .addColumn("end_time", TIME)
    .addColumn("num_steps", "integer")
    .addColumn("configuration", JSON_TEXT, (c) => c.notNull())
    // The remaining ZenML run fields (versions, environments, git sha, cache flags), as one object.
    .addColumn("details", JSON_TEXT, (c) => c.notNull())
    .addUniqueConstraint("pipeline_run_name", ["workspace_id", "name_key"])
    .execute();
  await db.schema.createIndex("pipeline_run_created").on("pipeline_run").columns(["created", "id"]).execute();
  await db.schema.createIndex("pipeline_run_user").on("pipeline_run").column("user_id").execute();
  await db.schema.createIndex("pipeline_run_pipeline").on("pipeline_run").column("pipeline_id").execute();
  await db.schema.createIndex("pipeline_run_stack").on("pipeline_run").column("stack_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["pipeline_run", "pipeline", "stack_composition", "stack", "stack_component"]) {
    await db.schema.dropTable(table).execute();
  }
}
