/** `role assign`, `role revoke`, `role assignment list`: roles held by users and teams, globally or per workspace. */
import type { Command } from "commander";
import { path, type Client } from "../client.js";
import type { CliContext } from "../context.js";
import { CliError, UsageError } from "../errors.js";
import { getRole, getTeam, getUser, optionalWorkspace } from "../lookup.js";
import { addListOptions, listQuery, outputFormat, repeatable } from "../options.js";
import { printPage, say, type Column } from "../output.js";
import type { WireRole, WireTeamRoleAssignment, WireUserRoleAssignment, WireWorkspace } from "../wire.js";

/** What differs between assigning to a user and to a team. */
interface PrincipalKind {
  kind: "user" | "team";
  lookup(client: Client, nameOrId: string): Promise<{ id: string; name: string }>;
  collection: "/role_assignments" | "/team_role_assignments";
  filter: "user_id" | "team_id";
}

const PRINCIPALS: readonly PrincipalKind[] = [
  { kind: "user", lookup: getUser, collection: "/role_assignments", filter: "user_id" },
  { kind: "team", lookup: getTeam, collection: "/team_role_assignments", filter: "team_id" },
];
export const USER_PRINCIPAL = PRINCIPALS[0] as PrincipalKind;

interface Assignment {
  id: string;
  workspace: WireWorkspace | null;
}

const scopeText = (workspace: WireWorkspace | null) => (workspace ? ` in workspace '${workspace.name}'` : "");

/** Assigns a role and says so (also used by `user create`). */
export async function assignRole(
  client: Client,
  role: WireRole,
  principalKind: PrincipalKind,
  principal: { id: string; name: string },
  workspace: WireWorkspace | null,
): Promise<void> {
  await client.post(principalKind.collection, { [principalKind.kind]: principal.id, role: role.id, workspace: workspace?.id ?? null });
  say(`Assigned role '${role.name}' to ${principalKind.kind} '${principal.name}'${scopeText(workspace)}.`);
}

/**
 * Revokes exactly what `assign` with the same options made: the assignment in that workspace, or
 * the global one when no workspace is given (ZenML revoked every scope at once).
 */
async function revokeRole(
  client: Client,
  role: WireRole,
  principalKind: PrincipalKind,
  principal: { id: string; name: string },
  workspace: WireWorkspace | null,
): Promise<void> {
  const page = await client.list<Assignment>(principalKind.collection, {
    [principalKind.filter]: principal.id,
    role_id: role.id,
    workspace_id: workspace?.id,
    size: 10_000,
  });
  const matches = page.items.filter((a) => (a.workspace?.id ?? null) === (workspace?.id ?? null));
  if (matches.length === 0) {
    const scope = workspace ? `in workspace '${workspace.name}'` : "globally";
    throw new CliError(`Role '${role.name}' is not assigned to ${principalKind.kind} '${principal.name}' ${scope}.`);
  }
  for (const assignment of matches) await client.delete(principalKind.collection + path`/${assignment.id}`);
  say(`Revoked role '${role.name}' from ${principalKind.kind} '${principal.name}'${scopeText(workspace)}.`);
}

interface TargetOptions {
  user?: string[];
  team?: string[];
  workspace?: string;
}

type Change = typeof assignRole;

async function forEachPrincipal(ctx: CliContext, roleName: string, options: TargetOptions, change: Change): Promise<void> {
  if (!options.user?.length && !options.team?.length) throw new UsageError("Name at least one --user or --team.");
  const client = await ctx.client();
  const [role, workspace] = await Promise.all([getRole(client, roleName), optionalWorkspace(client, options.workspace)]);
  for (const principalKind of PRINCIPALS) {
    for (const name of options[principalKind.kind] ?? []) {
      await change(client, role, principalKind, await principalKind.lookup(client, name), workspace);
    }
  }
}

/** One list per principal kind: ZenML listed user assignments only; `--teams` lists the teams'. */
const ASSIGNMENT_LISTS = {
  user: {
    collection: "/role_assignments",
    fields: ["workspace_id", "user_id", "role_id"],
    columns: [
      { header: "WORKSPACE", value: (a) => a.workspace?.name },
      { header: "USER", value: (a) => a.user?.name },
      { header: "ROLE", value: (a) => a.role?.name },
    ] satisfies Column<WireUserRoleAssignment>[],
  },
  team: {
    collection: "/team_role_assignments",
    fields: ["workspace_id", "team_id", "role_id"],
    columns: [
      { header: "WORKSPACE", value: (a) => a.workspace?.name },
      { header: "TEAM", value: (a) => a.team?.name },
      { header: "ROLE", value: (a) => a.role?.name },
    ] satisfies Column<WireTeamRoleAssignment>[],
  },
};

function targetOptions(command: Command): Command {
  return command
    .argument("<role_name_or_id>", "the role")
    .option("--user <name>", "a user (repeatable)", repeatable)
    .option("--team <name>", "a team (repeatable)", repeatable)
    .option("--workspace <name>", "only in this workspace (default: globally)");
}

export function registerRoleAssignmentCommands(role: Command, ctx: CliContext): void {
  targetOptions(role.command("assign").description("Give users or teams a role, globally or in one workspace")).action(
    (name: string, options: TargetOptions) => forEachPrincipal(ctx, name, options, assignRole),
  );
  targetOptions(role.command("revoke").description("Take a role away from users or teams")).action((name: string, options: TargetOptions) =>
    forEachPrincipal(ctx, name, options, revokeRole),
  );
  const assignment = role.command("assignment").description("Role assignments");
  const list = assignment
    .command("list")
    .description("List the roles assigned to users (or, with --teams, to teams)")
    .option("--teams", "list the roles assigned to teams instead");
  addListOptions(list, [...new Set([...ASSIGNMENT_LISTS.user.fields, ...ASSIGNMENT_LISTS.team.fields])]).action(
    async (options: Record<string, unknown>) => {
      const kind = PRINCIPALS[options.teams ? 1 : 0] ?? USER_PRINCIPAL;
      const { fields, columns } = ASSIGNMENT_LISTS[kind.kind];
      const page = await (
        await ctx.client()
      ).list<WireUserRoleAssignment & WireTeamRoleAssignment>(kind.collection, listQuery(options, fields));
      await printPage(page, outputFormat(options), columns, "No roles assignments found for the given filters.");
    },
  );
}
