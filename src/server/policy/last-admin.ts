/**
 * Rule 7 (SPEC §4): the system always keeps an active user holding read, write and me globally.
 * Services wrap any change that could remove such a user in `keepingAnAdmin`, inside the change's
 * transaction and under the access guard lock, so concurrent changes cannot both pass.
 */
import { sql } from "kysely";
import { Conflict } from "../errors.js";
import type { Q } from "../store/repos/users.js";

export async function countAdmins(q: Q): Promise<number> {
  const row = await sql<{ n: number }>`
    select count(*) as n from users u
    where u.active = 1 and (
      select count(distinct rp.permission)
      from role_assignment ra
      join role_permission rp on rp.role_id = ra.role_id
      where ra.scope = 'global'
        and rp.permission in ('read', 'write', 'me')
        and (ra.user_id = u.id or ra.team_id in (select tm.team_id from team_member tm where tm.user_id = u.id))
    ) = 3`.execute(q);
  return Number(row.rows[0]?.n ?? 0);
}

/**
 * Runs `change` and refuses it when it takes the number of active admins from one or more to
 * none. A store that has no active admin yet (a fresh local store whose `default` user never set
 * a password) is not made worse by a change, so that change is allowed. `couldRemoveAnAdmin`
 * false (e.g. no member leaves a team) skips the counting.
 */
export async function keepingAnAdmin<T>(q: Q, change: () => Promise<T>, couldRemoveAnAdmin = true): Promise<T> {
  if (!couldRemoveAnAdmin) return change();
  const before = await countAdmins(q);
  const result = await change();
  if (before > 0 && (await countAdmins(q)) === 0) {
    throw new Conflict(
      "This change would leave no active user with the read, write and me permissions globally; assign another admin first.",
      "IllegalOperationError",
    );
  }
  return result;
}
