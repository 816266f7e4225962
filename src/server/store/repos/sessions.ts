/** Queries on `session`. */
import { sql, type Selectable } from "kysely";
import { isPermission } from "../../../core/permissions.js";
import { metrics } from "../../observability/metrics.js";
import { toFlag } from "../dialect.js";
import { prepared } from "../prepared.js";
import type { Flag, SessionTable } from "../schema.js";
import type { PermissionGrant } from "./assignments.js";
import type { Q } from "./users.js";

export type SessionRow = Selectable<SessionTable>;

export async function insertSession(q: Q, row: SessionRow): Promise<void> {
  await q.insertInto("session").values(row).execute();
}

/** What the per-request check needs: the session, its user, and the user's live grants. */
export interface SessionCheck {
  session_id: string;
  revoked: Flag;
  idle_expires: string;
  max_expires: string;
  last_seen: string;
  user_id: string;
  user_name: string;
  active: Flag;
  grants: PermissionGrant[];
}

const none = <T>() => sql<T | null>`null`;

/** A row of the statement below: a session row or a grant row, so every column may be NULL. */
type CheckRow = { [K in keyof Omit<SessionCheck, "grants">]: SessionCheck[K] | null } & {
  workspace_id: string | null;
  permission: string | null;
};

/**
 * The hot path of every authenticated request, in one statement compiled once: the session and
 * its user by token digest, then every permission the user holds and where, through their own
 * assignments and their teams'. Each branch starts from the unique token_digest index and follows
 * indexes from there (a single OR over both kinds of principal would make PostgreSQL scan every
 * assignment). Grant rows carry NULL session columns; the session row carries NULL grant columns.
 */
const sessionCheck = prepared((q, a: { digest: string }) =>
  q
    .selectFrom("session as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select([
      "s.id as session_id",
      "s.revoked",
      "s.idle_expires",
      "s.max_expires",
      "s.last_seen",
      "u.id as user_id",
      "u.name as user_name",
      "u.active",
      none<string>().as("workspace_id"),
      none<string>().as("permission"),
    ])
    .where("s.token_digest", "=", a.digest)
    .$castTo<CheckRow>()
    .unionAll(grantBranch(q, "direct", a.digest))
    .unionAll(grantBranch(q, "team", a.digest)),
);

function grantBranch(q: Q, via: "direct" | "team", tokenDigest: string) {
  const start = q.selectFrom("session as s");
  const assignments =
    via === "direct"
      ? start.innerJoin("role_assignment as ra", "ra.principal_id", "s.user_id")
      : start.innerJoin("team_member as tm", "tm.user_id", "s.user_id").innerJoin("role_assignment as ra", "ra.principal_id", "tm.team_id");
  return assignments
    .innerJoin("role_permission as rp", "rp.role_id", "ra.role_id")
    .select([
      none<string>().as("session_id"),
      none<Flag>().as("revoked"),
      none<string>().as("idle_expires"),
      none<string>().as("max_expires"),
      none<string>().as("last_seen"),
      none<string>().as("user_id"),
      none<string>().as("user_name"),
      none<Flag>().as("active"),
      "ra.workspace_id",
      "rp.permission",
    ])
    .where("s.token_digest", "=", tokenDigest)
    .$castTo<CheckRow>();
}

/** The session behind a token digest with its user's grants, or undefined when there is none. */
export async function checkSession(q: Q, tokenDigest: string): Promise<SessionCheck | undefined> {
  let found: Omit<SessionCheck, "grants"> | undefined;
  const grants: PermissionGrant[] = [];
  for (const row of await sessionCheck(q, { digest: tokenDigest })) {
    if (row.session_id !== null) {
      found = row as Omit<SessionCheck, "grants">;
    } else if (isPermission(row.permission)) {
      grants.push({ workspace_id: row.workspace_id, permission: row.permission });
    }
  }
  return found && { ...found, grants };
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
