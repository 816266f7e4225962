/** Queries on `session`. */
import type { Selectable } from "kysely";
import { metrics } from "../../observability/metrics.js";
import { toFlag } from "../dialect.js";
import type { SessionTable } from "../schema.js";
import type { Q } from "./users.js";

export type SessionRow = Selectable<SessionTable>;

export async function insertSession(q: Q, row: SessionRow): Promise<void> {
  await q.insertInto("session").values(row).execute();
}

/** The session and its user in one primary-key lookup: the hot path of every request. */
export function findSessionByDigest(q: Q, tokenDigest: string) {
  return q
    .selectFrom("session")
    .innerJoin("users", "users.id", "session.user_id")
    .select([
      "session.id as session_id",
      "session.revoked",
      "session.idle_expires",
      "session.max_expires",
      "session.last_seen",
      "users.id as user_id",
      "users.name as user_name",
      "users.active",
    ])
    .where("session.token_digest", "=", tokenDigest)
    .executeTakeFirst();
}

export async function touchSession(q: Q, id: string, lastSeen: string, idleExpires: string): Promise<void> {
  await q.updateTable("session").set({ last_seen: lastSeen, idle_expires: idleExpires }).where("id", "=", id).execute();
}

export async function revokeSession(q: Q, id: string): Promise<void> {
  await q
    .updateTable("session")
    .set({ revoked: toFlag(true) })
    .where("id", "=", id)
    .execute();
}

/** Ends every session of a user, except optionally one (the one making the change). */
export async function revokeUserSessions(q: Q, userId: string, exceptId?: string): Promise<void> {
  let query = q
    .updateTable("session")
    .set({ revoked: toFlag(true) })
    .where("user_id", "=", userId)
    .where("revoked", "=", 0);
  if (exceptId) query = query.where("id", "!=", exceptId);
  const result = await query.executeTakeFirst();
  metrics.sessionsRevoked.inc({}, Number(result.numUpdatedRows));
}

export function liveSessionsOfUser(q: Q, userId: string, nowStamp: string): Promise<SessionRow[]> {
  return q
    .selectFrom("session")
    .selectAll()
    .where("user_id", "=", userId)
    .where("revoked", "=", 0)
    .where("idle_expires", ">", nowStamp)
    .where("max_expires", ">", nowStamp)
    .orderBy("created", "desc")
    .execute();
}

export function findSession(q: Q, id: string): Promise<SessionRow | undefined> {
  return q.selectFrom("session").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Drops sessions that can no longer be used (housekeeping; never needed for correctness). */
export async function purgeDeadSessions(q: Q, nowStamp: string): Promise<void> {
  await q
    .deleteFrom("session")
    .where((eb) => eb.or([eb("revoked", "=", 1), eb("max_expires", "<", nowStamp), eb("idle_expires", "<", nowStamp)]))
    .execute();
}
