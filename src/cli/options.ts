/**
 * Options shared by many commands: list filters and paging (SPEC §6 "Lists", ZenML's
 * `--<field> [op:]value` grammar), `--output`, and argument parsers that make bad values a usage
 * error (exit 2) before anything is sent.
 */
import { InvalidArgumentError, Option, type Command } from "commander";
import type { Query } from "./client.js";
import { FORMATS, type Format } from "./output.js";

/** Filterable on every resource. */
const COMMON_FIELDS = ["id", "created", "updated"] as const;
const PAGING = ["page", "size", "sort_by", "logical_operator"] as const;

export function positiveInt(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new InvalidArgumentError("Must be a whole number of at least 1.");
  return Number(value);
}

export function portNumber(value: string): number {
  if (!/^\d{1,5}$/.test(value.trim()) || Number(value) > 65535) throw new InvalidArgumentError("Must be a port number from 0 to 65535.");
  return Number(value);
}

/** Accepts one of `choices`, collecting a repeatable option (`-p read -p write`) into a list. */
export function choiceList(choices: readonly string[]) {
  return (value: string, previous: string[] | undefined): string[] => {
    if (!choices.includes(value)) throw new InvalidArgumentError(`Allowed choices are ${choices.join(", ")}.`);
    return [...(previous ?? []), value];
  };
}

/** Collects a repeatable option (`-p read -p write`) into a list. */
export function repeatable(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function addOutputOption(command: Command): Command {
  return command.addOption(new Option("--output <format>", "print as a table, JSON or YAML").choices(FORMATS).default("table"));
}

export function outputFormat(options: { output?: string }): Format {
  return (options.output ?? "table") as Format;
}

/** Adds `--<field>` filters for the resource's fields and the common ones, paging, sorting and `--output`. */
export function addListOptions(command: Command, fields: readonly string[]): Command {
  for (const field of [...fields, ...COMMON_FIELDS]) {
    command.option(`--${field} <filter>`, `filter on ${field}: a value, or op:value (e.g. contains:ad)`);
  }
  command
    .option("--page <n>", "page number (from 1)", positiveInt)
    .option("--size <n>", "items per page (1-10000)", positiveInt)
    .option("--sort_by <field>", "sort by a field: field, asc:field or desc:field")
    .addOption(new Option("--logical_operator <op>", "combine the filters with and/or").choices(["and", "or"]));
  return addOutputOption(command);
}

/** The query string of a list command: its filters and paging, as given. */
export function listQuery(options: Record<string, unknown>, fields: readonly string[]): Query {
  const query: Record<string, string | number> = {};
  for (const key of [...fields, ...COMMON_FIELDS, ...PAGING]) {
    const value = options[key];
    if (typeof value === "string" || typeof value === "number") query[key] = value;
  }
  return query;
}
