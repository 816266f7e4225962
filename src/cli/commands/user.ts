/** `user …`: list, describe, create (invite), update, delete, deactivate, unlock, change-password (SPEC §7, ZenML §10.1). */
import type { Command } from "commander";
import { SIGNUP_LINK_HEADER } from "../../core/signup-link.js";
import { path, type Client } from "../client.js";
import type { CliContext } from "../context.js";
import { UsageError } from "../errors.js";
import { getRole, getUser } from "../lookup.js";
import { addListOptions, addOutputOption, listQuery, outputFormat, repeatable } from "../options.js";
import { names, POINTER, printOne, printPage, say, type Column, type Format } from "../output.js";
import { ask, nextStdinLine } from "../prompts.js";
import type { WireUser } from "../wire.js";
import { assignRole, USER_PRINCIPAL } from "./role-assignment.js";

const USER_FIELDS = ["name", "full_name", "email", "active", "email_opted_in"];
/** ZenML's `user create` gives new users the admin role unless told otherwise. */
const DEFAULT_ROLE = "admin";

/** ZenML's user table; CURRENT marks the CLI's own user (the model already has an ACTIVE). */
function userColumns(currentId: string | undefined): Column<WireUser>[] {
  return [
    { header: "CURRENT", value: (u) => (u.id === currentId ? POINTER : "") },
    { header: "ID", value: (u) => u.id },
    { header: "NAME", value: (u) => u.name },
    { header: "FULL_NAME", value: (u) => u.full_name },
    { header: "ACTIVE", value: (u) => u.active },
    { header: "TEAMS", value: (u) => names(u.teams) },
    { header: "ROLES", value: (u) => names(u.roles) },
  ];
}

const currentUser = (client: Client) => client.get<WireUser>("/current-user");

/**
 * Prints the sign-up link the server sent beside a fresh activation token, the one time there is
 * one. The server makes it: only it knows its public address (COHORT_BASE_URL).
 */
function printSignupLink(headers: Readonly<Record<string, string>>, intro: string): void {
  const link = headers[SIGNUP_LINK_HEADER];
  if (!link) return;
  say(intro);
  say(link);
}

async function list(ctx: CliContext, options: Record<string, unknown>): Promise<void> {
  const client = await ctx.client();
  const format = outputFormat(options);
  const [page, me] = await Promise.all([
    client.list<WireUser>("/users", listQuery(options, USER_FIELDS)),
    format === "table" ? currentUser(client) : undefined,
  ]);
  await printPage(page, format, userColumns(me?.id), "No users found for the given filters.");
}

async function describe(ctx: CliContext, name: string | undefined, format: Format): Promise<void> {
  const client = await ctx.client();
  const [me, user] = await Promise.all([currentUser(client), name === undefined ? undefined : getUser(client, name)]);
  await printOne(user ?? me, format, userColumns(me.id));
}

interface CreateOptions {
  password?: string;
  passwordStdin?: boolean;
  role?: string[];
}

async function create(ctx: CliContext, name: string, options: CreateOptions): Promise<void> {
  if (options.password !== undefined && options.passwordStdin) throw new UsageError("Give --password or --password-stdin, not both.");
  const password = options.passwordStdin ? await nextStdinLine("password") : options.password;
  const client = await ctx.client();
  // Resolve the roles first, so a mistyped one does not leave a user without roles behind.
  const roles = await Promise.all((options.role ?? [DEFAULT_ROLE]).map((r) => getRole(client, r)));
  const { body: user, headers } = await client.exchange<WireUser>("POST", "/users", { json: { name, password: password ?? null } });
  say(`Created user '${user.name}'.`);
  printSignupLink(
    headers,
    "The created user account is currently inactive. You can activate it by visiting the dashboard at the following URL:",
  );
  for (const role of roles) await assignRole(client, role, USER_PRINCIPAL, user, null);
}

interface UpdateOptions {
  name?: string;
  full_name?: string;
  email?: string;
}

async function update(ctx: CliContext, nameOrId: string, options: UpdateOptions): Promise<void> {
  const body = { name: options.name, full_name: options.full_name, email: options.email };
  if (Object.values(body).every((v) => v === undefined)) throw new UsageError("Nothing to update: give --name, --full_name or --email.");
  const client = await ctx.client();
  const user = await client.put<WireUser>(path`/users/${nameOrId}`, body);
  say(`Updated user '${user.name}'.`);
}

