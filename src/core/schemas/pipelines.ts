/**
 * Request bodies for pipelines and pipeline runs (ZenML 0.40's Pipeline/PipelineRun Request and
 * Update models).
 */
import { z } from "zod";
import { EXECUTION_STATUSES } from "../stack-components.js";
import { longText, name, text, uuid } from "./common.js";
import { jsonObject } from "./stacks.js";

const ISO_TIME = /^(\d{4}-\d{2}-\d{2})[T ]((?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d)(?:\.(\d{1,6}))?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A time as Python clients send it (`2026-11-23T08:03:18.991451`, with or without a zone; no zone
 * means UTC, as ZenML stores it), turned into the stored form: UTC, microseconds, no zone.
 */
/** Date.parse rolls an impossible day over ("2026-02-30" is 2 March); a time must name a real one. */
function isCalendarDate(date: string): boolean {
  const [year = 0, month = 0, day = 0] = date.split("-").map(Number);
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

export const isoTime = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const m = ISO_TIME.exec(value.trim());
    const ms = m && isCalendarDate(m[1] ?? "") ? Date.parse(`${m[1]}T${m[2]}${m[4] ?? "Z"}`) : NaN;
    if (!m || Number.isNaN(ms)) {
      ctx.addIssue({ code: "custom", message: "must be a time like 2026-11-23T08:03:18.991451" });
      return z.NEVER;
    }
    return new Date(ms).toISOString().slice(0, 19) + "." + (m[3] ?? "").padEnd(6, "0");
  });

export const executionStatus = z.enum(EXECUTION_STATUSES, { message: `must be one of ${EXECUTION_STATUSES.join(", ")}` });

export const pipelineCreate = z.strictObject({
  user: uuid,
  workspace: uuid,
  name,
  version: name,
  version_hash: name,
  docstring: longText.nullish(),
  spec: jsonObject,
});
export type PipelineCreate = z.infer<typeof pipelineCreate>;

export const pipelineUpdate = z.strictObject({
  user: uuid.nullish(),
  workspace: uuid.nullish(),
  name: name.nullish(),
  version: name.nullish(),
  version_hash: name.nullish(),
  docstring: longText.nullish(),
  spec: jsonObject.nullish(),
});
export type PipelineUpdate = z.infer<typeof pipelineUpdate>;

export const runCreate = z.strictObject({
  /** ZenML clients choose the id of a run themselves. */
  id: uuid.nullish(),
  user: uuid,
  workspace: uuid,
  name,
  orchestrator_run_id: text.nullish(),
  schedule_id: uuid.nullish(),
  enable_cache: z.boolean().nullish(),
  enable_artifact_metadata: z.boolean().nullish(),
  start_time: isoTime.nullish(),
  end_time: isoTime.nullish(),
  status: executionStatus,
  pipeline_configuration: jsonObject.optional().default({}),
  num_steps: z.number().int().min(0).max(1_000_000).nullish(),
  client_version: text.nullish(),
  server_version: text.nullish(),
  client_environment: z.record(z.string(), z.string()).optional().default({}),
  orchestrator_environment: z.record(z.string(), z.string()).optional().default({}),
  git_sha: text.nullish(),
  stack: uuid.nullish(),
  pipeline: uuid.nullish(),
  /** Builds and deployments do not exist in Cohort: any id given is a 404. */
  build: uuid.nullish(),
  deployment: uuid.nullish(),
});
export type RunCreate = z.infer<typeof runCreate>;

export const runUpdate = z.strictObject({ status: executionStatus.nullish(), end_time: isoTime.nullish() });
export type RunUpdate = z.infer<typeof runUpdate>;
