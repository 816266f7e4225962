/**
 * Audit events (SPEC §3, §9): written by services inside the transaction of the change they
 * describe, so an event exists exactly when its change does.
 */
import type { AuditOutcome, WireAuditEvent } from "../../core/audit-events.js";
import type { Actor } from "../policy/actor.js";
import { authorizeReadAudit } from "../policy/audit.js";
import type { ListParams, Page } from "../store/list-query.js";
import { appendAuditEvent, listAuditEvents as listAuditRows, type AuditEventRow } from "../store/repos/audit.js";
import { newId } from "../store/repos/ids.js";
import type { Q } from "../store/repos/users.js";
import type { Ctx } from "./context.js";
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
  outcome: AuditOutcome = "success",
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
    // Behind a trusted proxy the source is whatever X-Forwarded-For said; the column holds 64.
    source: actor.source.slice(0, 64),
    summary: JSON.stringify(summary).slice(0, 4000),
  });
}

function presentAuditEvent(row: AuditEventRow): WireAuditEvent {
  let summary: Record<string, unknown> = {};
  try {
    summary = JSON.parse(row.summary) as Record<string, unknown>;
  } catch {
    summary = { text: row.summary };
  }
  const { id, created, actor_id, actor_name, action, target_type, target_id, target_name, outcome, source } = row;
  // Only appendAuditEvent writes the column, and only with an AuditOutcome.
  return {
    id,
    created,
    actor_id,
    actor_name,
    action,
    target_type,
    target_id,
    target_name,
    outcome: outcome as AuditOutcome,
    source,
    summary,
  };
}

export async function listAuditEvents(ctx: Ctx, actor: Actor, params: ListParams): Promise<Page<WireAuditEvent>> {
  authorizeReadAudit(actor);
  const page = await listAuditRows(ctx.db.kysely, params);
  return { ...page, items: page.items.map(presentAuditEvent) };
}

/**
 * Records a refused request: a denial (SPEC §4 "Denials are logged") or a failed attempt such as
 * an activation. It has no transaction of its own change to join, so it is written on its own; a
 * failure to write it never hides the refusal.
 */
export async function recordRefusal(
  ctx: Ctx,
  actor: Actor | AuditActor,
  action: string,
  target: AuditTarget,
  summary: Record<string, unknown>,
  outcome: Exclude<AuditOutcome, "success">,
): Promise<void> {
  try {
    await audit(ctx.db.kysely, actor, action, target, summary, outcome);
  } catch {
    // The store may be the reason the request failed; the refusal still goes out.
  }
}

/** A request the policy refused, named by its method and route pattern. */
export function recordDenial(ctx: Ctx, actor: Actor | AuditActor, action: string, reason: string): Promise<void> {
  return recordRefusal(ctx, actor, action, { type: "request" }, { reason: reason.slice(0, 300) }, "denied");
}
