/** Queries on `pipeline`. Visibility comes from the policy as a WHERE expression. */
import type { Selectable } from "kysely";
import { baseFields, fetchPage, filterExpression, type FilterSpec, type ListParams, type Page } from "../list-query.js";
import type { PipelineTable } from "../schema.js";
import type { Where } from "./components.js";
import type { Q } from "./users.js";

export type PipelineRow = Selectable<PipelineTable>;

export const PIPELINE_FILTERS: FilterSpec = {
  ...baseFields("pipeline"),
  name: { kind: "string", column: "pipeline.name", sortKey: "pipeline.name_key" },
  version: { kind: "string", column: "pipeline.version" },
  version_hash: { kind: "string", column: "pipeline.version_hash" },
  docstring: { kind: "string", column: "pipeline.docstring" },
  workspace_id: { kind: "uuid", column: "pipeline.workspace_id" },
  user_id: { kind: "uuid", column: "pipeline.user_id" },
};

export function findPipeline(q: Q, id: string): Promise<PipelineRow | undefined> {
  return q.selectFrom("pipeline").selectAll().where("id", "=", id.toLowerCase()).executeTakeFirst();
}

export function pipelinesByIds(q: Q, ids: readonly string[]): Promise<PipelineRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return q
    .selectFrom("pipeline")
    .selectAll()
    .where("id", "in", [...new Set(ids)])
    .execute();
}

export async function insertPipeline(q: Q, row: PipelineRow): Promise<void> {
  await q.insertInto("pipeline").values(row).execute();
}

export async function updatePipeline(q: Q, id: string, patch: Partial<PipelineRow>): Promise<void> {
  await q.updateTable("pipeline").set(patch).where("id", "=", id).execute();
}

export async function deletePipeline(q: Q, id: string): Promise<void> {
  await q.deleteFrom("pipeline").where("id", "=", id).execute();
}

export function listPipelines(q: Q, params: ListParams, scope: { visible: Where; workspaceId?: string }): Promise<Page<PipelineRow>> {
  let query = q
    .selectFrom("pipeline")
    .selectAll("pipeline")
    .where(scope.visible)
    .where((eb) => filterExpression(eb, PIPELINE_FILTERS, params) ?? eb.lit(true));
  if (scope.workspaceId) query = query.where("pipeline.workspace_id", "=", scope.workspaceId);
  return fetchPage(query, PIPELINE_FILTERS, params, "pipeline.id");
}

export async function countPipelines(q: Q, workspaceId: string): Promise<number> {
  const row = await q
    .selectFrom("pipeline")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The statuses of each pipeline's last `n` runs, newest first (ZenML's `status` field). */
export async function lastRunStatuses(q: Q, pipelineIds: readonly string[], n: number): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(pipelineIds.map((id) => [id, []]));
  if (pipelineIds.length === 0) return out;
  const rows = await q
    .selectFrom("pipeline_run")
    .select(["pipeline_id", "status"])
    .where("pipeline_id", "in", [...new Set(pipelineIds)])
    .orderBy("created", "desc")
    .orderBy("id", "desc")
    .execute();
  for (const row of rows) {
    const list = row.pipeline_id ? out.get(row.pipeline_id) : undefined;
    if (list && list.length < n) list.push(row.status);
  }
  return out;
}

/** Hands every pipeline of one owner to another; the number moved. */
export async function reassignPipelines(q: Q, fromUserId: string, toUserId: string, stamp: string): Promise<number> {
  const result = await q
    .updateTable("pipeline")
    .set({ user_id: toUserId, updated: stamp })
    .where("user_id", "=", fromUserId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
