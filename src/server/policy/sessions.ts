/** Rules for sessions (SPEC §5.1): they are personal, so anyone else's does not exist for you. */
import type { Actor } from "./actor.js";
import { hideUnless } from "./can.js";

export function sessionNotFound(id: string): string {
  return `Unable to get session with ID '${id}': no such session exists.`;
}

/** One's own session only: anyone else's answers 404, admins included, like a missing one. */
export function authorizeOwnSession(actor: Actor, session: { id: string; userId: string }): void {
  hideUnless(session.userId === actor.id, sessionNotFound(session.id));
}
