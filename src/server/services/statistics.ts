/**
 * `GET /workspaces/{ws}/statistics`: how many stacks, components, pipelines and runs the caller
 * can see there, as numbers. ZenML counted everyone's private stacks and components, as strings.
 */
import type { Actor } from "../policy/actor.js";
import { visibleComponentsSql } from "../policy/components.js";
import { visibleStacksSql } from "../policy/stacks.js";
import type { WireStatistics } from "../presenters/wire.js";
import { countComponents } from "../store/repos/components.js";
import { countPipelines } from "../store/repos/pipelines.js";
import { countRuns } from "../store/repos/runs.js";
import { countStacks } from "../store/repos/stacks.js";
import type { Ctx } from "./context.js";
import { ensureDefaultStacks } from "./default-stack.js";
import { requireWorkspace } from "./workspaces.js";

export async function workspaceStatistics(ctx: Ctx, actor: Actor, workspace: string): Promise<WireStatistics> {
  // Reading the workspace is what lets one see its pipelines and runs (policy/pipelines.ts).
  const ws = await requireWorkspace(ctx, actor, workspace);
  await ensureDefaultStacks(ctx, actor, actor.id, [ws.id]);
  const q = ctx.db.kysely;
  const [stacks, components, pipelines, runs] = await Promise.all([
    countStacks(q, ws.id, visibleStacksSql(actor)),
    countComponents(q, ws.id, visibleComponentsSql(actor)),
    countPipelines(q, ws.id),
    countRuns(q, ws.id),
  ]);
  return { stacks, components, pipelines, runs };
}
