/** Queries on `session`. */
import { sql, type Selectable } from "kysely";
import { isPermission } from "../../../core/permissions.js";
import { metrics } from "../../observability/metrics.js";
import { toFlag } from "../dialect.js";
import { prepared } from "../prepared.js";
import type { Flag, SessionTable } from "../schema.js";
import type { PermissionGrant } from "./assignments.js";
import type { Q, UserRow } from "./users.js";

export type SessionRow = Selectable<SessionTable>;

export async function insertSession(q: Q, row: SessionRow): Promise<void> {
  await q.insertInto("session").values(row).execute();
}

/** What the per-request check needs: the session, its user's row, and the user's live grants. */
export interface SessionCheck {
  session_id: string;
  revoked: Flag;
  idle_expires: string;
  max_expires: string;
  last_seen: string;
  user: UserRow;
  grants: PermissionGrant[];
}

/** The user's columns, read with the session as `user_<column>` (see `userOf` for the row). */
const USER_COLUMNS = [
  "id",
  "created",
  "updated",
  "name",
  "name_key",
  "full_name",
  "email",
  "email_key",
  "email_opted_in",
  "active",
  "password_hash",
  "activation_digest",
  "activation_expires",
] as const;

type UserColumn = (typeof USER_COLUMNS)[number];

/** A row of the statement below: the session row or a grant row, so every column may be NULL. */
type CheckRow = { [K in keyof Omit<SessionCheck, "user" | "grants">]: SessionCheck[K] | null } & {
  [K in UserColumn as `user_${K}`]: UserRow[K] | null;
} & { workspace_id: string | null; permission: string | null };

const none = sql`null`;

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
    .select(["s.id as session_id", "s.revoked", "s.idle_expires", "s.max_expires", "s.last_seen"])
    .select(USER_COLUMNS.map((c) => sql.ref(`u.${c}`).as(`user_${c}`)))
    .select([none.as("workspace_id"), none.as("permission")])
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
    .select(["session_id", "revoked", "idle_expires", "max_expires", "last_seen"].map((c) => none.as(c)))
    .select(USER_COLUMNS.map((c) => none.as(`user_${c}`)))
    .select(["ra.workspace_id", "rp.permission"])
    .where("s.token_digest", "=", tokenDigest)
    .$castTo<CheckRow>();
}

/** The user's row out of the session row (typed: a column added to `users` must be added above). */
function userOf(row: CheckRow): UserRow {
  return {
    id: row.user_id as string,
    created: row.user_created as string,
    updated: row.user_updated as string,
    name: row.user_name as string,
    name_key: row.user_name_key as string,
    full_name: row.user_full_name as string,
    email: row.user_email,
    email_key: row.user_email_key,
    email_opted_in: row.user_email_opted_in,
    active: row.user_active as Flag,
    password_hash: row.user_password_hash,
    activation_digest: row.user_activation_digest,
    activation_expires: row.user_activation_expires,
  };
}

/** The session behind a token digest with its user and their grants, or undefined when there is none. */
export async function checkSession(q: Q, tokenDigest: string): Promise<SessionCheck | undefined> {
  let found: CheckRow | undefined;
  const grants: PermissionGrant[] = [];
  for (const row of await sessionCheck(q, { digest: tokenDigest })) {
    if (row.session_id !== null) found = row;
    else if (isPermission(row.permission)) grants.push({ workspace_id: row.workspace_id, permission: row.permission });
  }
  if (!found) return undefined;
  return {
    session_id: found.session_id as string,
    revoked: found.revoked as Flag,
    idle_expires: found.idle_expires as string,
    max_expires: found.max_expires as string,
    last_seen: found.last_seen as string,
    user: userOf(found),
    grants,
  };
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

/** Ends every session of a user, except optionally one (the one making the change); returns how many. */
export async function revokeUserSessions(q: Q, userId: string, exceptId?: string): Promise<number> {
  let query = q
    .updateTable("session")
    .set({ revoked: toFlag(true) })
    .where("user_id", "=", userId)
    .where("revoked", "=", 0);
  if (exceptId) query = query.where("id", "!=", exceptId);
  const result = await query.executeTakeFirst();
  const ended = Number(result.numUpdatedRows);
  metrics.sessionsRevoked.inc({}, ended);
  return ended;
}

/** Deletes every session that can no longer be used (revoked, or past either expiry); returns how many. */
export async function deleteEndedSessions(q: Q, nowStamp: string): Promise<number> {
  const result = await q
    .deleteFrom("session")
    .where((eb) => eb.or([eb("revoked", "!=", 0), eb("idle_expires", "<=", nowStamp), eb("max_expires", "<=", nowStamp)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
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
