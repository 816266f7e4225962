/** Users on the wire: top-level users carry their teams and direct roles; nested ones do not. */
import type { UserStatus } from "../../core/abilities.js";
import { flag } from "../store/dialect.js";
import { relationsOfUsers } from "../store/repos/user-relations.js";
import type { Q, UserRow } from "../store/repos/users.js";
import { presentRole } from "./roles.js";
import type { WireUser } from "./wire.js";

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

/**
 * A user nested in another object: no teams, roles or email, as ZenML nests them. Written out as
 * one literal: in V8 a spread followed by more properties (`{ ...base(row), name }`) takes a slow
 * path, about 10 µs an object, a third of a 50-user page's whole cost (docs/performance.md).
 */
export function presentNestedUser(row: UserRow): WireUser {
  return {
    id: row.id,
    created: row.created,
    updated: row.updated,
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

/** A page of users with their teams and direct roles: one query, whatever the page size. */
export async function presentUsers(q: Q, rows: readonly UserRow[], view: UserView): Promise<WireUser[]> {
  const { teams, roles } = await relationsOfUsers(
    q,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    // Filled in place rather than spread into a new literal (see presentNestedUser).
    const user = presentNestedUser(row);
    user.teams = (teams.get(row.id) ?? []).map((t) => ({ id: t.id, created: t.created, updated: t.updated, name: t.name, users: [] }));
    user.roles = (roles.get(row.id) ?? []).map(presentRole);
    user.email = view.showEmail(row) ? row.email : null;
    // A Cohort extension after ZenML's fields: ZenML's clients accept extra fields.
    user.status = userStatus(row);
    return user;
  });
}

export async function presentUser(q: Q, row: UserRow, view: UserView): Promise<WireUser> {
  const [user] = await presentUsers(q, [row], view);
  if (!user) throw new Error("presentUsers lost a row");
  return user;
}