async function remove(ctx: CliContext, nameOrId: string, options: { transferTo?: string }): Promise<void> {
  const client = await ctx.client();
  await client.delete(path`/users/${nameOrId}`, { transfer_to: options.transferTo });
  say(`Deleted user '${nameOrId}'.`);
}

async function deactivate(ctx: CliContext, nameOrId: string): Promise<void> {
  const client = await ctx.client();
  const { body: user, headers } = await client.exchange<WireUser>("PUT", path`/users/${nameOrId}/deactivate`);
  say(`Deactivated user '${user.name}': their sessions have ended.`);
  printSignupLink(headers, "They can set a new password and activate the account again by visiting the dashboard at the following URL:");
}

async function unlock(ctx: CliContext, nameOrId: string): Promise<void> {
  const user = await (await ctx.client()).put<WireUser>(path`/users/${nameOrId}/unlock`);
  say(`Unlocked user '${user.name}': failed logins no longer keep them out.`);
}

interface ChangePasswordOptions {
  oldPassword?: string;
  newPassword?: string;
  passwordStdin?: boolean;
}

/** The new password: from a flag, the next stdin line, or typed twice at a prompt. */
async function newPassword(options: ChangePasswordOptions): Promise<string> {
  if (options.newPassword !== undefined) return options.newPassword;
  if (options.passwordStdin) return nextStdinLine("new password");
  const flag = "--new-password or --password-stdin";
  const first = await ask({ message: "New password", flag, secret: true });
  const again = await ask({ message: "New password again", flag, secret: true });
  if (first !== again) throw new UsageError("The two new passwords differ.");
  return first;
}

async function changePassword(ctx: CliContext, options: ChangePasswordOptions): Promise<void> {
  const oldPassword =
    options.oldPassword ??
    (options.passwordStdin
      ? await nextStdinLine("current password")
      : await ask({ message: "Current password", flag: "--old-password or --password-stdin", secret: true }));
  const password = await newPassword(options);
  const client = await ctx.client();
  const user = await client.put<WireUser>("/current-user", { password, old_password: oldPassword });
  say(`Changed the password of user '${user.name}'. Its other sessions have ended.`);
}

export function registerUserCommands(program: Command, ctx: CliContext): void {
  const user = program.command("user").description("Manage users");
  addListOptions(user.command("list").description("List users"), USER_FIELDS).action((options: Record<string, unknown>) =>
    list(ctx, options),
  );
  addOutputOption(user.command("describe").description("Show a user (default: yourself)").argument("[name_or_id]", "the user")).action(
    (name: string | undefined, options: { output?: string }) => describe(ctx, name, outputFormat(options)),
  );
  user
    .command("create")
    .description("Create a user; without a password, print a sign-up link for them")
    .argument("<name>", "the new user's name")
    .option("--password <password>", "make the user active with this password instead of inviting them")
    .option("--password-stdin", "read that password from the first line of standard input")
    .option("-r, --role <role>", `role to assign globally (repeatable; default ${DEFAULT_ROLE})`, repeatable)
    .action((name: string, options: CreateOptions) => create(ctx, name, options));
  user
    .command("update")
    .description("Change a user's name, full name or email")
    .argument("<name_or_id>", "the user")
    .option("-n, --name <name>", "new name")
    .option("-f, --full_name <full_name>", "new full name")
    .option("-e, --email <email>", "new email address")
    .action((name: string, options: UpdateOptions) => update(ctx, name, options));
  user
    .command("delete")
    .description("Delete a user; their resources go to you or to --transfer-to")
    .argument("<name_or_id>", "the user")
    .option("--transfer-to <user>", "who receives the deleted user's resources")
    .action((name: string, options: { transferTo?: string }) => remove(ctx, name, options));
  user
    .command("deactivate")
    .description("End a user's access and print a new sign-up link (an admin's password reset)")
    .argument("<name_or_id>", "the user")
    .action((name: string) => deactivate(ctx, name));
  user
    .command("unlock")
    .description("Let a user locked out by failed logins log in again at once")
    .argument("<name_or_id>", "the user")
    .action((name: string) => unlock(ctx, name));
  user
    .command("change-password")
    .description("Change your own password (prompts for what is not given)")
    .option("--old-password <password>", "your current password")
    .option("--new-password <password>", "the new password")
    .option("--password-stdin", "read the passwords from standard input: the current one, then the new one, one per line")
    .action((options: ChangePasswordOptions) => changePassword(ctx, options));
}
