/**
 * `audit list` and `audit export`: the audit log (SPEC §3, §9, issue 5). The server shows it to
 * admins only; anyone else gets its 403 message as the one error line.
 */
import { open } from "node:fs/promises";
import type { Command } from "commander";
import type { Client, Query } from "../client.js";
import type { CliContext } from "../context.js";
import { UsageError } from "../errors.js";
import { addListOptions, listQuery, outputFormat } from "../options.js";
import { printPage, say, type Column } from "../output.js";
import { withProgress } from "../progress.js";
import { timeBound } from "../time-bound.js";
import type { WireAuditEvent } from "../wire.js";

const AUDIT_FIELDS = ["actor_name", "actor_id", "action", "target_type", "target_id", "target_name", "outcome", "source"];
/** Events per request of an export: a few MB of JSON lines at most. */
const EXPORT_PAGE_SIZE = 5000;

const AUDIT_COLUMNS: Column<WireAuditEvent>[] = [
  { header: "CREATED", value: (e) => e.created },
  { header: "ACTOR", value: (e) => e.actor_name },
  { header: "ACTION", value: (e) => e.action },
  { header: "TARGET", value: (e) => (e.target_name ? `${e.target_type} '${e.target_name}'` : e.target_type) },
  { header: "OUTCOME", value: (e) => e.outcome },
  { header: "SOURCE", value: (e) => e.source },
];

/** The filters, with `--since`/`--until` as a range on `created` (the server takes that field twice). */
function auditQuery(options: Record<string, unknown>): Query {
  const bound = (op: string, time: unknown) => (typeof time === "string" ? [`${op}:${time}`] : []);
  const bounds = [...bound("gte", options.since), ...bound("lte", options.until)];
  if (bounds.length > 0 && options.created !== undefined) throw new UsageError("Give --created or --since/--until, not both.");
  const query = listQuery(options, AUDIT_FIELDS);
  return bounds.length > 0 ? { ...query, created: bounds } : query;
}

function addTimeOptions(command: Command): Command {
  return command
    .option("--since <time>", "only events at or after this time (UTC), or this long ago: 90m, 12h, 7d", (v) => timeBound(v))
    .option("--until <time>", "only events at or before this time (UTC), or this long ago", (v) => timeBound(v));
}

/** Writes every matching event, oldest first, one JSON object a line; returns how many. */
async function exportEvents(client: Client, query: Query, write: (text: string) => Promise<unknown>): Promise<number> {
  // Oldest first: events logged while the export runs land after the pages already read.
  const exportQuery = { ...query, sort_by: "asc:created", size: EXPORT_PAGE_SIZE, format: "jsonl" };
  const { total } = await client.list<WireAuditEvent>("/audit_events", { ...query, size: 1 });
  let written = 0;
  for (let page = 1; page <= Math.max(1, Math.ceil(total / EXPORT_PAGE_SIZE)); page++) {
    const lines = await client.text("/audit_events", { ...exportQuery, page });
    await write(lines);
    written += lines.split("\n").filter(Boolean).length;
  }
  return written;
}

async function exportLog(ctx: CliContext, options: Record<string, unknown>): Promise<void> {
  const query = auditQuery(options);
  const client = await ctx.client();
  const target = options.outputFile;
  if (typeof target !== "string") {
    await exportEvents(client, query, async (text) => process.stdout.write(text));
    return;
  }
  // Who did what from where is sensitive: readable by its owner only.
  const file = await open(target, "w", 0o600);
  try {
    const count = await withProgress("Exporting the audit log…", () => exportEvents(client, query, (text) => file.write(text)));
    say(`Exported ${count} audit events to '${target}'.`);
  } finally {
    await file.close();
  }
}

export function registerAuditCommands(program: Command, ctx: CliContext): void {
  const audit = program.command("audit").description("The audit log: who did what, when, from where (admins)");
  addTimeOptions(addListOptions(audit.command("list").description("List audit events, newest first"), AUDIT_FIELDS)).action(
    async (options: Record<string, unknown>) => {
      const page = await (await ctx.client()).list<WireAuditEvent>("/audit_events", auditQuery(options));
      await printPage(page, outputFormat(options), AUDIT_COLUMNS, "No audit events found for the given filters.");
    },
  );
  const exporter = audit
    .command("export")
    .description("Write the audit events as JSON lines, oldest first")
    .option("--output-file <file>", "write to this file instead of standard output");
  for (const field of [...AUDIT_FIELDS, "created"]) exporter.option(`--${field} <filter>`, `filter on ${field}: a value, or op:value`);
  addTimeOptions(exporter).action((options: Record<string, unknown>) => exportLog(ctx, options));
}
