/**
 * `stack …`: register, list, describe, set, get, update, rename, copy, share [-r], unshare, delete
 * (SPEC §7, ZenML 0.40's `zenml stack`), in the active workspace.
 */
import { Option, type Command } from "commander";
import { COMPONENT_TYPES, REQUIRED_COMPONENT_TYPES } from "../../core/stack-components.js";
import { activeStack, setActiveStack } from "../active-stack.js";
import { path } from "../client.js";
import { COMPONENT_KINDS } from "../component-kinds.js";
import type { CliContext } from "../context.js";
import { UsageError } from "../errors.js";
import { addListOptions, addOutputOption, listQuery, outputFormat } from "../options.js";
import { POINTER, printOne, printPage, printTable, say, sharedMark, type Column, type Format } from "../output.js";
import { confirm } from "../prompts.js";
import { findShareable, STACK_KIND } from "../shareable-lookup.js";
import { updateShareable } from "../shareable-update.js";
import { openScope, type Scope } from "../workspace-scope.js";
import type { WireComponent, WireStack } from "../wire.js";

const STACK_FIELDS = ["name", "description", "is_shared", "user_id", "component_id"];

/** ZenML's stack table: then one column per component type the listed stacks hold. */
function stackColumns(activeId: string | undefined, stacks: readonly WireStack[]): Column<WireStack>[] {
  const types = COMPONENT_TYPES.filter((type) => stacks.some((s) => s.components[type]?.length));
  return [
    { header: "ACTIVE", value: (s) => (s.id === activeId ? POINTER : "") },
    { header: "STACK NAME", value: (s) => s.name },
    { header: "STACK ID", value: (s) => s.id },
    { header: "SHARED", value: (s) => sharedMark(s.is_shared) },
    { header: "OWNER", value: (s) => s.user?.name },
    ...types.map((type) => ({ header: type.toUpperCase(), value: (s: WireStack) => s.components[type]?.[0]?.name })),
  ];
}

const stacksOf = (scope: Scope) => `/workspaces` + path`/${scope.workspace.id}` + `/stacks`;
const findStack = (scope: Scope, nameOrId: string) => findShareable<WireStack>(scope, STACK_KIND, nameOrId);

async function list(ctx: CliContext, options: Record<string, unknown>): Promise<void> {
  const scope = await openScope(ctx);
  const format = outputFormat(options);
  const [page, active] = await Promise.all([
    scope.client.list<WireStack>(stacksOf(scope), listQuery(options, STACK_FIELDS)),
    format === "table" ? activeStack(ctx, scope) : undefined,
  ]);
  await printPage(page, format, stackColumns(active?.id, page.items), "No stacks found for the given filters.");
}

async function describe(ctx: CliContext, nameOrId: string | undefined, format: Format): Promise<void> {
  const scope = await openScope(ctx);
  const active = await activeStack(ctx, scope);
  const stack = nameOrId === undefined ? active : await findStack(scope, nameOrId);
  if (format !== "table") return printOne(stack, format, []);
  say(`Stack '${stack.name}'${stack.id === active.id ? " (ACTIVE)" : ""}:`);
  const rows = COMPONENT_TYPES.flatMap((type) => (stack.components[type] ?? []).map((c) => [type.toUpperCase(), c.name]));
  await printTable(["COMPONENT_TYPE", "COMPONENT_NAME"], rows);
  say(
    `Stack '${stack.name}' with id '${stack.id}' is ${stack.user ? `owned by user ${stack.user.name} and is ` : "unowned and is "}'${stack.is_shared ? "shared" : "private"}'.`,
  );
}

/** The components named by the component options (`-o`, `-a`, …), as the stack body lists them. */
async function chosenComponents(scope: Scope, options: Record<string, unknown>): Promise<Record<string, string[]>> {
  const chosen = await Promise.all(
    COMPONENT_KINDS.map(async (kind) => {
      const nameOrId = options[optionKey(kind.stackFlags)];
      return typeof nameOrId === "string" ? [[kind.type, [(await findShareable<WireComponent>(scope, kind, nameOrId)).id]]] : [];
    }),
  );
  return Object.fromEntries(chosen.flat());
}

/** The key commander stores an option under (`-a, --artifact-store <x>` → `artifactStore`). */
function optionKey(flags: string): string {
  return new Option(flags).attributeName();
}

