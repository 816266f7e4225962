/** `/teams`: list, create, get, update (rename keeps members), delete. */
import { teamCreate, teamUpdate } from "../../../core/schemas/teams.js";
import { createTeam, deleteTeam, getTeam, listTeams, updateTeam } from "../../services/teams.js";
import { TEAM_FILTERS } from "../../store/repos/teams.js";
import { actorOf } from "../access.js";
import { parseListParams } from "../list-params.js";
import type { RouteModule } from "./index.js";
import { API, listQuery, nameOrIdParams, typed } from "./shared.js";

const params = nameOrIdParams("team_name_or_id");

export const teamRoutes: RouteModule = (app, rt) => {
  const r = typed(app);
  const ctx = rt.ctx;
  r.get(`${API}/teams`, { config: { access: "read" }, schema: { querystring: listQuery } }, (request) =>
    listTeams(ctx, actorOf(request), parseListParams(request.query, TEAM_FILTERS)),
  );
  r.post(`${API}/teams`, { config: { access: "write" }, schema: { body: teamCreate } }, (request) =>
    createTeam(ctx, actorOf(request), request.body),
  );
  r.get(`${API}/teams/:team_name_or_id`, { config: { access: "read" }, schema: { params } }, (request) =>
    getTeam(ctx, actorOf(request), request.params.team_name_or_id),
  );
  r.put(`${API}/teams/:team_name_or_id`, { config: { access: "write" }, schema: { params, body: teamUpdate } }, (request) =>
    updateTeam(ctx, actorOf(request), request.params.team_name_or_id, request.body),
  );
  r.delete(`${API}/teams/:team_name_or_id`, { config: { access: "write" }, schema: { params } }, async (request) => {
    await deleteTeam(ctx, actorOf(request), request.params.team_name_or_id);
    return null;
  });
};
