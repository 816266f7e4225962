/**
 * `/pipelines`, `/runs` and their `/workspaces/{ws}/…` collections: list, create, get, update,
 * delete; and `/workspaces/{ws}/statistics`.
 */
import { pipelineCreate, pipelineUpdate, runCreate, runUpdate } from "../../../core/schemas/pipelines.js";
import { createPipeline, deletePipeline, getPipeline, listPipelines, updatePipeline } from "../../services/pipelines.js";
import { createRun, deleteRun, getRun, listRuns, updateRun } from "../../services/runs.js";
import { workspaceStatistics } from "../../services/statistics.js";
import { PIPELINE_FILTERS } from "../../store/repos/pipelines.js";
import { RUN_FILTERS } from "../../store/repos/runs.js";
import { actorOf } from "../access.js";
import { parseListParams } from "../list-params.js";
import type { RouteModule } from "./index.js";
import { API, idParams, listQuery, nameOrIdParams, typed } from "./shared.js";

const wsParams = nameOrIdParams("workspace_name_or_id");
const pipelineParams = idParams("pipeline_id");
const runParams = idParams("run_id");

export const pipelineRoutes: RouteModule = (app, rt) => {
  const r = typed(app);
  const ctx = rt.ctx;

  r.get(`${API}/pipelines`, { config: { access: "read" }, schema: { querystring: listQuery } }, (request) =>
    listPipelines(ctx, actorOf(request), parseListParams(request.query, PIPELINE_FILTERS)),
  );
  r.get(
    `${API}/workspaces/:workspace_name_or_id/pipelines`,
    { config: { access: "read" }, schema: { params: wsParams, querystring: listQuery } },
    (request) =>
      listPipelines(ctx, actorOf(request), parseListParams(request.query, PIPELINE_FILTERS), request.params.workspace_name_or_id),
  );
  r.post(
    `${API}/workspaces/:workspace_name_or_id/pipelines`,
    { config: { access: "write" }, schema: { params: wsParams, body: pipelineCreate } },
    (request) => createPipeline(ctx, actorOf(request), request.params.workspace_name_or_id, request.body),
  );
  r.get(`${API}/pipelines/:pipeline_id`, { config: { access: "read" }, schema: { params: pipelineParams } }, (request) =>
    getPipeline(ctx, actorOf(request), request.params.pipeline_id),
  );
  r.put(
    `${API}/pipelines/:pipeline_id`,
    { config: { access: "write" }, schema: { params: pipelineParams, body: pipelineUpdate } },
    (request) => updatePipeline(ctx, actorOf(request), request.params.pipeline_id, request.body),
  );
  r.delete(`${API}/pipelines/:pipeline_id`, { config: { access: "write" }, schema: { params: pipelineParams } }, async (request) => {
    await deletePipeline(ctx, actorOf(request), request.params.pipeline_id);
    return null;
  });

  r.get(`${API}/runs`, { config: { access: "read" }, schema: { querystring: listQuery } }, (request) =>
    listRuns(ctx, actorOf(request), parseListParams(request.query, RUN_FILTERS)),
  );
  r.get(
    `${API}/workspaces/:workspace_name_or_id/runs`,
    { config: { access: "read" }, schema: { params: wsParams, querystring: listQuery } },
    (request) => listRuns(ctx, actorOf(request), parseListParams(request.query, RUN_FILTERS), request.params.workspace_name_or_id),
  );
  r.post(
    `${API}/workspaces/:workspace_name_or_id/runs`,
    { config: { access: "write" }, schema: { params: wsParams, body: runCreate } },
    (request) => createRun(ctx, actorOf(request), request.params.workspace_name_or_id, request.body),
  );
  r.get(`${API}/runs/:run_id`, { config: { access: "read" }, schema: { params: runParams } }, (request) =>
    getRun(ctx, actorOf(request), request.params.run_id),
  );
  r.put(`${API}/runs/:run_id`, { config: { access: "write" }, schema: { params: runParams, body: runUpdate } }, (request) =>
    updateRun(ctx, actorOf(request), request.params.run_id, request.body),
  );
  r.delete(`${API}/runs/:run_id`, { config: { access: "write" }, schema: { params: runParams } }, async (request) => {
    await deleteRun(ctx, actorOf(request), request.params.run_id);
    return null;
  });

  r.get(`${API}/workspaces/:workspace_name_or_id/statistics`, { config: { access: "read" }, schema: { params: wsParams } }, (request) =>
    workspaceStatistics(ctx, actorOf(request), request.params.workspace_name_or_id),
  );
};
