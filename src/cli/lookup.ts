/**
 * Names to objects. Role assignment bodies take UUIDs, so commands resolve the names the user
 * typed first (a UUID works too: the server resolves `{name_or_id}` either way).
 */
import { path, type Client } from "./client.js";
import type { WireRole, WireTeam, WireUser, WireWorkspace } from "./wire.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether what the user typed is an id (routes that take ids only need names looked up first). */
export const isId = (nameOrId: string) => UUID.test(nameOrId);

export const getUser = (client: Client, nameOrId: string) => client.get<WireUser>(path`/users/${nameOrId}`);
export const getRole = (client: Client, nameOrId: string) => client.get<WireRole>(path`/roles/${nameOrId}`);
export const getTeam = (client: Client, nameOrId: string) => client.get<WireTeam>(path`/teams/${nameOrId}`);
export const getWorkspace = (client: Client, nameOrId: string) => client.get<WireWorkspace>(path`/workspaces/${nameOrId}`);

/** The workspace named by `--workspace`, or null (a global assignment) when none was given. */
export async function optionalWorkspace(client: Client, nameOrId: string | undefined): Promise<WireWorkspace | null> {
  return nameOrId === undefined ? null : getWorkspace(client, nameOrId);
}
