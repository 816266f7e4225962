/** `/workspaces`: list, create, get, update, delete. */
import { workspaceCreate, workspaceUpdate } from "../../../core/schemas/workspaces.js";
import { createWorkspace, deleteWorkspace, getWorkspace, listWorkspaces, updateWorkspace } from "../../services/workspaces.js";
import { WORKSPACE_FILTERS } from "../../store/repos/workspaces.js";
import { actorOf } from "../access.js";
import { parseListParams } from "../list-params.js";
import type { RouteModule } from "./index.js";
import { API, listQuery, nameOrIdParams, typed } from "./shared.js";

const params = nameOrIdParams("workspace_name_or_id");

export const workspaceRoutes: RouteModule = (app, rt) => {
  const r = typed(app);
  const ctx = rt.ctx;
  r.get(`${API}/workspaces`, { config: { access: "read" }, schema: { querystring: listQuery } }, (request) =>
    listWorkspaces(ctx, actorOf(request), parseListParams(request.query, WORKSPACE_FILTERS)),
  );
  r.post(`${API}/workspaces`, { config: { access: "write" }, schema: { body: workspaceCreate } }, (request) =>
    createWorkspace(ctx, actorOf(request), request.body),
  );
  r.get(`${API}/workspaces/:workspace_name_or_id`, { config: { access: "read" }, schema: { params } }, (request) =>
    getWorkspace(ctx, actorOf(request), request.params.workspace_name_or_id),
  );
  r.put(`${API}/workspaces/:workspace_name_or_id`, { config: { access: "write" }, schema: { params, body: workspaceUpdate } }, (request) =>
    updateWorkspace(ctx, actorOf(request), request.params.workspace_name_or_id, request.body),
  );
  r.delete(`${API}/workspaces/:workspace_name_or_id`, { config: { access: "write" }, schema: { params } }, async (request) => {
    await deleteWorkspace(ctx, actorOf(request), request.params.workspace_name_or_id);
    return null;
  });
};
