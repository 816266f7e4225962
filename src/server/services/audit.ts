/**
 * Audit events (SPEC §3, §9): written by services inside the transaction of the change they
 * describe, so an event exists exactly when its change does.
 */
import type { Actor } from "../policy/actor.js";
import { appendAuditEvent } from "../store/repos/audit.js";
import { newId } from "../store/repos/ids.js";
import type { Q } from "../store/repos/users.js";
import { now } from "../store/time.js";

/** Who acted, when there is no Actor yet (a login, an activation, the server itself). */
export interface AuditActor {
  id: string | null;
  name: string | null;
  source: string;
}

export interface AuditTarget {
  type: string;
  id?: string | null;
  name?: string | null;
}

export async function audit(
  q: Q,
  actor: Actor | AuditActor,
  action: string,
  target: AuditTarget,
  summary: Record<string, unknown> = {},
  outcome: "success" | "failure" | "denied" = "success",
): Promise<void> {
  await appendAuditEvent(q, {
    id: newId(),
    created: now(),
    actor_id: actor.id,
    actor_name: actor.name,
    action,
    target_type: target.type,
    target_id: target.id ?? null,
    target_name: target.name ?? null,
    outcome,
    source: actor.source,
    summary: JSON.stringify(summary).slice(0, 4000),
  });
}
