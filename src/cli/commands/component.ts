/**
 * `<component-type> …` for every component type the server knows (`orchestrator`,
 * `artifact-store`, …): register, list, describe, update, rename, share, unshare, delete and
 * `flavor list` (SPEC §7, ZenML 0.40's stack component commands), generated from one definition.
 */
import type { Command } from "commander";
import { activeStack } from "../active-stack.js";
import { path } from "../client.js";
import { parseConfiguration } from "../component-config.js";
import { COMPONENT_KINDS, type ComponentKind } from "../component-kinds.js";
import type { CliContext } from "../context.js";
import { CliError, UsageError } from "../errors.js";
import { addListOptions, addOutputOption, listQuery, outputFormat } from "../options.js";
import { POINTER, printOne, printPage, printTable, say, sharedMark, type Column, type Format } from "../output.js";
import { findShareable } from "../shareable-lookup.js";
import { updateShareable } from "../shareable-update.js";
import { openScope, type Scope } from "../workspace-scope.js";
import type { WireComponent, WireFlavor } from "../wire.js";

const COMPONENT_FIELDS = ["name", "flavor", "is_shared", "user_id"];
const FLAVOR_FIELDS = ["name", "integration"];

function componentColumns(activeId: string | undefined): Column<WireComponent>[] {
  return [
    { header: "ACTIVE", value: (c) => (c.id === activeId ? POINTER : "") },
    { header: "NAME", value: (c) => c.name },
    { header: "COMPONENT ID", value: (c) => c.id },
    { header: "FLAVOR", value: (c) => c.flavor },
    { header: "SHARED", value: (c) => sharedMark(c.is_shared) },
    { header: "OWNER", value: (c) => c.user?.name },
  ];
}

const FLAVOR_COLUMNS: Column<WireFlavor>[] = [
  { header: "FLAVOR", value: (f) => f.name },
  { header: "INTEGRATION", value: (f) => f.integration },
  { header: "SOURCE", value: (f) => f.source },
];

/** The component of this type in the active stack, if it has one. */
async function activeComponent(ctx: CliContext, scope: Scope, kind: ComponentKind): Promise<WireComponent | undefined> {
  return (await activeStack(ctx, scope)).components[kind.type]?.[0];
}

async function list(ctx: CliContext, kind: ComponentKind, options: Record<string, unknown>): Promise<void> {
  const scope = await openScope(ctx);
  const format = outputFormat(options);
  const [page, active] = await Promise.all([
    scope.client.list<WireComponent>(`/workspaces` + path`/${scope.workspace.id}` + `/components`, {
      ...listQuery(options, COMPONENT_FIELDS),
      ...kind.query,
    }),
    format === "table" ? activeComponent(ctx, scope, kind) : undefined,
  ]);
  await printPage(page, format, componentColumns(active?.id), `No ${kind.plural} found for the given filters.`);
}

/** A configuration value in a table cell: text as it is, anything else as JSON. */
const configCell = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

async function describe(ctx: CliContext, kind: ComponentKind, nameOrId: string | undefined, format: Format): Promise<void> {
  const scope = await openScope(ctx);
  const active = await activeComponent(ctx, scope, kind);
  const component = nameOrId === undefined ? active : await findShareable<WireComponent>(scope, kind, nameOrId);
  if (!component) throw new CliError(`The active stack has no ${kind.label}: name one to describe.`);
  if (format !== "table") return printOne(component, format, []);
  say(`${kind.label[0]?.toUpperCase()}${kind.label.slice(1)} '${component.name}'${component.id === active?.id ? " (ACTIVE)" : ""}:`);
  await printTable(
    ["COMPONENT_PROPERTY", "VALUE"],
    [
      ["ID", component.id],
      ["NAME", component.name],
      ["FLAVOR", component.flavor],
      ["SHARED", sharedMark(component.is_shared)],
      ["OWNER", component.user?.name ?? ""],
      ...Object.entries(component.configuration).map(([key, value]) => [key, configCell(value)]),
    ],
  );
}

interface RegisterOptions {
  flavor: string;
  share?: boolean;
}

async function register(ctx: CliContext, kind: ComponentKind, name: string, settings: string[], options: RegisterOptions): Promise<void> {
  const configuration = parseConfiguration(settings);
  const scope = await openScope(ctx);
  await scope.client.post<WireComponent>(`/workspaces` + path`/${scope.workspace.id}` + `/components`, {
    user: scope.me.id,
    workspace: scope.workspace.id,
    is_shared: Boolean(options.share),
    name,
    type: kind.type,
    flavor: options.flavor,
    configuration,
  });
  say(`Successfully registered ${kind.label} \`${name}\`.`);
}

