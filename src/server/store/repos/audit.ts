/** Appends to and reads `audit_event`. Rows are never updated or deleted. */
import type { Insertable, Selectable } from "kysely";
import { fetchPage, filterExpression, type FilterSpec, type ListParams, type Page } from "../list-query.js";
import type { AuditEventTable } from "../schema.js";
import type { Q } from "./users.js";

export type AuditEventRow = Selectable<AuditEventTable>;

export const AUDIT_FILTERS: FilterSpec = {
  id: { kind: "uuid", column: "audit_event.id" },
  created: { kind: "datetime", column: "audit_event.created" },
  actor_id: { kind: "uuid", column: "audit_event.actor_id" },
  actor_name: { kind: "string", column: "audit_event.actor_name" },
  action: { kind: "string", column: "audit_event.action" },
  target_type: { kind: "string", column: "audit_event.target_type" },
  target_id: { kind: "uuid", column: "audit_event.target_id" },
  target_name: { kind: "string", column: "audit_event.target_name" },
  outcome: { kind: "string", column: "audit_event.outcome" },
  source: { kind: "string", column: "audit_event.source" },
};

export async function appendAuditEvent(q: Q, event: Insertable<AuditEventTable>): Promise<void> {
  await q.insertInto("audit_event").values(event).execute();
}

export function listAuditEvents(q: Q, params: ListParams): Promise<Page<AuditEventRow>> {
  const query = q
    .selectFrom("audit_event")
    .selectAll("audit_event")
    .where((eb) => filterExpression(eb, AUDIT_FILTERS, params) ?? eb.lit(true));
  return fetchPage(query, AUDIT_FILTERS, params, "audit_event.id");
}
