/**
 * Everything commands print. Results go to stdout (tables, JSON or YAML, and ZenML's messages);
 * progress and errors go to stderr, so `--output json` stays parseable. cli-table3 and yaml are
 * loaded only when a command prints a table or YAML.
 */
import type { Page } from "./client.js";

export const FORMATS = ["table", "json", "yaml"] as const;
export type Format = (typeof FORMATS)[number];

export interface Column<T> {
  header: string;
  value: (item: T) => unknown;
}

export function say(line = ""): void {
  process.stdout.write(line + "\n");
}

/** ZenML's marker of the active row (its `:point_right:`). */
export const POINTER = "👉";

/** ZenML's SHARED cell of stack and component tables. */
export function sharedMark(shared: boolean): string {
  return shared ? "✅" : "➖";
}

/** A Python-style list, as ZenML prints lists: `['write', 'read', 'me']`. */
export function pythonList(values: readonly unknown[]): string {
  return `[${values.map((v) => `'${String(v)}'`).join(", ")}]`;
}

/** A cell as ZenML's tables show values: lists as Python lists, booleans as True/False, nothing as blank. */
export function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.length === 0 ? "" : pythonList(value);
  if (typeof value === "boolean") return value ? "True" : "False";
  return String(value);
}

/** The names of nested objects (a user's teams, roles), as ZenML shows them in a cell. */
export function names(items: readonly { name: string }[] | null | undefined): string[] {
  return (items ?? []).map((i) => i.name);
}

export async function printTable(headers: readonly string[], rows: readonly (readonly string[])[]): Promise<void> {
  const { default: Table } = await import("cli-table3");
  const table = new Table({ head: [...headers], style: { head: [], border: [] } });
  table.push(...rows.map((r) => [...r]));
  say(table.toString());
}

/** Data in a machine format: the wire objects exactly as the API answered them. */
export async function printData(data: unknown, format: Exclude<Format, "table">): Promise<void> {
  if (format === "json") {
    say(JSON.stringify(data, null, 2));
    return;
  }
  const { stringify } = await import("yaml");
  process.stdout.write(stringify(data));
}

async function printRows<T>(items: readonly T[], columns: readonly Column<T>[]): Promise<void> {
  await printTable(
    columns.map((c) => c.header),
    items.map((item) => columns.map((c) => cell(c.value(item)))),
  );
}

/** One page of a list: a table and ZenML's page line, or the page as JSON/YAML. */
export async function printPage<T>(page: Page<T>, format: Format, columns: readonly Column<T>[], empty: string): Promise<void> {
  if (format !== "table") return printData(page, format);
  if (page.items.length === 0) {
    say(empty);
    return;
  }
  await printRows(page.items, columns);
  say(`Page \`(${page.index}/${page.total_pages})\`, \`${page.total}\` items found for the applied filters.`);
}

/** One object (`describe`): the same columns as its list, or the object as JSON/YAML. */
export async function printOne<T>(item: T, format: Format, columns: readonly Column<T>[]): Promise<void> {
  if (format !== "table") return printData(item, format);
  await printRows([item], columns);
}

/** A list that does not come in pages (sessions). */
export async function printList<T>(items: readonly T[], format: Format, columns: readonly Column<T>[], empty: string): Promise<void> {
  if (format !== "table") return printData(items, format);
  if (items.length === 0) say(empty);
  else await printRows(items, columns);
}
