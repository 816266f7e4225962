/** The caller's own account and sessions (`/current-user`). */
import type { UserUpdate } from "../../core/schemas/users.js";
import { NotFound } from "../errors.js";
import type { Actor } from "../policy/actor.js";
import { authorizeOwnSession, sessionNotFound } from "../policy/sessions.js";
import { authorizeUpdateSelf } from "../policy/users.js";
import { presentUser } from "../presenters/users.js";
import type { WireSession, WireUser } from "../presenters/wire.js";
import { flag } from "../store/dialect.js";
import {
  findSession,
  liveSessionsOfUser,
  revokeSession as revokeSessionRow,
  revokeUserSessions,
  type SessionRow,
} from "../store/repos/sessions.js";
import { now } from "../store/time.js";
import { audit } from "./audit.js";
import { ownAnswerOf, ownRowOf } from "./authentication.js";
import { transaction, type Ctx } from "./context.js";
import { applyUserUpdate, requireUser, viewFor } from "./users.js";

/** Every active user may read their own account, whatever their roles (SPEC §4 rule 3). */
export function getCurrentUser(ctx: Ctx, actor: Actor): WireUser | Promise<WireUser> {
  const q = ctx.db.kysely;
  return ownAnswerOf(actor, async () => presentUser(q, ownRowOf(actor) ?? (await requireUser(q, actor.id)), viewFor(actor)));
}

export async function updateCurrentUser(ctx: Ctx, actor: Actor, body: UserUpdate): Promise<WireUser> {
  const self = await requireUser(ctx.db.kysely, actor.id);
  authorizeUpdateSelf(actor, self, body.name, ctx.config.defaultUserName);
  // `active` is not one's own to change; everything else follows the shared update rules.
  return applyUserUpdate(ctx, actor, self, { ...body, active: null });
}

function presentSession(row: SessionRow, currentId: string | null): WireSession {
  return {
    id: row.id,
    created: row.created,
    last_seen: row.last_seen,
    expires: row.idle_expires < row.max_expires ? row.idle_expires : row.max_expires,
    client: row.client,
    source: row.source,
    current: row.id === currentId,
  };
}

export async function listMySessions(ctx: Ctx, actor: Actor): Promise<WireSession[]> {
  const rows = await liveSessionsOfUser(ctx.db.kysely, actor.id, now());
  return rows.map((r) => presentSession(r, actor.kind === "user" ? actor.sessionId : null));
}

/** A live session of the actor's; an ended one is gone, like a missing one. */
async function requireOwnSession(ctx: Ctx, actor: Actor, id: string): Promise<SessionRow> {
  const row = await findSession(ctx.db.kysely, id);
  if (!row || flag(row.revoked)) throw new NotFound(sessionNotFound(id));
  authorizeOwnSession(actor, { id, userId: row.user_id });
  return row;
}

export async function getMySession(ctx: Ctx, actor: Actor, id: string): Promise<WireSession> {
  return presentSession(await requireOwnSession(ctx, actor, id), actor.kind === "user" ? actor.sessionId : null);
}

export async function revokeMySession(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const row = await requireOwnSession(ctx, actor, id);
  await transaction(ctx, async (q) => {
    await revokeSessionRow(q, row.id);
    await audit(q, actor, "session.revoke", { type: "session", id: row.id, name: actor.name });
  });
}

/**
 * Ends every live session of the actor's but the one asking ("sign out other sessions"); in local
 * mode, which runs in no session, every one of them. Returns how many ended.
 */
export async function revokeMyOtherSessions(ctx: Ctx, actor: Actor): Promise<number> {
  return transaction(ctx, async (q) => {
    const ended = await revokeUserSessions(q, actor.id, actor.kind === "user" ? actor.sessionId : undefined);
    await audit(q, actor, "session.revoke_others", { type: "user", id: actor.id, name: actor.name }, { sessions: ended });
    return ended;
  });
}
