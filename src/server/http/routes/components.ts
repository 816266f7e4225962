/**
 * `/components` and `/workspaces/{ws}/components`: list, create, get, update (share, unshare),
 * delete; and the catalogue the ZenML CLI reads to register them: `/component-types`, `/flavors`.
 */
import { componentCreate, componentType, componentUpdate } from "../../../core/schemas/stacks.js";
import { createComponent, deleteComponent, getComponent, listComponents, updateComponent } from "../../services/components.js";
import { componentTypes, FLAVOR_FILTERS, getFlavor, listFlavors } from "../../services/flavors.js";
import { COMPONENT_FILTERS } from "../../store/repos/components.js";
import { actorOf } from "../access.js";
import { parseListParams } from "../list-params.js";
import type { RouteModule } from "./index.js";
import { API, idParams, nameOrIdParams, typed } from "./shared.js";
import { scopedListQuery } from "./stacks.js";

/** ZenML's hidden `scope_type` (the dashboard and CLI send it) narrows to one component type. */
const componentListQuery = scopedListQuery.extend({ scope_type: componentType.optional() });
const params = idParams("component_id");
const wsParams = nameOrIdParams("workspace_name_or_id");

export const componentRoutes: RouteModule = (app, rt) => {
  const r = typed(app);
  const ctx = rt.ctx;
  r.get(`${API}/components`, { config: { access: "read" }, schema: { querystring: componentListQuery } }, (request) =>
    listComponents(ctx, actorOf(request), parseListParams(request.query, COMPONENT_FILTERS), {
      scopeWorkspace: request.query.scope_workspace,
      scopeType: request.query.scope_type,
    }),
  );
  r.get(
    `${API}/workspaces/:workspace_name_or_id/components`,
    { config: { access: "read" }, schema: { params: wsParams, querystring: componentListQuery } },
    (request) =>
      listComponents(ctx, actorOf(request), parseListParams(request.query, COMPONENT_FILTERS), {
        workspace: request.params.workspace_name_or_id,
        scopeType: request.query.scope_type,
      }),
  );
  r.post(
    `${API}/workspaces/:workspace_name_or_id/components`,
    { config: { access: "write" }, schema: { params: wsParams, body: componentCreate } },
    (request) => createComponent(ctx, actorOf(request), request.params.workspace_name_or_id, request.body),
  );
  r.get(`${API}/components/:component_id`, { config: { access: "read" }, schema: { params } }, (request) =>
    getComponent(ctx, actorOf(request), request.params.component_id),
  );
  r.put(`${API}/components/:component_id`, { config: { access: "write" }, schema: { params, body: componentUpdate } }, (request) =>
    updateComponent(ctx, actorOf(request), request.params.component_id, request.body),
  );
  r.delete(`${API}/components/:component_id`, { config: { access: "write" }, schema: { params } }, async (request) => {
    await deleteComponent(ctx, actorOf(request), request.params.component_id);
    return null;
  });

  // The catalogue is the same for everyone who reads anywhere.
  r.get(`${API}/component-types`, { config: { access: "read" } }, async () => componentTypes());
  r.get(`${API}/flavors`, { config: { access: "read" }, schema: { querystring: scopedListQuery } }, async (request) =>
    listFlavors(parseListParams(request.query, FLAVOR_FILTERS)),
  );
  r.get(`${API}/flavors/:flavor_id`, { config: { access: "read" }, schema: { params: idParams("flavor_id") } }, async (request) =>
    getFlavor(request.params.flavor_id),
  );
};
