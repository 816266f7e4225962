/**
 * Rules shared by everything that lives in a workspace and has an owner (stacks, components,
 * pipelines, runs): reading needs `read` in the workspace, changing needs `write` there, new
 * resources are created as oneself in the route's workspace (SPEC §4 rules 1, 2 and 5), and an
 * update moves nothing to another workspace or owner (§9).
 */
import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import type { Actor } from "./actor.js";
import { forbidWhen, has, readableWorkspaces, requirePermission } from "./can.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Where = (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>;

export function canReadInWorkspace(actor: Actor, workspaceId: string): boolean {
  return has(actor, "read", workspaceId);
}

/** SQL twin of `canReadInWorkspace` for lists: rows of `table` in a workspace the actor reads. */
export function readableInSql(actor: Actor, table: string): Where {
  const workspaces = readableWorkspaces(actor);
  return (eb) => {
    if (workspaces === "all") return eb.lit(true);
    if (workspaces.length === 0) return eb.lit(false);
    return eb(eb.ref(`${table}.workspace_id`), "in", workspaces);
  };
}

export interface CreateRequest {
  user: string;
  workspace: string;
}

/**
 * Creating in workspace `ws` through `POST /workspaces/{ws}/<things>`: `write` there, and the body
 * must name the actor and that very workspace (ZenML's messages, SPEC §4 rule 5).
 */
export function authorizeCreateInWorkspace(actor: Actor, ws: { id: string }, asked: string, body: CreateRequest, things: string): void {
  requirePermission(actor, "write", ws.id);
  if (actor.kind === "local") return;
  forbidWhen(
    body.workspace.toLowerCase() !== ws.id,
    `Creating ${things} outside of the workspace scope of this endpoint \`${asked}\` is not supported.`,
  );
  forbidWhen(body.user.toLowerCase() !== actor.id, `Creating ${things} for a user other than yourself is not supported.`);
}

/** What an update body may say about where a resource lives and whose it is. */
export interface PlacementFields {
  user?: string | null;
  workspace?: string | null;
}

/**
 * An update never moves a resource (SPEC §9): a body naming another workspace or owner is refused
 * (403), as creates are, rather than silently ignored. It may repeat the resource's own, and may
 * name the caller as `user`: ZenML clients send the active user there, meaning who asks, not who
 * should own. `label` names the resource in messages, e.g. "stack 'prod'".
 */
export function authorizeStayInPlace(
  actor: Actor,
  target: { workspaceId: string; userId: string },
  body: PlacementFields,
  label: string,
): void {
  const workspace = body.workspace?.toLowerCase();
  forbidWhen(workspace != null && workspace !== target.workspaceId, `Moving ${label} to another workspace is not supported.`);
  const user = body.user?.toLowerCase();
  forbidWhen(user != null && user !== target.userId && user !== actor.id, `Giving ${label} to another user is not supported.`);
}
