/** Queries on `workspace`. */
import type { Selectable } from "kysely";
import { baseFields, fetchPage, filterExpression, type FilterSpec, type ListParams, type Page } from "../list-query.js";
import type { WorkspaceTable } from "../schema.js";
import { isUuid } from "./ids.js";
import type { Q } from "./users.js";

export type WorkspaceRow = Selectable<WorkspaceTable>;

export const WORKSPACE_FILTERS: FilterSpec = {
  ...baseFields("workspace"),
  name: { kind: "string", column: "workspace.name", sortKey: "workspace.name_key" },
  description: { kind: "string", column: "workspace.description" },
};

export function findWorkspace(q: Q, nameOrId: string): Promise<WorkspaceRow | undefined> {
  const query = q.selectFrom("workspace").selectAll();
  if (isUuid(nameOrId)) return query.where("id", "=", nameOrId.toLowerCase()).executeTakeFirst();
  return query.where("name_key", "=", nameOrId.toLowerCase()).executeTakeFirst();
}

export function workspacesByIds(q: Q, ids: readonly string[]): Promise<WorkspaceRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return q
    .selectFrom("workspace")
    .selectAll()
    .where("id", "in", [...new Set(ids)])
    .execute();
}

export async function insertWorkspace(q: Q, row: WorkspaceRow): Promise<void> {
  await q.insertInto("workspace").values(row).execute();
}

export async function updateWorkspace(q: Q, id: string, patch: Partial<WorkspaceRow>): Promise<void> {
  await q.updateTable("workspace").set(patch).where("id", "=", id).execute();
}

export async function deleteWorkspace(q: Q, id: string): Promise<void> {
  await q.deleteFrom("workspace").where("id", "=", id).execute();
}

export function listWorkspaces(q: Q, params: ListParams, visible: "all" | readonly string[]): Promise<Page<WorkspaceRow>> {
  let query = q
    .selectFrom("workspace")
    .selectAll("workspace")
    .where((eb) => filterExpression(eb, WORKSPACE_FILTERS, params) ?? eb.lit(true));
  if (visible !== "all")
    query = visible.length === 0 ? query.where((eb) => eb.lit(false)) : query.where("workspace.id", "in", [...visible]);
  return fetchPage(query, WORKSPACE_FILTERS, params, "workspace.id");
}
