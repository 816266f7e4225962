/**
 * Rules for pipelines and pipeline runs (SPEC §4 rule 4): visible to everyone with `read` in their
 * workspace, changed and deleted by anyone with `write` there, whoever created them.
 */
import type { Actor } from "./actor.js";
import { hideUnless, requirePermission } from "./can.js";
import { authorizeStayInPlace, canReadInWorkspace, readableInSql, type PlacementFields, type Where } from "./workspace-resources.js";

export interface PipelineTarget {
  id: string;
  workspaceId: string;
}

export type PipelineKind = "pipeline" | "pipeline run";

export function pipelineNotFound(kind: PipelineKind, id: string): string {
  return `Unable to get ${kind} with ID '${id}': no ${kind} with this ID exists.`;
}

export function visiblePipelinesSql(actor: Actor, table: "pipeline" | "pipeline_run"): Where {
  return readableInSql(actor, table);
}

export function authorizeReadPipeline(actor: Actor, kind: PipelineKind, target: PipelineTarget): void {
  hideUnless(canReadInWorkspace(actor, target.workspaceId), pipelineNotFound(kind, target.id));
}

export function authorizeChangePipeline(actor: Actor, kind: PipelineKind, target: PipelineTarget): void {
  authorizeReadPipeline(actor, kind, target);
  requirePermission(actor, "write", target.workspaceId);
}

/** Updating a pipeline: changing it, and moving it nowhere. */
export function authorizeUpdatePipeline(
  actor: Actor,
  target: PipelineTarget & { userId: string; name: string },
  request: PlacementFields,
): void {
  authorizeChangePipeline(actor, "pipeline", target);
  authorizeStayInPlace(actor, target, request, `pipeline '${target.name}'`);
}
