/** `role …`: list, create, update, delete (SPEC §7, ZenML §10.3). Assignments are in role-assignment.ts. */
import type { Command } from "commander";
import { PERMISSIONS } from "../../core/permissions.js";
import { path } from "../client.js";
import type { CliContext } from "../context.js";
import { checkListEdit, editedList } from "../list-edit.js";
import { getRole } from "../lookup.js";
import { addListOptions, choiceList, listQuery, outputFormat } from "../options.js";
import { printPage, say, type Column } from "../output.js";
import type { WireRole } from "../wire.js";
import { registerRoleAssignmentCommands } from "./role-assignment.js";

const ROLE_FIELDS = ["name"];
const permissionList = choiceList(PERMISSIONS);

const ROLE_COLUMNS: Column<WireRole>[] = [
  { header: "ID", value: (r) => r.id },
  { header: "NAME", value: (r) => r.name },
  { header: "PERMISSIONS", value: (r) => r.permissions },
];

interface UpdateOptions {
  name?: string;
  addPermission?: string[];
  removePermission?: string[];
}

async function update(ctx: CliContext, nameOrId: string, options: UpdateOptions): Promise<void> {
  const add = options.addPermission ?? [];
  const remove = options.removePermission ?? [];
  checkListEdit({
    add,
    remove,
    what: "permission",
    other: options.name !== undefined,
    nothing: "Nothing to update: give --name, --add-permission or --remove-permission.",
  });
  const client = await ctx.client();
  const role = await getRole(client, nameOrId);
  const permissions = editedList<string>(role.permissions, add, remove);
  const updated = await client.put<WireRole>(path`/roles/${role.id}`, { name: options.name, permissions });
  say(`Updated role '${updated.name}'.`);
}

export function registerRoleCommands(program: Command, ctx: CliContext): void {
  const role = program.command("role").description("Manage roles and who holds them");
  addListOptions(role.command("list").description("List roles"), ROLE_FIELDS).action(async (options: Record<string, unknown>) => {
    const page = await (await ctx.client()).list<WireRole>("/roles", listQuery(options, ROLE_FIELDS));
    await printPage(page, outputFormat(options), ROLE_COLUMNS, "No roles found for the given filters.");
  });
  role
    .command("create")
    .description("Create a role")
    .argument("<name>", "the new role's name")
    .option("-p, --permissions <permission>", `a permission it grants: ${PERMISSIONS.join(", ")} (repeatable)`, permissionList)
    .action(async (name: string, options: { permissions?: string[] }) => {
      const created = await (await ctx.client()).post<WireRole>("/roles", { name, permissions: [...new Set(options.permissions ?? [])] });
      say(`Created role '${created.name}'.`);
    });
  role
    .command("update")
    .description("Rename a role or change its permissions")
    .argument("<name_or_id>", "the role")
    .option("-n, --name <name>", "new name")
    .option("-a, --add-permission <permission>", "a permission to add (repeatable)", permissionList)
    .option("-r, --remove-permission <permission>", "a permission to remove (repeatable)", permissionList)
    .action((name: string, options: UpdateOptions) => update(ctx, name, options));
  role
    .command("delete")
    .description("Delete a role that nobody holds")
    .argument("<name_or_id>", "the role")
    .action(async (name: string) => {
      await (await ctx.client()).delete(path`/roles/${name}`);
      say(`Deleted role '${name}'.`);
    });
  registerRoleAssignmentCommands(role, ctx);
}
