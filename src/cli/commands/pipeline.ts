/**
 * `pipeline list|describe|delete` and `pipeline runs list` (ZenML 0.40's `zenml pipeline`), in the
 * active workspace. Pipelines and runs are written by ZenML clients running them; the CLI reads
 * them and cleans up.
 */
import type { Command } from "commander";
import { path } from "../client.js";
import type { CliContext } from "../context.js";
import { ApiError, CliError } from "../errors.js";
import { isId } from "../lookup.js";
import { addListOptions, addOutputOption, listQuery, outputFormat } from "../options.js";
import { printOne, printPage, say, type Column } from "../output.js";
import { confirm } from "../prompts.js";
import { openScope, type Scope } from "../workspace-scope.js";
import type { WirePipeline, WireRun } from "../wire.js";

const PIPELINE_FIELDS = ["name", "version", "version_hash", "docstring", "user_id"];
const RUN_FIELDS = ["name", "status", "pipeline_id", "stack_id", "orchestrator_run_id", "start_time", "end_time", "num_steps", "user_id"];

const PIPELINE_COLUMNS: Column<WirePipeline>[] = [
  { header: "ID", value: (p) => p.id },
  { header: "NAME", value: (p) => p.name },
  { header: "VERSION", value: (p) => p.version },
  { header: "OWNER", value: (p) => p.user?.name },
  { header: "LATEST_RUNS", value: (p) => p.status },
];

const RUN_COLUMNS: Column<WireRun>[] = [
  { header: "PIPELINE NAME", value: (r) => r.pipeline?.name },
  { header: "RUN NAME", value: (r) => r.name },
  { header: "RUN ID", value: (r) => r.id },
  { header: "STATUS", value: (r) => r.status },
  { header: "STACK", value: (r) => r.stack?.name },
  { header: "OWNER", value: (r) => r.user?.name },
];

const inWorkspace = (scope: Scope, collection: string) => `/workspaces` + path`/${scope.workspace.id}` + `/${collection}`;

/** A pipeline by id, or by name (and version: one name has a pipeline per version) in the active workspace. */
async function findPipeline(scope: Scope, nameOrId: string, version: string | undefined): Promise<WirePipeline> {
  if (isId(nameOrId)) return scope.client.get<WirePipeline>(path`/pipelines/${nameOrId}`);
  const page = await scope.client.list<WirePipeline>(inWorkspace(scope, "pipelines"), {
    name: `equals:${nameOrId}`,
    version: version === undefined ? undefined : `equals:${version}`,
  });
  const [only] = page.items;
  if (!only) {
    const which = version === undefined ? `'${nameOrId}'` : `'${nameOrId}' version '${version}'`;
    throw new ApiError(404, `Unable to get pipeline ${which}: no such pipeline exists in workspace '${scope.workspace.name}'.`);
  }
  if (page.total > 1) throw new CliError(`${page.total} pipelines are named '${nameOrId}': give --version or the ID of the one you mean.`);
  return only;
}

async function deletePipeline(ctx: CliContext, nameOrId: string, options: { version?: string; yes?: boolean }): Promise<void> {
  const scope = await openScope(ctx);
  const pipeline = await findPipeline(scope, nameOrId, options.version);
  const question = `Are you sure you want to delete pipeline '${pipeline.name}' version '${pipeline.version}'? Its runs stay, without a pipeline.`;
  if (!options.yes && !(await confirm(question, "-y"))) return;
  await scope.client.delete(path`/pipelines/${pipeline.id}`);
  say(`Deleted pipeline '${pipeline.name}' version '${pipeline.version}'.`);
}

export function registerPipelineCommands(program: Command, ctx: CliContext): void {
  const pipeline = program.command("pipeline").description("Pipelines and their runs (in the active workspace)");
  addListOptions(pipeline.command("list").description("List pipelines"), PIPELINE_FIELDS).action(
    async (options: Record<string, unknown>) => {
      const scope = await openScope(ctx);
      const page = await scope.client.list<WirePipeline>(inWorkspace(scope, "pipelines"), listQuery(options, PIPELINE_FIELDS));
      await printPage(page, outputFormat(options), PIPELINE_COLUMNS, "No pipelines found for the given filters.");
    },
  );
  addOutputOption(
    pipeline
      .command("describe")
      .description("Show a pipeline")
      .argument("<name_or_id>", "the pipeline")
      .option("-v, --version <version>", "which version of it"),
  ).action(async (name: string, options: { version?: string; output?: string }) => {
    await printOne(await findPipeline(await openScope(ctx), name, options.version), outputFormat(options), PIPELINE_COLUMNS);
  });
  pipeline
    .command("delete")
    .description("Delete a pipeline (its runs stay)")
    .argument("<name_or_id>", "the pipeline")
    .option("-v, --version <version>", "which version of it")
    .option("-y, --yes", "do not ask for confirmation")
    .action((name: string, options: { version?: string; yes?: boolean }) => deletePipeline(ctx, name, options));
  const runs = pipeline.command("runs").description("Pipeline runs");
  addListOptions(runs.command("list").description("List pipeline runs"), RUN_FIELDS).action(async (options: Record<string, unknown>) => {
    const scope = await openScope(ctx);
    const page = await scope.client.list<WireRun>(inWorkspace(scope, "runs"), listQuery(options, RUN_FIELDS));
    await printPage(page, outputFormat(options), RUN_COLUMNS, "No pipeline runs found for the given filters.");
  });
}
