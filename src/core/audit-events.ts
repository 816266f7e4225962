/** The audit log's wire vocabulary, shared by the server, the CLI and the dashboard. */

export const AUDIT_OUTCOMES = ["success", "failure", "denied"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** One event as `GET /api/v1/audit_events` answers it. */
export interface WireAuditEvent {
  id: string;
  created: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  target_name: string | null;
  outcome: AuditOutcome;
  source: string | null;
  summary: Record<string, unknown>;
}
