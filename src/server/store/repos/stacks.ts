/** Queries on `stack` and `stack_composition`. Visibility comes from the policy as a WHERE expression. */
import type { Expression, ExpressionBuilder, Selectable, SqlBool } from "kysely";
import { baseFields, fetchPage, filterExpression, type Filter, type FilterSpec, type ListParams, type Page } from "../list-query.js";
import type { StackTable } from "../schema.js";
import type { Where } from "./components.js";
import type { Q } from "./users.js";

export type StackRow = Selectable<StackTable>;

/** A stack's components as `{type: component id}`. */
export type Composition = Record<string, string>;

export const STACK_FILTERS: FilterSpec = {
  ...baseFields("stack"),
  name: { kind: "string", column: "stack.name", sortKey: "stack.name_key" },
  description: { kind: "string", column: "stack.description" },
  is_shared: { kind: "bool", column: "stack.is_shared" },
  workspace_id: { kind: "uuid", column: "stack.workspace_id" },
  user_id: { kind: "uuid", column: "stack.user_id" },
  // Matched through stack_composition (see stackFilter); the column only serves sorting, harmlessly.
  component_id: { kind: "uuid", column: "stack.id" },
};

const COMPOSITION_FILTERS: FilterSpec = { component_id: { kind: "uuid", column: "stack_composition.component_id" } };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyEB = ExpressionBuilder<any, any>;

/** The list filters, with `component_id` meaning "has a component whose id matches". */
function stackFilter(eb: AnyEB, params: ListParams): Expression<SqlBool> | undefined {
  const isComponent = (f: Filter) => f.field === "component_id";
  const parts: Expression<SqlBool>[] = params.filters.filter(isComponent).map((f) =>
    eb.exists(
      eb
        .selectFrom("stack_composition")
        .select("stack_composition.stack_id")
        .whereRef("stack_composition.stack_id", "=", "stack.id")
        .where((inner: AnyEB) => filterExpression(inner, COMPOSITION_FILTERS, { ...params, filters: [f] }) ?? inner.lit(true)),
    ),
  );
  const columns = filterExpression(eb, STACK_FILTERS, { ...params, filters: params.filters.filter((f) => !isComponent(f)) });
  if (columns) parts.unshift(columns);
  if (parts.length === 0) return undefined;
  return params.logicalOperator === "or" ? eb.or(parts) : eb.and(parts);
}

export function findStack(q: Q, id: string): Promise<StackRow | undefined> {
  return q.selectFrom("stack").selectAll().where("id", "=", id.toLowerCase()).executeTakeFirst();
}

export function stacksByIds(q: Q, ids: readonly string[]): Promise<StackRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return q
    .selectFrom("stack")
    .selectAll()
    .where("id", "in", [...new Set(ids)])
    .execute();
}

export function findOwnStack(q: Q, workspaceId: string, userId: string, name: string): Promise<StackRow | undefined> {
  return q
    .selectFrom("stack")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .where("name_key", "=", name.toLowerCase())
    .executeTakeFirst();
}

export function findSharedStack(q: Q, workspaceId: string, name: string): Promise<StackRow | undefined> {
  return q
    .selectFrom("stack")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("shared_name_key", "=", name.toLowerCase())
    .executeTakeFirst();
}

export async function insertStack(q: Q, row: StackRow, composition: Composition): Promise<void> {
  await q.insertInto("stack").values(row).execute();
  await setComposition(q, row.id, composition);
}

export async function updateStack(q: Q, id: string, patch: Partial<StackRow>): Promise<void> {
  await q.updateTable("stack").set(patch).where("id", "=", id).execute();
}

export async function setComposition(q: Q, stackId: string, composition: Composition): Promise<void> {
  await q.deleteFrom("stack_composition").where("stack_id", "=", stackId).execute();
  const rows = Object.entries(composition).map(([type, component_id]) => ({ stack_id: stackId, type, component_id }));
  if (rows.length > 0) await q.insertInto("stack_composition").values(rows).execute();
}

export async function deleteStack(q: Q, id: string): Promise<void> {
  await q.deleteFrom("stack").where("id", "=", id).execute();
}

/** Each stack's composition, by stack id. */
export async function compositionsOf(q: Q, stackIds: readonly string[]): Promise<Map<string, Composition>> {
  const out = new Map<string, Composition>(stackIds.map((id) => [id, {}]));
  if (stackIds.length === 0) return out;
  const rows = await q
    .selectFrom("stack_composition")
    .selectAll()
    .where("stack_id", "in", [...new Set(stackIds)])
    .execute();
  for (const row of rows) {
    const composition = out.get(row.stack_id);
    if (composition) composition[row.type] = row.component_id;
  }
  return out;
}

export interface StackListScope {
  visible: Where;
  workspaceId?: string;
}

export function listStacks(q: Q, params: ListParams, scope: StackListScope): Promise<Page<StackRow>> {
  let query = q
    .selectFrom("stack")
    .selectAll("stack")
    .where(scope.visible)
    .where((eb) => stackFilter(eb, params) ?? eb.lit(true));
  if (scope.workspaceId) query = query.where("stack.workspace_id", "=", scope.workspaceId);
  return fetchPage(query, STACK_FILTERS, params, "stack.id");
}

export async function countStacks(q: Q, workspaceId: string, visible: Where): Promise<number> {
  const row = await q
    .selectFrom("stack")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("workspace_id", "=", workspaceId)
    .where(visible)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The existing workspaces among `workspaceIds` where the user has no stack with that name yet. */
export async function workspacesWithoutStack(q: Q, userId: string, name: string, workspaceIds: readonly string[]): Promise<string[]> {
  if (workspaceIds.length === 0) return [];
  const rows = await q
    .selectFrom("workspace")
    .select("workspace.id")
    .where("workspace.id", "in", [...workspaceIds])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("stack")
            .select("stack.id")
            .whereRef("stack.workspace_id", "=", "workspace.id")
            .where("stack.user_id", "=", userId)
            .where("stack.name_key", "=", name.toLowerCase()),
        ),
      ),
    )
    .execute();
  return rows.map((r) => r.id);
}

export function stacksOwnedBy(q: Q, userId: string): Promise<StackRow[]> {
  return q.selectFrom("stack").selectAll().where("user_id", "=", userId).orderBy("created").execute();
}