/** A stack may go without these; the orchestrator and artifact store stay. */
const OPTIONAL_KINDS = COMPONENT_KINDS.filter((kind) => !REQUIRED_COMPONENT_TYPES.includes(kind.type));

function addComponentOptions(command: Command, required: boolean): Command {
  for (const kind of COMPONENT_KINDS) {
    const option = new Option(kind.stackFlags, `the ${kind.label}`);
    command.addOption(required && REQUIRED_COMPONENT_TYPES.includes(kind.type) ? option.makeOptionMandatory() : option);
  }
  return command;
}

/** A stack's components as a request body lists them: `{type: [id]}`. */
function componentIds(stack: WireStack): Record<string, string[]> {
  return Object.fromEntries(Object.entries(stack.components).map(([type, items]) => [type, items.map((c) => c.id)]));
}

function createStack(
  scope: Scope,
  fields: { name: string; share?: boolean; description?: string; components: Record<string, string[]> },
): Promise<WireStack> {
  return scope.client.post<WireStack>(stacksOf(scope), {
    user: scope.me.id,
    workspace: scope.workspace.id,
    is_shared: Boolean(fields.share),
    name: fields.name,
    description: fields.description ?? "",
    components: fields.components,
  });
}

interface RegisterOptions extends Record<string, unknown> {
  share?: boolean;
  set?: boolean;
  description?: string;
}

async function register(ctx: CliContext, name: string, options: RegisterOptions): Promise<void> {
  const scope = await openScope(ctx);
  const components = await chosenComponents(scope, options);
  const stack = await createStack(scope, { name, share: options.share, description: options.description, components });
  say(`Stack '${stack.name}' successfully registered!`);
  if (options.set) activate(ctx, scope, stack);
}

function activate(ctx: CliContext, scope: Scope, stack: WireStack): void {
  setActiveStack(ctx, scope, stack.id);
  say(`Active stack set to: '${stack.name}'`);
}

async function update(ctx: CliContext, nameOrId: string, options: Record<string, unknown>): Promise<void> {
  const scope = await openScope(ctx);
  const [stack, chosen] = await Promise.all([findStack(scope, nameOrId), chosenComponents(scope, options)]);
  if (Object.keys(chosen).length === 0)
    throw new UsageError("Nothing to update: name a component to put in the stack, e.g. -o ORCHESTRATOR.");
  await updateShareable(scope, STACK_KIND, stack, { components: { ...componentIds(stack), ...chosen } });
  say(`Stack \`${stack.name}\` successfully updated!`);
}

/** `remove-component`: the optional components flagged (`-c`, `-e`, …) come out of the stack. */
async function removeComponents(ctx: CliContext, nameOrId: string, options: Record<string, unknown>): Promise<void> {
  const removed = OPTIONAL_KINDS.filter((kind) => options[optionKey(kind.stackFlags)] === true).map((kind) => kind.type);
  if (removed.length === 0) throw new UsageError("Nothing to remove: flag the components to take out, e.g. -c for the container registry.");
  const scope = await openScope(ctx);
  const stack = await findStack(scope, nameOrId);
  const kept = Object.entries(componentIds(stack)).filter(([type]) => !(removed as string[]).includes(type));
  await updateShareable(scope, STACK_KIND, stack, { components: Object.fromEntries(kept) });
  say(`Stack \`${stack.name}\` successfully updated!`);
}

async function share(ctx: CliContext, nameOrId: string, options: { recursive?: boolean }): Promise<void> {
  const scope = await openScope(ctx);
  const stack = await findStack(scope, nameOrId);
  if (options.recursive) {
    for (const kind of COMPONENT_KINDS) {
      for (const component of (stack.components[kind.type] ?? []).filter((c) => !c.is_shared)) {
        await updateShareable(scope, kind, component, { is_shared: true });
        say(`Successfully shared ${kind.label} \`${component.name}\`.`);
      }
    }
  }
  await updateShareable(scope, STACK_KIND, stack, { is_shared: true });
  say(`Stack \`${stack.name}\` successfully shared!`);
}

async function remove(ctx: CliContext, nameOrId: string, options: { yes?: boolean }): Promise<void> {
  const scope = await openScope(ctx);
  const [stack, active] = await Promise.all([findStack(scope, nameOrId), activeStack(ctx, scope)]);
  if (!options.yes && !(await confirm(`Are you sure you want to delete stack '${stack.name}'?`, "-y"))) return;
  await scope.client.delete(path`/stacks/${stack.id}`);
  say(`Deleted stack '${stack.name}'.`);
  if (stack.id === active.id) {
    setActiveStack(ctx, scope, undefined);
    say("The active stack is your 'default' stack again.");
  }
}

