/**
 * Rows for the store suites, with every column filled the way services fill them (ids, stamps,
 * lower-cased `*_key` twins). Override what the test is about.
 */
import type { ShownWhere } from "../../src/server/store/list-query.js";
import type { RoleRow } from "../../src/server/store/repos/roles.js";
import type { TeamRow } from "../../src/server/store/repos/teams.js";
import type { UserRow } from "../../src/server/store/repos/users.js";
import type { WorkspaceRow } from "../../src/server/store/repos/workspaces.js";
import { newId } from "../../src/server/store/repos/ids.js";
import { now } from "../../src/server/store/time.js";

/** Users listed as a holder of `write` lists them, every email read (SPEC §4 rule 10). */
export const EMAILS_SHOWN: { email: ShownWhere } = { email: (eb) => eb.lit(true) };

function named(name: string) {
  const stamp = now();
  return { id: newId(), created: stamp, updated: stamp, name, name_key: name.toLowerCase() };
}

export function userRow(fields: Partial<UserRow> & { name: string }): UserRow {
  const email = fields.email ?? null;
  return {
    ...named(fields.name),
    full_name: "",
    email,
    email_key: email?.toLowerCase() ?? null,
    email_opted_in: null,
    active: 1,
    password_hash: null,
    activation_digest: null,
    activation_expires: null,
    ...fields,
  };
}

export function roleRow(name: string): RoleRow {
  return { ...named(name), builtin: 0 };
}

export function teamRow(name: string): TeamRow {
  return named(name);
}

export function workspaceRow(name: string): WorkspaceRow {
  return { ...named(name), description: "" };
}
