/** `team …`: create, list, describe, update (rename, add and remove members), delete (SPEC §7, ZenML §10.2). */
import type { Command } from "commander";
import { path, type Client } from "../client.js";
import type { CliContext } from "../context.js";
import { checkListEdit, editedList } from "../list-edit.js";
import { getTeam, getUser } from "../lookup.js";
import { addListOptions, addOutputOption, listQuery, outputFormat, repeatable } from "../options.js";
import { names, printOne, printPage, say, type Column } from "../output.js";
import type { WireTeam } from "../wire.js";

const TEAM_FIELDS = ["name"];

const TEAM_LIST_COLUMNS: Column<WireTeam>[] = [
  { header: "NAME", value: (t) => t.name },
  { header: "USERS", value: (t) => names(t.users) },
];
const TEAM_COLUMNS: Column<WireTeam>[] = [{ header: "ID", value: (t) => t.id }, ...TEAM_LIST_COLUMNS];

/** The ids of the users named, resolved before anything changes so a typo changes nothing. */
const userIds = (client: Client, namesOrIds: readonly string[]) => Promise.all(namesOrIds.map(async (u) => (await getUser(client, u)).id));

interface UpdateOptions {
  name?: string;
  addUser?: string[];
  removeUser?: string[];
}

async function update(ctx: CliContext, nameOrId: string, options: UpdateOptions): Promise<void> {
  const add = options.addUser ?? [];
  const remove = options.removeUser ?? [];
  checkListEdit({
    add,
    remove,
    what: "user",
    other: options.name !== undefined,
    nothing: "Nothing to update: give --name, --add-user or --remove-user.",
  });
  const client = await ctx.client();
  const [team, added, removed] = await Promise.all([getTeam(client, nameOrId), userIds(client, add), userIds(client, remove)]);
  const users = editedList(
    team.users.map((u) => u.id),
    added,
    removed,
  );
  const updated = await client.put<WireTeam>(path`/teams/${team.id}`, { name: options.name, users });
  say(`Updated team '${updated.name}'.`);
}

export function registerTeamCommands(program: Command, ctx: CliContext): void {
  const team = program.command("team").description("Manage teams (roles assigned to a team apply to its members)");
  team
    .command("create")
    .description("Create a team")
    .argument("<name>", "the new team's name")
    .option("-u, --user <name>", "a member (repeatable)", repeatable)
    .action(async (name: string, options: { user?: string[] }) => {
      const client = await ctx.client();
      const created = await client.post<WireTeam>("/teams", { name, users: await userIds(client, options.user ?? []) });
      say(`Created team '${created.name}'.`);
    });
  addListOptions(team.command("list").description("List teams"), TEAM_FIELDS).action(async (options: Record<string, unknown>) => {
    const page = await (await ctx.client()).list<WireTeam>("/teams", listQuery(options, TEAM_FIELDS));
    await printPage(page, outputFormat(options), TEAM_LIST_COLUMNS, "No teams found with the given filter.");
  });
  addOutputOption(team.command("describe").description("Show a team and its members").argument("<name_or_id>", "the team")).action(
    async (name: string, options: { output?: string }) => {
      await printOne(await getTeam(await ctx.client(), name), outputFormat(options), TEAM_COLUMNS);
    },
  );
  team
    .command("update")
    .description("Rename a team or change its members")
    .argument("<name_or_id>", "the team")
    .option("-n, --name <name>", "new name")
    .option("-a, --add-user <name>", "a user to add (repeatable)", repeatable)
    .option("-r, --remove-user <name>", "a user to remove (repeatable)", repeatable)
    .action((name: string, options: UpdateOptions) => update(ctx, name, options));
  team
    .command("delete")
    .description("Delete a team (its members keep their own roles)")
    .argument("<name_or_id>", "the team")
    .action(async (name: string) => {
      const client = await ctx.client();
      const found = await getTeam(client, name);
      await client.delete(path`/teams/${found.id}`);
      say(`Deleted team '${found.name}'.`);
    });
}
