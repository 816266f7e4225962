/** Appends to `audit_event`. Rows are never updated or deleted. */
import type { Insertable } from "kysely";
import type { AuditEventTable } from "../schema.js";
import type { Q } from "./users.js";

export async function appendAuditEvent(q: Q, event: Insertable<AuditEventTable>): Promise<void> {
  await q.insertInto("audit_event").values(event).execute();
}