/** Finds the component, applies the change the server should make, and says what happened. */
async function change(
  ctx: CliContext,
  kind: ComponentKind,
  nameOrId: string,
  body: (c: WireComponent) => Parameters<typeof updateShareable>[3],
  done: (c: WireComponent) => string,
): Promise<void> {
  const scope = await openScope(ctx);
  const component = await findShareable<WireComponent>(scope, kind, nameOrId);
  say(done(await updateShareable(scope, kind, component, body(component))));
}

async function remove(ctx: CliContext, kind: ComponentKind, nameOrId: string): Promise<void> {
  const scope = await openScope(ctx);
  const component = await findShareable<WireComponent>(scope, kind, nameOrId);
  await scope.client.delete(path`/components/${component.id}`);
  say(`Deleted ${kind.label}: ${component.name}`);
}

function registerKind(program: Command, ctx: CliContext, kind: ComponentKind): void {
  const group = program.command(kind.command).description(`Manage ${kind.plural} (in the active workspace)`);
  group
    .command("register")
    .description(`Register ${kind.one}`)
    .argument("<name>", `the new ${kind.label}'s name`)
    .argument("[settings...]", "its configuration: key=value (or --key=value), values read as JSON when they are")
    .requiredOption("-f, --flavor <flavor>", "its flavor, e.g. local")
    .option("--share", "share it with everyone who can read the workspace")
    // ZenML takes the configuration as `--key=value`.
    .allowUnknownOption()
    .action((name: string, settings: string[], options: RegisterOptions) => register(ctx, kind, name, settings, options));
  addListOptions(group.command("list").description(`List the ${kind.plural} you can see`), COMPONENT_FIELDS).action(
    (options: Record<string, unknown>) => list(ctx, kind, options),
  );
  addOutputOption(
    group.command("describe").description(`Show ${kind.one} (default: the active stack's)`).argument("[name_or_id]", `the ${kind.label}`),
  ).action((name: string | undefined, options: { output?: string }) => describe(ctx, kind, name, outputFormat(options)));
  group
    .command("update")
    .description(`Change settings of ${kind.one}'s configuration`)
    .argument("<name_or_id>", `the ${kind.label}`)
    .argument("<settings...>", "key=value (or --key=value)")
    .allowUnknownOption()
    .action((name: string, settings: string[]) => {
      const configuration = parseConfiguration(settings);
      if (Object.keys(configuration).length === 0) throw new UsageError("Nothing to update: give key=value settings.");
      return change(
        ctx,
        kind,
        name,
        (c) => ({ configuration: { ...c.configuration, ...configuration } }),
        (c) => `Successfully updated ${kind.label} \`${c.name}\`.`,
      );
    });
  group
    .command("rename")
    .description(`Rename ${kind.one}`)
    .argument("<name_or_id>", `the ${kind.label}`)
    .argument("<new_name>", "its new name")
    .action((name: string, newName: string) =>
      change(
        ctx,
        kind,
        name,
        () => ({ name: newName }),
        (c) => `Successfully renamed ${kind.label} \`${name}\` to \`${c.name}\`.`,
      ),
    );
  for (const [verb, isShared, description] of [
    ["share", true, `Share ${kind.one} with everyone who can read the workspace`],
    ["unshare", false, `Make a shared ${kind.label} private again (not while a shared stack holds it)`],
  ] as const) {
    group
      .command(verb)
      .description(description)
      .argument("<name_or_id>", `the ${kind.label}`)
      .action((name: string) =>
        change(
          ctx,
          kind,
          name,
          () => ({ is_shared: isShared }),
          (c) => `Successfully ${verb}d ${kind.label} \`${c.name}\`.`,
        ),
      );
  }
  group
    .command("delete")
    .description(`Delete ${kind.one} that no stack holds`)
    .argument("<name_or_id>", `the ${kind.label}`)
    .action((name: string) => remove(ctx, kind, name));
  const flavor = group.command("flavor").description(`Flavors of ${kind.plural}`);
  addListOptions(flavor.command("list").description(`List the known ${kind.label} flavors`), FLAVOR_FIELDS).action(
    async (options: Record<string, unknown>) => {
      const page = await (await ctx.client()).list<WireFlavor>("/flavors", { ...listQuery(options, FLAVOR_FIELDS), type: kind.type });
      await printPage(page, outputFormat(options), FLAVOR_COLUMNS, `No ${kind.label} flavors found for the given filters.`);
    },
  );
}

export function registerComponentCommands(program: Command, ctx: CliContext): void {
  for (const kind of COMPONENT_KINDS) registerKind(program, ctx, kind);
}
