/**
 * Serializes writes inside one workspace by locking its row, for rules that span several rows
 * ("a shared stack holds only shared components", "a component in a stack is not deleted"):
 * checking them and then writing is only safe when no other such write interleaves. SQLite needs
 * nothing: its one connection runs one transaction at a time.
 */
import type { Kysely, Transaction } from "kysely";
import type { DialectName } from "./db.js";
import type { Database } from "./schema.js";

export async function lockWorkspace(q: Transaction<Database> | Kysely<Database>, dialect: DialectName, workspaceId: string): Promise<void> {
  if (dialect === "sqlite") return;
  await q.selectFrom("workspace").select("id").where("id", "=", workspaceId).forUpdate().execute();
}
