/** Queries on `pipeline_run`. Visibility comes from the policy as a WHERE expression. */
import type { Selectable } from "kysely";
import { baseFields, fetchPage, filterExpression, type FilterSpec, type ListParams, type Page, type ShownWhere } from "../list-query.js";
import type { PipelineRunTable } from "../schema.js";
import type { Where } from "./components.js";
import type { Q } from "./users.js";

export type RunRow = Selectable<PipelineRunTable>;

export const RUN_FILTERS: FilterSpec = {
  ...baseFields("pipeline_run"),
  name: { kind: "string", column: "pipeline_run.name", sortKey: "pipeline_run.name_key" },
  orchestrator_run_id: { kind: "string", column: "pipeline_run.orchestrator_run_id" },
  pipeline_id: { kind: "uuid", column: "pipeline_run.pipeline_id" },
  // Null to those who cannot see the stack, e.g. someone else's private one (services/runs.ts).
  stack_id: { kind: "uuid", column: "pipeline_run.stack_id", hiddenBy: "stack" },
  status: { kind: "string", column: "pipeline_run.status" },
  start_time: { kind: "datetime", column: "pipeline_run.start_time" },
  end_time: { kind: "datetime", column: "pipeline_run.end_time" },
  num_steps: { kind: "int", column: "pipeline_run.num_steps" },
  workspace_id: { kind: "uuid", column: "pipeline_run.workspace_id" },
  user_id: { kind: "uuid", column: "pipeline_run.user_id" },
};

export function findRun(q: Q, id: string): Promise<RunRow | undefined> {
  return q.selectFrom("pipeline_run").selectAll().where("id", "=", id.toLowerCase()).executeTakeFirst();
}

export async function insertRun(q: Q, row: RunRow): Promise<void> {
  await q.insertInto("pipeline_run").values(row).execute();
}

export async function updateRun(q: Q, id: string, patch: Partial<RunRow>): Promise<void> {
  await q.updateTable("pipeline_run").set(patch).where("id", "=", id).execute();
}

export async function deleteRun(q: Q, id: string): Promise<void> {
  await q.deleteFrom("pipeline_run").where("id", "=", id).execute();
}

export interface RunListScope {
  visible: Where;
  workspaceId?: string;
  /** The rules RUN_FILTERS names, as SQL over `pipeline_run` rows. */
  shown: { stack: ShownWhere };
}

export function listRuns(q: Q, params: ListParams, scope: RunListScope): Promise<Page<RunRow>> {
  let query = q
    .selectFrom("pipeline_run")
    .selectAll("pipeline_run")
    .where(scope.visible)
    .where((eb) => filterExpression(eb, RUN_FILTERS, params, scope.shown) ?? eb.lit(true));
  if (scope.workspaceId) query = query.where("pipeline_run.workspace_id", "=", scope.workspaceId);
  return fetchPage(query, RUN_FILTERS, params, "pipeline_run.id", { rules: scope.shown });
}

export async function countRuns(q: Q, workspaceId: string): Promise<number> {
  const row = await q
    .selectFrom("pipeline_run")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Hands every run of one owner to another; the number moved. */
export async function reassignRuns(q: Q, fromUserId: string, toUserId: string, stamp: string): Promise<number> {
  const result = await q
    .updateTable("pipeline_run")
    .set({ user_id: toUserId, updated: stamp })
    .where("user_id", "=", fromUserId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
