/**
 * For every list route, what the matrix compares it with (SPEC §9: lists return exactly what single
 * gets allow): the paths to list (one per workspace, user or team a parameter can name), the ids
 * the store holds that such a list could show, the single GET of one id, and the list's filter
 * description, whose fields are probed with filters and sorts (field-filter-check.ts).
 */
import type { Kysely } from "kysely";
import { FLAVOR_FILTERS, FLAVORS } from "../../src/server/services/flavors.js";
import type { FilterSpec } from "../../src/server/store/list-query.js";
import { TEAM_ASSIGNMENT_FILTERS, USER_ASSIGNMENT_FILTERS } from "../../src/server/store/repos/assignments.js";
import { COMPONENT_FILTERS } from "../../src/server/store/repos/components.js";
import { PIPELINE_FILTERS } from "../../src/server/store/repos/pipelines.js";
import { ROLE_FILTERS } from "../../src/server/store/repos/roles.js";
import { RUN_FILTERS } from "../../src/server/store/repos/runs.js";
import { STACK_FILTERS } from "../../src/server/store/repos/stacks.js";
import { TEAM_FILTERS } from "../../src/server/store/repos/teams.js";
import { USER_FILTERS } from "../../src/server/store/repos/users.js";
import { WORKSPACE_FILTERS } from "../../src/server/store/repos/workspaces.js";
import type { Database } from "../../src/server/store/schema.js";
import { API } from "../helpers/stacks.js";
import type { World } from "./world.js";

type Db = Kysely<Database>;

export interface ListInstance {
  path: string;
  /** Ids of every row the list could show anyone. */
  universe(db: Db): Promise<string[]>;
}

export interface ListSource {
  instances(w: World): ListInstance[];
  single(id: string): string;
  /** The filter description the route parses its query with; null for a list that takes no filters. */
  fields: FilterSpec | null;
}

/** Lists without a single GET to compare with, and why. */
export const UNCOMPARED_LISTS: Record<string, string> = {
  "GET /api/v1/audit_events": "audit events have no single GET; the list is for global writers only (matrix line)",
};

type Table = "users" | "role" | "team" | "workspace" | "stack" | "stack_component" | "pipeline" | "pipeline_run" | "session";
type Scope = "workspace_id" | "user_id" | "team_id";

const ids = async (rows: Promise<{ id: string }[]>) => (await rows).map((r) => r.id);
const everything = (table: Table) => (db: Db) => ids(db.selectFrom(table).select("id").execute());
const assignments = (principal: "user_id" | "team_id", scope?: { column: Scope; value: string }) => (db: Db) => {
  let query = db.selectFrom("role_assignment").select("id").where(principal, "is not", null);
  if (scope) query = query.where(scope.column, "=", scope.value);
  return ids(query.execute());
};
const inWorkspace = (table: "stack" | "stack_component" | "pipeline" | "pipeline_run", ws: string) => (db: Db) =>
  ids(db.selectFrom(table).select("id").where("workspace_id", "=", ws).execute());

const workspaces = (w: World) => ["default", w.wsA.id, w.wsB.id];

/** A workspace-scoped list per workspace of the world, and its unscoped twin. */
function workspaceLists(
  plural: string,
  table: "stack" | "stack_component" | "pipeline" | "pipeline_run",
  fields: FilterSpec,
): Record<string, ListSource> {
  const single = (id: string) => `${API}/${plural}/${id}`;
  return {
    [`GET /api/v1/${plural}`]: { single, fields, instances: () => [{ path: `${API}/${plural}`, universe: everything(table) }] },
    [`GET /api/v1/workspaces/:workspace_name_or_id/${plural}`]: {
      single,
      fields,
      instances: (w) =>
        workspaces(w).map((ws) => ({
          path: `${API}/workspaces/${ws}/${plural}`,
          universe: async (db) => {
            const row = await db.selectFrom("workspace").select("id").where("name", "=", ws).executeTakeFirst();
            return inWorkspace(table, row?.id ?? ws)(db);
          },
        })),
    },
  };
}

