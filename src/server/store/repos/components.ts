/** Queries on `stack_component`. Visibility comes from the policy as a WHERE expression. */
import type { Expression, ExpressionBuilder, Selectable, SqlBool } from "kysely";
import { baseFields, fetchPage, filterExpression, type FilterSpec, type ListParams, type Page } from "../list-query.js";
import type { StackComponentTable } from "../schema.js";
import type { Q } from "./users.js";

export type ComponentRow = Selectable<StackComponentTable>;

// Filters address columns by name from the spec, as list-query.ts does.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Where = (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>;

export const COMPONENT_FILTERS: FilterSpec = {
  ...baseFields("stack_component"),
  name: { kind: "string", column: "stack_component.name", sortKey: "stack_component.name_key" },
  type: { kind: "string", column: "stack_component.type" },
  flavor: { kind: "string", column: "stack_component.flavor" },
  is_shared: { kind: "bool", column: "stack_component.is_shared" },
  workspace_id: { kind: "uuid", column: "stack_component.workspace_id" },
  user_id: { kind: "uuid", column: "stack_component.user_id" },
};

export function findComponent(q: Q, id: string): Promise<ComponentRow | undefined> {
  return q.selectFrom("stack_component").selectAll().where("id", "=", id.toLowerCase()).executeTakeFirst();
}

export function componentsByIds(q: Q, ids: readonly string[]): Promise<ComponentRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return q
    .selectFrom("stack_component")
    .selectAll()
    .where("id", "in", [...new Set(ids)])
    .execute();
}

/** The owner's component of that type and name in the workspace (names compare case-insensitively). */
export function findOwnComponent(q: Q, workspaceId: string, userId: string, type: string, name: string): Promise<ComponentRow | undefined> {
  return q
    .selectFrom("stack_component")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .where("type", "=", type)
    .where("name_key", "=", name.toLowerCase())
    .executeTakeFirst();
}

/** The shared component of that type and name in the workspace, if any. */
export function findSharedComponent(q: Q, workspaceId: string, type: string, name: string): Promise<ComponentRow | undefined> {
  return q
    .selectFrom("stack_component")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("type", "=", type)
    .where("shared_name_key", "=", name.toLowerCase())
    .executeTakeFirst();
}

export async function insertComponent(q: Q, row: ComponentRow): Promise<void> {
  await q.insertInto("stack_component").values(row).execute();
}

export async function updateComponent(q: Q, id: string, patch: Partial<ComponentRow>): Promise<void> {
  await q.updateTable("stack_component").set(patch).where("id", "=", id).execute();
}

export async function deleteComponent(q: Q, id: string): Promise<void> {
  await q.deleteFrom("stack_component").where("id", "=", id).execute();
}

export interface ComponentListScope {
  visible: Where;
  workspaceId?: string;
  /** ZenML's hidden `scope_type`: only this type, whatever the logical operator. */
  type?: string;
}

export function listComponents(q: Q, params: ListParams, scope: ComponentListScope): Promise<Page<ComponentRow>> {
  let query = q
    .selectFrom("stack_component")
    .selectAll("stack_component")
    .where(scope.visible)
    .where((eb) => filterExpression(eb, COMPONENT_FILTERS, params) ?? eb.lit(true));
  if (scope.workspaceId) query = query.where("stack_component.workspace_id", "=", scope.workspaceId);
  if (scope.type) query = query.where("stack_component.type", "=", scope.type);
  return fetchPage(query, COMPONENT_FILTERS, params, "stack_component.id");
}

export async function countComponents(q: Q, workspaceId: string, visible: Where): Promise<number> {
  const row = await q
    .selectFrom("stack_component")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("workspace_id", "=", workspaceId)
    .where(visible)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The stacks a component belongs to: their owner and sharing, for the delete and unshare rules. */
export function stacksUsingComponent(q: Q, componentId: string): Promise<{ id: string; user_id: string; is_shared: number }[]> {
  return q
    .selectFrom("stack_composition")
    .innerJoin("stack", "stack.id", "stack_composition.stack_id")
    .select(["stack.id", "stack.user_id", "stack.is_shared"])
    .where("stack_composition.component_id", "=", componentId)
    .execute();
}

/** Components of one owner, for handing them to an heir. */
export function componentsOwnedBy(q: Q, userId: string): Promise<ComponentRow[]> {
  return q.selectFrom("stack_component").selectAll().where("user_id", "=", userId).orderBy("created").execute();
}
