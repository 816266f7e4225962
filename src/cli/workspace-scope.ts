/**
 * What stack, component and pipeline commands work in: the active workspace, and the CLI's own
 * user, who owns what it registers and whose resources win a name clash with others' shared ones.
 */
import type { Client } from "./client.js";
import type { CliContext } from "./context.js";
import { getWorkspace } from "./lookup.js";
import type { WireUser, WireWorkspace } from "./wire.js";

export interface Scope {
  client: Client;
  me: WireUser;
  workspace: WireWorkspace;
}

export async function openScope(ctx: CliContext): Promise<Scope> {
  const client = await ctx.client();
  const [me, workspace] = await Promise.all([client.get<WireUser>("/current-user"), getWorkspace(client, ctx.connection.workspace)]);
  return { client, me, workspace };
}