/** A list of global resources, each with its single GET below the list's path. */
const globalList = (plural: string, table: Table, fields: FilterSpec | null): ListSource => ({
  single: (id) => `${API}/${plural}/${id}`,
  fields,
  instances: () => [{ path: `${API}/${plural}`, universe: everything(table) }],
});

const userAssignment = (id: string) => `${API}/role_assignments/${id}`;
const teamAssignment = (id: string) => `${API}/team_role_assignments/${id}`;

/** The user or team assignments of workspaces A and B, each listed under its workspace. */
function assignmentsInWorkspaces(principal: "user_id" | "team_id"): ListSource {
  const plural = principal === "user_id" ? "role_assignments" : "team_role_assignments";
  return {
    single: principal === "user_id" ? userAssignment : teamAssignment,
    fields: principal === "user_id" ? USER_ASSIGNMENT_FILTERS : TEAM_ASSIGNMENT_FILTERS,
    instances: (w) =>
      [w.wsA, w.wsB].map((ws) => ({
        path: `${API}/workspaces/${ws.id}/${plural}`,
        universe: assignments(principal, { column: "workspace_id", value: ws.id }),
      })),
  };
}

export const LIST_SOURCES: Record<string, ListSource> = {
  "GET /api/v1/users": globalList("users", "users", USER_FILTERS),
  "GET /api/v1/roles": globalList("roles", "role", ROLE_FILTERS),
  "GET /api/v1/teams": globalList("teams", "team", TEAM_FILTERS),
  "GET /api/v1/workspaces": globalList("workspaces", "workspace", WORKSPACE_FILTERS),
  "GET /api/v1/current-user/sessions": globalList("current-user/sessions", "session", null),
  "GET /api/v1/flavors": {
    single: (id) => `${API}/flavors/${id}`,
    fields: FLAVOR_FILTERS,
    instances: () => [{ path: `${API}/flavors`, universe: async () => FLAVORS.map((f) => f.id) }],
  },
  "GET /api/v1/role_assignments": {
    single: userAssignment,
    fields: USER_ASSIGNMENT_FILTERS,
    instances: () => [{ path: `${API}/role_assignments`, universe: assignments("user_id") }],
  },
  "GET /api/v1/team_role_assignments": {
    single: teamAssignment,
    fields: TEAM_ASSIGNMENT_FILTERS,
    instances: () => [{ path: `${API}/team_role_assignments`, universe: assignments("team_id") }],
  },
  "GET /api/v1/workspaces/:workspace_name_or_id/role_assignments": assignmentsInWorkspaces("user_id"),
  "GET /api/v1/workspaces/:workspace_name_or_id/team_role_assignments": assignmentsInWorkspaces("team_id"),
  "GET /api/v1/users/:user_name_or_id/roles": {
    single: userAssignment,
    fields: USER_ASSIGNMENT_FILTERS,
    instances: (w) =>
      [w.bystander, w.actors.byName.team.user!].map((user) => ({
        path: `${API}/users/${user.id}/roles`,
        universe: assignments("user_id", { column: "user_id", value: user.id }),
      })),
  },
  "GET /api/v1/teams/:team_name_or_id/roles": {
    single: teamAssignment,
    fields: TEAM_ASSIGNMENT_FILTERS,
    instances: (w) =>
      [w.plainTeam.id, w.teamAssignment.team.id].map((team) => ({
        path: `${API}/teams/${team}/roles`,
        universe: assignments("team_id", { column: "team_id", value: team }),
      })),
  },
  ...workspaceLists("stacks", "stack", STACK_FILTERS),
  ...workspaceLists("components", "stack_component", COMPONENT_FILTERS),
  ...workspaceLists("pipelines", "pipeline", PIPELINE_FILTERS),
  ...workspaceLists("runs", "pipeline_run", RUN_FILTERS),
};
