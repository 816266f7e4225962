/**
 * `/role_assignments` (users), `/team_role_assignments` (teams), and the per-workspace and
 * per-user views of them.
 */
import { teamRoleAssignmentCreate, userRoleAssignmentCreate } from "../../../core/schemas/roles.js";
import {
  createRoleAssignment,
  deleteRoleAssignment,
  getRoleAssignment,
  listRoleAssignments,
  TEAMS,
  USERS,
} from "../../services/role-assignments.js";
import { TEAM_ASSIGNMENT_FILTERS, USER_ASSIGNMENT_FILTERS } from "../../store/repos/assignments.js";
import { actorOf } from "../access.js";
import { parseListParams } from "../list-params.js";
import type { RouteModule } from "./index.js";
import { API, idParams, listQuery, nameOrIdParams, typed } from "./shared.js";

const assignmentParams = idParams("role_assignment_id");

export const roleAssignmentRoutes: RouteModule = (app, rt) => {
  const r = typed(app);
  const ctx = rt.ctx;

  r.get(`${API}/role_assignments`, { config: { access: "read" }, schema: { querystring: listQuery } }, (request) =>
    listRoleAssignments(ctx, actorOf(request), USERS, parseListParams(request.query, USER_ASSIGNMENT_FILTERS)),
  );
  r.post(`${API}/role_assignments`, { config: { access: "write" }, schema: { body: userRoleAssignmentCreate } }, (request) =>
    createRoleAssignment(ctx, actorOf(request), USERS, { ...request.body, principal: request.body.user }),
  );
  r.get(`${API}/role_assignments/:role_assignment_id`, { config: { access: "read" }, schema: { params: assignmentParams } }, (request) =>
    getRoleAssignment(ctx, actorOf(request), USERS, request.params.role_assignment_id),
  );
  r.delete(
    `${API}/role_assignments/:role_assignment_id`,
    { config: { access: "write" }, schema: { params: assignmentParams } },
    async (request) => {
      await deleteRoleAssignment(ctx, actorOf(request), USERS, request.params.role_assignment_id);
      return null;
    },
  );

  r.get(`${API}/team_role_assignments`, { config: { access: "read" }, schema: { querystring: listQuery } }, (request) =>
    listRoleAssignments(ctx, actorOf(request), TEAMS, parseListParams(request.query, TEAM_ASSIGNMENT_FILTERS)),
  );
  r.post(`${API}/team_role_assignments`, { config: { access: "write" }, schema: { body: teamRoleAssignmentCreate } }, (request) =>
    createRoleAssignment(ctx, actorOf(request), TEAMS, { ...request.body, principal: request.body.team }),
  );
  r.get(
    `${API}/team_role_assignments/:role_assignment_id`,
    { config: { access: "read" }, schema: { params: assignmentParams } },
    (request) => getRoleAssignment(ctx, actorOf(request), TEAMS, request.params.role_assignment_id),
  );
  r.delete(
    `${API}/team_role_assignments/:role_assignment_id`,
    { config: { access: "write" }, schema: { params: assignmentParams } },
    async (request) => {
      await deleteRoleAssignment(ctx, actorOf(request), TEAMS, request.params.role_assignment_id);
      return null;
    },
  );

  const wsParams = nameOrIdParams("workspace_name_or_id");
  r.get(
    `${API}/workspaces/:workspace_name_or_id/role_assignments`,
    { config: { access: "read" }, schema: { params: wsParams, querystring: listQuery } },
    (request) =>
      listRoleAssignments(ctx, actorOf(request), USERS, parseListParams(request.query, USER_ASSIGNMENT_FILTERS), {
        workspace: request.params.workspace_name_or_id,
      }),
  );
  r.get(
    `${API}/workspaces/:workspace_name_or_id/team_role_assignments`,
    { config: { access: "read" }, schema: { params: wsParams, querystring: listQuery } },
    (request) =>
      listRoleAssignments(ctx, actorOf(request), TEAMS, parseListParams(request.query, TEAM_ASSIGNMENT_FILTERS), {
        workspace: request.params.workspace_name_or_id,
      }),
  );
  // Unlike ZenML (which ignored the path), these list the named user's or team's assignments.
  r.get(
    `${API}/users/:user_name_or_id/roles`,
    { config: { access: "read" }, schema: { params: nameOrIdParams("user_name_or_id"), querystring: listQuery } },
    (request) =>
      listRoleAssignments(ctx, actorOf(request), USERS, parseListParams(request.query, USER_ASSIGNMENT_FILTERS), {
        principal: request.params.user_name_or_id,
      }),
  );
  r.get(
    `${API}/teams/:team_name_or_id/roles`,
    { config: { access: "read" }, schema: { params: nameOrIdParams("team_name_or_id"), querystring: listQuery } },
    (request) =>
      listRoleAssignments(ctx, actorOf(request), TEAMS, parseListParams(request.query, TEAM_ASSIGNMENT_FILTERS), {
        principal: request.params.team_name_or_id,
      }),
  );
};
