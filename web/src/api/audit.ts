/** The audit log (`GET /audit_events`, for admins): a filtered page of events, and its export. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, getText, type Query } from "./client";
import { keys } from "./keys";
import type { AuditOutcome, WireAuditEvent } from "../../../src/core/audit-events.js";
import type { Page } from "./types";

export const AUDIT_PAGE_SIZE = 50;
/** The most events one request may ask for (the API's largest page). */
const EXPORT_PAGE_SIZE = 10_000;

export { AUDIT_OUTCOMES, type AuditOutcome } from "../../../src/core/audit-events.js";
export type AuditEvent = WireAuditEvent;

/** What the page filters by; empty strings filter nothing. Dates are the viewer's local days. */
export interface AuditFilters {
  action: string;
  actor: string;
  outcome: AuditOutcome | "";
  /** `YYYY-MM-DD`, from the start of that day. */
  from: string;
  /** `YYYY-MM-DD`, up to the end of that day. */
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = { action: "", actor: "", outcome: "", from: "", to: "" };

/** The start of a local day (plus `days`) as the API writes times: UTC `YYYY-MM-DD HH:MM:SS`. */
function startOfDay(date: string, days = 0): string {
  const local = new Date(`${date}T00:00:00`);
  local.setDate(local.getDate() + days);
  return local.toISOString().slice(0, 19).replace("T", " ");
}

/** The list filters of the API (SPEC §6): a range is the time field given twice. */
function filterQuery(filters: AuditFilters): Query {
  const created = [
    ...(filters.from ? [`gte:${startOfDay(filters.from)}`] : []),
    ...(filters.to ? [`lt:${startOfDay(filters.to, 1)}`] : []),
  ];
  return {
    action: filters.action.trim() ? `contains:${filters.action.trim()}` : undefined,
    actor_name: filters.actor.trim() ? `contains:${filters.actor.trim()}` : undefined,
    outcome: filters.outcome || undefined,
    created,
  };
}

export function useAuditEvents(page: number, filters: AuditFilters) {
  return useQuery({
    queryKey: [...keys.audit, { page, filters }],
    queryFn: () => api.get<Page<AuditEvent>>("/audit_events", { ...filterQuery(filters), page, size: AUDIT_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

/** Every event the filters match, newest first, as JSON lines (one event a line). */
export async function exportAuditEvents(filters: AuditFilters, total: number): Promise<string> {
  const pages = Math.max(1, Math.ceil(total / EXPORT_PAGE_SIZE));
  const query = { ...filterQuery(filters), format: "jsonl", size: EXPORT_PAGE_SIZE };
  const texts = await Promise.all(Array.from({ length: pages }, (_, i) => getText("/audit_events", { ...query, page: i + 1 })));
  return texts.join("");
}
