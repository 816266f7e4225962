/** `/roles`: list, create, get, update, delete. */
import { roleCreate, roleUpdate } from "../../../core/schemas/roles.js";
import { createRole, deleteRole, getRole, listRoles, updateRole } from "../../services/roles.js";
import { ROLE_FILTERS } from "../../store/repos/roles.js";
import { actorOf } from "../access.js";
import { parseListParams } from "../list-params.js";
import type { RouteModule } from "./index.js";
import { API, listQuery, nameOrIdParams, typed } from "./shared.js";

const params = nameOrIdParams("role_name_or_id");

export const roleRoutes: RouteModule = (app, rt) => {
  const r = typed(app);
  const ctx = rt.ctx;
  r.get(`${API}/roles`, { config: { access: "read" }, schema: { querystring: listQuery } }, (request) =>
    listRoles(ctx, actorOf(request), parseListParams(request.query, ROLE_FILTERS)),
  );
  r.post(`${API}/roles`, { config: { access: "write" }, schema: { body: roleCreate } }, (request) =>
    createRole(ctx, actorOf(request), request.body),
  );
  r.get(`${API}/roles/:role_name_or_id`, { config: { access: "read" }, schema: { params } }, (request) =>
    getRole(ctx, actorOf(request), request.params.role_name_or_id),
  );
  r.put(`${API}/roles/:role_name_or_id`, { config: { access: "write" }, schema: { params, body: roleUpdate } }, (request) =>
    updateRole(ctx, actorOf(request), request.params.role_name_or_id, request.body),
  );
  r.delete(`${API}/roles/:role_name_or_id`, { config: { access: "write" }, schema: { params } }, async (request) => {
    await deleteRole(ctx, actorOf(request), request.params.role_name_or_id);
    return null;
  });
};
