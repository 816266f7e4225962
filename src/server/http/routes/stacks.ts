/** `/stacks` and `/workspaces/{ws}/stacks`: list, create, get, update (share, unshare), delete. */
import { z } from "zod";
import { stackCreate, stackUpdate } from "../../../core/schemas/stacks.js";
import { createStack, deleteStack, getStack, listStacks, updateStack } from "../../services/stacks.js";
import { STACK_FILTERS } from "../../store/repos/stacks.js";
import { actorOf } from "../access.js";
import { parseListParams } from "../list-params.js";
import type { RouteModule } from "./index.js";
import { API, idParams, listQuery, nameOrIdParams, typed } from "./shared.js";

/** ZenML's hidden list parameters: `scope_workspace` narrows to one workspace; `scope_user` is implied (the caller). */
export const scopedListQuery = listQuery.extend({
  scope_workspace: z.uuid({ message: "value is not a valid uuid" }).optional(),
  scope_user: z.string().optional(),
});

const params = idParams("stack_id");
const wsParams = nameOrIdParams("workspace_name_or_id");

export const stackRoutes: RouteModule = (app, rt) => {
  const r = typed(app);
  const ctx = rt.ctx;
  r.get(`${API}/stacks`, { config: { access: "read" }, schema: { querystring: scopedListQuery } }, (request) =>
    listStacks(ctx, actorOf(request), parseListParams(request.query, STACK_FILTERS), { scopeWorkspace: request.query.scope_workspace }),
  );
  r.get(
    `${API}/workspaces/:workspace_name_or_id/stacks`,
    { config: { access: "read" }, schema: { params: wsParams, querystring: scopedListQuery } },
    (request) =>
      listStacks(ctx, actorOf(request), parseListParams(request.query, STACK_FILTERS), { workspace: request.params.workspace_name_or_id }),
  );
  r.post(
    `${API}/workspaces/:workspace_name_or_id/stacks`,
    { config: { access: "write" }, schema: { params: wsParams, body: stackCreate } },
    (request) => createStack(ctx, actorOf(request), request.params.workspace_name_or_id, request.body),
  );
  r.get(`${API}/stacks/:stack_id`, { config: { access: "read" }, schema: { params } }, (request) =>
    getStack(ctx, actorOf(request), request.params.stack_id),
  );
  r.put(`${API}/stacks/:stack_id`, { config: { access: "write" }, schema: { params, body: stackUpdate } }, (request) =>
    updateStack(ctx, actorOf(request), request.params.stack_id, request.body),
  );
  r.delete(`${API}/stacks/:stack_id`, { config: { access: "write" }, schema: { params } }, async (request) => {
    await deleteStack(ctx, actorOf(request), request.params.stack_id);
    return null;
  });
};
