/** The audit log shows who did what to whom: it is for those who administer the system. */
import type { Actor } from "./actor.js";
import { requirePermission } from "./can.js";

export function authorizeReadAudit(actor: Actor): void {
  requirePermission(actor, "write");
}
