/** Users on the wire: top-level users carry their teams and direct roles; nested ones do not. */
import type { UserStatus } from "../../core/abilities.js";
import { flag } from "../store/dialect.js";
import { directAssignmentsOfUsers } from "../store/repos/assignments.js";
import { rolesByIds, withPermissions } from "../store/repos/roles.js";
import { teamsOfUsers } from "../store/repos/teams.js";
import type { Q, UserRow } from "../store/repos/users.js";
import { presentRole } from "./roles.js";
import { base, type WireRole, type WireUser } from "./wire.js";

export interface UserView {
  /** Whether the viewer may see this user's email (policy decides; see policy/users.ts). */
  showEmail: (user: UserRow) => boolean;
}

/**
 * Active; pending (invited, never set a password); or deactivated (had a password, switched off).
 * The wire has no password field, so the server states it.
 */
export function userStatus(row: Pick<UserRow, "active" | "password_hash">): UserStatus {
  if (flag(row.active)) return "active";
  return row.password_hash === null ? "pending" : "deactivated";
}

/** A user nested in another object: no teams, roles or email, as ZenML nests them. */
export function presentNestedUser(row: UserRow): WireUser {
  return {
    ...base(row),
    name: row.name,
    full_name: row.full_name,
    email_opted_in: row.email_opted_in === null ? null : flag(row.email_opted_in),
    hub_token: null,
    active: flag(row.active),
    activation_token: null,
    teams: null,
    roles: null,
    email: null,
  };
}

export async function presentUsers(q: Q, rows: readonly UserRow[], view: UserView): Promise<WireUser[]> {
  const ids = rows.map((r) => r.id);
  const [teams, assignments] = await Promise.all([teamsOfUsers(q, ids), directAssignmentsOfUsers(q, ids)]);
  const roleRows = await rolesByIds(
    q,
    assignments.map((a) => a.role_id),
  );
  const roles = new Map((await withPermissions(q, roleRows)).map((r) => [r.id, presentRole(r)]));
  return rows.map((row) => {
    const own: WireRole[] = [];
    const seen = new Set<string>();
    for (const a of assignments) {
      const role = roles.get(a.role_id);
      if (a.user_id === row.id && role && !seen.has(role.id)) {
        seen.add(role.id);
        own.push(role);
      }
    }
    return {
      ...presentNestedUser(row),
      teams: (teams.get(row.id) ?? []).map((t) => ({ ...base(t), name: t.name, users: [] })),
      roles: own,
      email: view.showEmail(row) ? row.email : null,
      // A Cohort extension after ZenML's fields: ZenML's clients accept extra fields.
      status: userStatus(row),
    };
  });
}

export async function presentUser(q: Q, row: UserRow, view: UserView): Promise<WireUser> {
  const [user] = await presentUsers(q, [row], view);
  if (!user) throw new Error("presentUsers lost a row");
  return user;
}
