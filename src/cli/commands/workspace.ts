/** `workspace …`: list, describe, create, update, delete, and `set` the active one (kept in the CLI config). */
import type { Command } from "commander";
import { path } from "../client.js";
import { updateConfig } from "../config-file.js";
import { DEFAULT_WORKSPACE, type CliContext } from "../context.js";
import { UsageError } from "../errors.js";
import { getWorkspace } from "../lookup.js";
import { addListOptions, addOutputOption, listQuery, outputFormat } from "../options.js";
import { POINTER, printOne, printPage, say, type Column } from "../output.js";
import type { WireWorkspace } from "../wire.js";

const WORKSPACE_FIELDS = ["name", "description"];

function workspaceColumns(active: string): Column<WireWorkspace>[] {
  return [
    { header: "ACTIVE", value: (w) => (w.name.toLowerCase() === active.toLowerCase() ? POINTER : "") },
    { header: "NAME", value: (w) => w.name },
    { header: "DESCRIPTION", value: (w) => w.description },
  ];
}

function setActive(ctx: CliContext, name: string): void {
  updateConfig(ctx.dir, { workspace: name });
  ctx.reload();
}

interface UpdateOptions {
  name?: string;
  description?: string;
}

async function update(ctx: CliContext, nameOrId: string, options: UpdateOptions): Promise<void> {
  if (options.name === undefined && options.description === undefined)
    throw new UsageError("Nothing to update: give --name or --description.");
  const client = await ctx.client();
  const before = await getWorkspace(client, nameOrId);
  const after = await client.put<WireWorkspace>(path`/workspaces/${before.id}`, { name: options.name, description: options.description });
  if (before.name.toLowerCase() === ctx.connection.workspace.toLowerCase()) setActive(ctx, after.name);
  say(`Updated workspace '${after.name}'.`);
}

async function remove(ctx: CliContext, nameOrId: string): Promise<void> {
  const client = await ctx.client();
  const workspace = await getWorkspace(client, nameOrId);
  await client.delete(path`/workspaces/${workspace.id}`);
  say(`Deleted workspace '${workspace.name}'.`);
  if (workspace.name.toLowerCase() === ctx.connection.workspace.toLowerCase()) {
    setActive(ctx, DEFAULT_WORKSPACE);
    say(`The active workspace is '${DEFAULT_WORKSPACE}' again.`);
  }
}

export function registerWorkspaceCommands(program: Command, ctx: CliContext): void {
  const workspace = program.command("workspace").description("Manage workspaces");
  addListOptions(workspace.command("list").description("List workspaces"), WORKSPACE_FIELDS).action(
    async (options: Record<string, unknown>) => {
      const page = await (await ctx.client()).list<WireWorkspace>("/workspaces", listQuery(options, WORKSPACE_FIELDS));
      await printPage(page, outputFormat(options), workspaceColumns(ctx.connection.workspace), "No workspaces found for the given filter.");
    },
  );
  addOutputOption(
    workspace.command("describe").description("Show a workspace (default: the active one)").argument("[name_or_id]", "the workspace"),
  ).action(async (name: string | undefined, options: { output?: string }) => {
    const found = await getWorkspace(await ctx.client(), name ?? ctx.connection.workspace);
    await printOne(found, outputFormat(options), workspaceColumns(ctx.connection.workspace));
  });
  workspace
    .command("create")
    .description("Create a workspace")
    .argument("<name>", "the new workspace's name")
    .option("-d, --description <text>", "what it is for", "")
    .action(async (name: string, options: { description: string }) => {
      const created = await (await ctx.client()).post<WireWorkspace>("/workspaces", { name, description: options.description });
      say(`Created workspace '${created.name}'.`);
    });
  workspace
    .command("update")
    .description("Rename a workspace or change its description")
    .argument("<name_or_id>", "the workspace")
    .option("-n, --name <name>", "new name")
    .option("-d, --description <text>", "new description")
    .action((name: string, options: UpdateOptions) => update(ctx, name, options));
  workspace
    .command("delete")
    .description("Delete a workspace and everything in it")
    .argument("<name_or_id>", "the workspace")
    .action((name: string) => remove(ctx, name));
  workspace
    .command("set")
    .description("Make a workspace the active one")
    .argument("<name_or_id>", "the workspace")
    .action(async (name: string) => {
      const found = await getWorkspace(await ctx.client(), name);
      setActive(ctx, found.name);
      say(`Set the active workspace to '${found.name}'.`);
    });
}