async function copy(ctx: CliContext, source: string, target: string, options: { share?: boolean }): Promise<void> {
  const scope = await openScope(ctx);
  const stack = await findStack(scope, source);
  await createStack(scope, { name: target, share: options.share, description: stack.description, components: componentIds(stack) });
  say(`Stack \`${stack.name}\` successfully copied to \`${target}\`!`);
}

export function registerStackCommands(program: Command, ctx: CliContext): void {
  const stack = program.command("stack").description("Manage stacks (in the active workspace)");
  addComponentOptions(
    stack.command("register").description("Register a stack from components").argument("<name>", "the new stack's name"),
    true,
  )
    .option("--description <text>", "what the stack is for")
    .option("--share", "share it with everyone who can read the workspace (its components must be shared)")
    .option("--set", "make it the active stack")
    .action((name: string, options: RegisterOptions) => register(ctx, name, options));
  addListOptions(stack.command("list").description("List the stacks you can see"), STACK_FIELDS).action(
    (options: Record<string, unknown>) => list(ctx, options),
  );
  addOutputOption(
    stack.command("describe").description("Show a stack (default: the active one)").argument("[name_or_id]", "the stack"),
  ).action((name: string | undefined, options: { output?: string }) => describe(ctx, name, outputFormat(options)));
  stack
    .command("set")
    .description("Make a stack the active one in this workspace")
    .argument("<name_or_id>", "the stack")
    .action(async (name: string) => {
      const scope = await openScope(ctx);
      activate(ctx, scope, await findStack(scope, name));
    });
  stack
    .command("get")
    .description("Show the name of the active stack")
    .action(async () => say(`The active stack is: '${(await activeStack(ctx, await openScope(ctx))).name}'`));
  addComponentOptions(
    stack.command("update").description("Put other components in a stack").argument("<name_or_id>", "the stack"),
    false,
  ).action((name: string, options: Record<string, unknown>) => update(ctx, name, options));
  const removal = stack
    .command("remove-component")
    .description("Take optional components out of a stack")
    .argument("<name_or_id>", "the stack");
  // The same flags as register and update, without their values: `-c` takes out the container registry.
  for (const kind of OPTIONAL_KINDS) removal.option(kind.stackFlags.replace(/ <.*$/, ""), `take out the ${kind.label}`);
  removal.action((name: string, options: Record<string, unknown>) => removeComponents(ctx, name, options));
  stack
    .command("rename")
    .description("Rename a stack")
    .argument("<name_or_id>", "the stack")
    .argument("<new_name>", "its new name")
    .action(async (name: string, newName: string) => {
      const scope = await openScope(ctx);
      const renamed = await updateShareable(scope, STACK_KIND, await findStack(scope, name), { name: newName });
      say(`Stack \`${name}\` successfully renamed to \`${renamed.name}\`!`);
    });
  stack
    .command("copy")
    .description("Register a new stack with the components of another")
    .argument("<source>", "the stack to copy")
    .argument("<target>", "the new stack's name")
    .option("--share", "share the copy")
    .action((source: string, target: string, options: { share?: boolean }) => copy(ctx, source, target, options));
  stack
    .command("share")
    .description("Share a stack with everyone who can read the workspace")
    .argument("<name_or_id>", "the stack")
    .option("-r, --recursive", "share its private components first")
    .action((name: string, options: { recursive?: boolean }) => share(ctx, name, options));
  stack
    .command("unshare")
    .description("Make a shared stack private again")
    .argument("<name_or_id>", "the stack")
    .action(async (name: string) => {
      const scope = await openScope(ctx);
      const unshared = await updateShareable(scope, STACK_KIND, await findStack(scope, name), { is_shared: false });
      say(`Stack \`${unshared.name}\` successfully unshared!`);
    });
  stack
    .command("delete")
    .description("Delete a stack (its components stay)")
    .argument("<name_or_id>", "the stack")
    .option("-y, --yes", "do not ask for confirmation")
    .action((name: string, options: { yes?: boolean }) => remove(ctx, name, options));
}
