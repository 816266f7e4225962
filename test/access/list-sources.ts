/**
 * For every list route, what the matrix compares it with (SPEC §9: lists return exactly what single
 * gets allow): the paths to list (one per workspace, user or team a parameter can name), the ids
 * the store holds that such a list could show, and the single GET of one id.
 */
import type { Kysely } from "kysely";
import { FLAVORS } from "../../src/server/services/flavors.js";
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
function workspaceLists(plural: string, table: "stack" | "stack_component" | "pipeline" | "pipeline_run"): Record<string, ListSource> {
  const single = (id: string) => `${API}/${plural}/${id}`;
  return {
    [`GET /api/v1/${plural}`]: { single, instances: () => [{ path: `${API}/${plural}`, universe: everything(table) }] },
    [`GET /api/v1/workspaces/:workspace_name_or_id/${plural}`]: {
      single,
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

const userAssignment = (id: string) => `${API}/role_assignments/${id}`;
const teamAssignment = (id: string) => `${API}/team_role_assignments/${id}`;

export const LIST_SOURCES: Record<string, ListSource> = {
  "GET /api/v1/users": { single: (id) => `${API}/users/${id}`, instances: () => [{ path: `${API}/users`, universe: everything("users") }] },
  "GET /api/v1/roles": { single: (id) => `${API}/roles/${id}`, instances: () => [{ path: `${API}/roles`, universe: everything("role") }] },
  "GET /api/v1/teams": { single: (id) => `${API}/teams/${id}`, instances: () => [{ path: `${API}/teams`, universe: everything("team") }] },
  "GET /api/v1/workspaces": {
    single: (id) => `${API}/workspaces/${id}`,
    instances: () => [{ path: `${API}/workspaces`, universe: everything("workspace") }],
  },
  "GET /api/v1/current-user/sessions": {
    single: (id) => `${API}/current-user/sessions/${id}`,
    instances: () => [{ path: `${API}/current-user/sessions`, universe: everything("session") }],
  },
  "GET /api/v1/flavors": {
    single: (id) => `${API}/flavors/${id}`,
    instances: () => [{ path: `${API}/flavors`, universe: async () => FLAVORS.map((f) => f.id) }],
  },
  "GET /api/v1/role_assignments": {
    single: userAssignment,
    instances: () => [{ path: `${API}/role_assignments`, universe: assignments("user_id") }],
  },
  "GET /api/v1/team_role_assignments": {
    single: teamAssignment,
    instances: () => [{ path: `${API}/team_role_assignments`, universe: assignments("team_id") }],
  },
  "GET /api/v1/workspaces/:workspace_name_or_id/role_assignments": {
    single: userAssignment,
    instances: (w) =>
      [w.wsA, w.wsB].map((ws) => ({
        path: `${API}/workspaces/${ws.id}/role_assignments`,
        universe: assignments("user_id", { column: "workspace_id", value: ws.id }),
      })),
  },
  "GET /api/v1/workspaces/:workspace_name_or_id/team_role_assignments": {
    single: teamAssignment,
    instances: (w) =>
      [w.wsA, w.wsB].map((ws) => ({
        path: `${API}/workspaces/${ws.id}/team_role_assignments`,
        universe: assignments("team_id", { column: "workspace_id", value: ws.id }),
      })),
  },
  "GET /api/v1/users/:user_name_or_id/roles": {
    single: userAssignment,
    instances: (w) =>
      [w.bystander, w.actors.byName.team.user!].map((user) => ({
        path: `${API}/users/${user.id}/roles`,
        universe: assignments("user_id", { column: "user_id", value: user.id }),
      })),
  },
  "GET /api/v1/teams/:team_name_or_id/roles": {
    single: teamAssignment,
    instances: (w) =>
      [w.plainTeam.id, w.teamAssignment.team.id].map((team) => ({
        path: `${API}/teams/${team}/roles`,
        universe: assignments("team_id", { column: "team_id", value: team }),
      })),
  },
  ...workspaceLists("stacks", "stack"),
  ...workspaceLists("components", "stack_component"),
  ...workspaceLists("pipelines", "pipeline"),
  ...workspaceLists("runs", "pipeline_run"),
};
