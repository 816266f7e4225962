/**
 * The request each matrix line sends, per actor: the path with its target, and the body a caller
 * allowed to succeed would send (so a refusal is about access, never about the input). Bodies
 * that name their sender (ZenML clients repeat `user`) name the acting user. Targets that a success
 * consumes are made anew for every case; the rest come from the world (world.ts).
 */
import { randomUUID } from "node:crypto";
import { FLAVORS } from "../../src/server/services/flavors.js";
import type { WireRole, WireTeam, WireUser } from "../../src/server/presenters/wire.js";
import { assignRole, createRole, uniqueName, USER_PASSWORD } from "../helpers/fixtures.js";
import { expectStatus, type Api, type Body } from "../helpers/http.js";
import { createPipeline, createRun, pipelineBody, runBody } from "../helpers/pipelines.js";
import { API, componentBody, registerComponent, registerStack, stackBody, type Caller } from "../helpers/stacks.js";
import type { MatrixActor } from "./actors.js";
import type { World } from "./world.js";

export interface MatrixRequest {
  path: string;
  json?: Body;
  form?: Record<string, string>;
  /** Sent from this client instead of the actor's own (a second session of the same user). */
  api?: Api;
}

type Build = (w: World, actor: MatrixActor) => Promise<MatrixRequest> | MatrixRequest;

/** The acting user, or the admin for actors without one (their requests never get that far). */
const userOf = (w: World, actor: MatrixActor): WireUser => actor.user ?? w.actors.admin.user;
const callerOf = (w: World, actor: MatrixActor): Caller => ({ api: actor.api, user: userOf(w, actor) });

async function created<T>(w: World, path: string, body: Body): Promise<T> {
  return expectStatus(await w.admin.post(`${API}/${path}`, body), 200, `POST ${path}`).body as T;
}

const freshPendingUser = (w: World) => created<WireUser>(w, "users", { name: uniqueName("fresh") });
/** A pending user invited as an admin: protected by rule 9 like an active one, as it becomes one on sign-up. */
async function freshAdmin(w: World): Promise<WireUser> {
  const user = await freshPendingUser(w);
  await assignRole(w.admin, user.id, "admin");
  return user;
}
/** A team whose member is an admin: changing its roles or members acts on that admin. */
const freshTeamWithAdmin = async (w: World) =>
  created<WireTeam>(w, "teams", { name: uniqueName("team"), users: [(await freshAdmin(w)).id] });
const freshTeam = (w: World) => created<WireTeam>(w, "teams", { name: uniqueName("team") });
const freshStack = (w: World, shared: boolean) =>
  registerStack(w.owner, w.wsB, { orchestrator: w.sharedOrchestrator, artifactStore: w.sharedArtifactStore, shared });
const freshComponent = (w: World, shared: boolean) => registerComponent(w.owner, w.wsB, { type: "alerter", shared });

/** The id of the session `api` runs in. */
async function currentSession(api: Api): Promise<string> {
  const reply = await api.get(`${API}/current-user/sessions`);
  const sessions = Array.isArray(reply.body) ? (reply.body as { id: string; current: boolean }[]) : [];
  return sessions.find((s) => s.current)?.id ?? randomUUID();
}

/** A second session of the actor's user, for requests that end one. */
async function secondSession(actor: MatrixActor): Promise<Api | undefined> {
  return actor.freshSession ? (await actor.freshSession()).api : undefined;
}

type Principal = "user" | "team";
const assignmentsPath = (kind: Principal) => (kind === "user" ? "role_assignments" : "team_role_assignments");

/** The body giving a fresh principal the read-only role, globally or in B. */
async function readerAssignment(w: World, kind: Principal, fresh: (w: World) => Promise<{ id: string }>, inB: boolean): Promise<Body> {
  return { [kind]: (await fresh(w)).id, role: w.readerRole.id, ...(inB ? { workspace: w.wsB.id } : {}) };
}

const assignReader =
  (kind: Principal, fresh: (w: World) => Promise<{ id: string }>, inB: boolean): Build =>
  async (w) => ({ path: `${API}/${assignmentsPath(kind)}`, json: await readerAssignment(w, kind, fresh, inB) });

/** Revoking an assignment made anew for the case (a success consumes it). */
const revokeReader =
  (kind: Principal, fresh: (w: World) => Promise<{ id: string }>, inB: boolean): Build =>
  async (w) => {
    const assignment = await created<{ id: string }>(w, assignmentsPath(kind), await readerAssignment(w, kind, fresh, inB));
    return { path: `${API}/${assignmentsPath(kind)}/${assignment.id}` };
  };

const stacksPath = (w: World) => `${API}/workspaces/${w.wsB.id}/stacks`;

export const REQUESTS: Record<string, Build> = {
  "POST /api/v1/login -": (w) => ({ path: `${API}/login`, form: { username: w.bystander.name, password: USER_PASSWORD } }),
  "POST /api/v1/logout -": async (w, actor) => ({ path: `${API}/logout`, api: await secondSession(actor) }),
  "PUT /api/v1/current-user -": () => ({ path: `${API}/current-user`, json: { full_name: "Matrix Self" } }),
  "GET /api/v1/current-user/sessions/:session_id own": async (_w, actor) => ({
    path: `${API}/current-user/sessions/${await currentSession(actor.api)}`,
  }),
  "GET /api/v1/current-user/sessions/:session_id other": (w) => ({ path: `${API}/current-user/sessions/${w.bystanderSession}` }),
  "DELETE /api/v1/current-user/sessions/:session_id own": async (_w, actor) => {
    const second = await secondSession(actor);
    return { path: `${API}/current-user/sessions/${second ? await currentSession(second) : randomUUID()}` };
  },
  "DELETE /api/v1/current-user/sessions/:session_id other": (w) => ({ path: `${API}/current-user/sessions/${w.bystanderSession}` }),

  "POST /api/v1/users -": () => ({ path: `${API}/users`, json: { name: uniqueName("invited") } }),
  "GET /api/v1/users/:user_name_or_id other": (w) => ({ path: `${API}/users/${w.bystander.name}` }),
  "PUT /api/v1/users/:user_name_or_id other": (w) => ({ path: `${API}/users/${w.bystander.name}`, json: { full_name: "Matrix Other" } }),
  "PUT /api/v1/users/:user_name_or_id self": (w, actor) => ({
    path: `${API}/users/${userOf(w, actor).name}`,
    json: { full_name: "Matrix Self" },
  }),
  "DELETE /api/v1/users/:user_name_or_id fresh": async (w) => ({ path: `${API}/users/${(await freshPendingUser(w)).name}` }),
  "DELETE /api/v1/users/:user_name_or_id self": (w, actor) => ({ path: `${API}/users/${userOf(w, actor).id}` }),
  "PUT /api/v1/users/:user_name_or_id/activate fresh": async (w) => {
    const user = await freshPendingUser(w);
    return { path: `${API}/users/${user.id}/activate`, json: { activation_token: user.activation_token, password: USER_PASSWORD } };
  },
  "PUT /api/v1/users/:user_name_or_id/deactivate fresh": async (w) => ({
    path: `${API}/users/${(await freshPendingUser(w)).id}/deactivate`,
  }),
  "PUT /api/v1/users/:user_name_or_id/unlock other": (w) => ({ path: `${API}/users/${w.bystander.name}/unlock` }),
  "PUT /api/v1/users/:user_name_or_id/email-opt-in self": (w, actor) => ({
    path: `${API}/users/${userOf(w, actor).id}/email-opt-in`,
    json: { email_opted_in: false },
  }),
  "PUT /api/v1/users/:user_name_or_id/email-opt-in other": (w) => ({
    path: `${API}/users/${w.bystander.id}/email-opt-in`,
    json: { email_opted_in: false },
  }),
  "GET /api/v1/users/:user_name_or_id/roles other": (w) => ({ path: `${API}/users/${w.bystander.name}/roles` }),
  "GET /api/v1/users/:user_name_or_id admin": (w) => ({ path: `${API}/users/${w.otherAdmin.id}` }),
  "PUT /api/v1/users/:user_name_or_id admin": (w) => ({ path: `${API}/users/${w.otherAdmin.id}`, json: { full_name: "Matrix Admin" } }),
  "DELETE /api/v1/users/:user_name_or_id admin": async (w) => ({ path: `${API}/users/${(await freshAdmin(w)).id}` }),
  "PUT /api/v1/users/:user_name_or_id/deactivate admin": async (w) => ({ path: `${API}/users/${(await freshAdmin(w)).id}/deactivate` }),
  "PUT /api/v1/users/:user_name_or_id/unlock admin": (w) => ({ path: `${API}/users/${w.otherAdmin.id}/unlock` }),
  "PUT /api/v1/users/:user_name_or_id/email-opt-in admin": (w) => ({
    path: `${API}/users/${w.otherAdmin.id}/email-opt-in`,
    json: { email_opted_in: false },
  }),
  "GET /api/v1/users/:user_name_or_id/roles admin": (w) => ({ path: `${API}/users/${w.otherAdmin.id}/roles` }),

  "POST /api/v1/roles read": () => ({ path: `${API}/roles`, json: { name: uniqueName("role"), permissions: ["read"] } }),
  "POST /api/v1/roles all": () => ({ path: `${API}/roles`, json: { name: uniqueName("role"), permissions: ["read", "write", "me"] } }),
  "GET /api/v1/roles/:role_name_or_id custom": (w) => ({ path: `${API}/roles/${w.readerRole.name}` }),
  "PUT /api/v1/roles/:role_name_or_id custom": (w) => ({ path: `${API}/roles/${w.readerRole.id}`, json: { permissions: ["read"] } }),
  // Taking `write` from a role an admin holds takes it from the admin.
  "PUT /api/v1/roles/:role_name_or_id admin": async (w) => {
    const role = await createRole(w.admin, ["read", "write"]);
    await assignRole(w.admin, (await freshAdmin(w)).id, role.id);
    return { path: `${API}/roles/${role.id}`, json: { permissions: ["read"] } };
  },
  "PUT /api/v1/roles/:role_name_or_id builtin": () => ({ path: `${API}/roles/admin`, json: { permissions: ["read", "write", "me"] } }),
  "DELETE /api/v1/roles/:role_name_or_id fresh": async (w) => ({ path: `${API}/roles/${(await createRole(w.admin, ["read"])).id}` }),

  // The built-in guest role carries `me`, which rw does not hold: assigning it would escalate.
  "POST /api/v1/role_assignments global": async (w) => {
    const guest = expectStatus(await w.admin.get(`${API}/roles/guest`), 200, "guest role").body as WireRole;
    return { path: `${API}/role_assignments`, json: { user: (await freshPendingUser(w)).id, role: guest.id } };
  },
  "POST /api/v1/role_assignments B": assignReader("user", freshPendingUser, true),
  "POST /api/v1/role_assignments admin": assignReader("user", freshAdmin, false),
  "POST /api/v1/role_assignments adminB": assignReader("user", freshAdmin, true),
  "DELETE /api/v1/role_assignments/:role_assignment_id admin": revokeReader("user", freshAdmin, false),
  "DELETE /api/v1/role_assignments/:role_assignment_id adminB": revokeReader("user", freshAdmin, true),
  "GET /api/v1/role_assignments/:role_assignment_id global": (w) => ({ path: `${API}/role_assignments/${w.globalAssignment.id}` }),
  "GET /api/v1/role_assignments/:role_assignment_id admin": (w) => ({ path: `${API}/role_assignments/${w.otherAdminAssignment.id}` }),
  "GET /api/v1/role_assignments/:role_assignment_id B": (w) => ({ path: `${API}/role_assignments/${w.wsBAssignment.id}` }),
  "DELETE /api/v1/role_assignments/:role_assignment_id global": revokeReader("user", freshPendingUser, false),
  "DELETE /api/v1/role_assignments/:role_assignment_id B": revokeReader("user", freshPendingUser, true),
  "POST /api/v1/team_role_assignments global": assignReader("team", freshTeam, false),
  "POST /api/v1/team_role_assignments B": assignReader("team", freshTeam, true),
  "POST /api/v1/team_role_assignments admin": assignReader("team", freshTeamWithAdmin, false),
  "POST /api/v1/team_role_assignments adminB": assignReader("team", freshTeamWithAdmin, true),
  "DELETE /api/v1/team_role_assignments/:role_assignment_id adminB": revokeReader("team", freshTeamWithAdmin, true),
  "GET /api/v1/team_role_assignments/:role_assignment_id B": (w) => ({ path: `${API}/team_role_assignments/${w.teamAssignment.id}` }),
  "DELETE /api/v1/team_role_assignments/:role_assignment_id B": revokeReader("team", freshTeam, true),
  "GET /api/v1/workspaces/:workspace_name_or_id/role_assignments B": (w) => ({
    path: `${API}/workspaces/${w.wsB.name}/role_assignments`,
  }),
  "GET /api/v1/workspaces/:workspace_name_or_id/team_role_assignments B": (w) => ({
    path: `${API}/workspaces/${w.wsB.id}/team_role_assignments`,
  }),

  "POST /api/v1/teams -": () => ({ path: `${API}/teams`, json: { name: uniqueName("team") } }),
  "POST /api/v1/teams admin": (w) => ({ path: `${API}/teams`, json: { name: uniqueName("team"), users: [w.otherAdmin.id] } }),
  "GET /api/v1/teams/:team_name_or_id plain": (w) => ({ path: `${API}/teams/${w.plainTeam.name}` }),
  "PUT /api/v1/teams/:team_name_or_id plain": (w) => ({ path: `${API}/teams/${w.plainTeam.id}`, json: {} }),
  "DELETE /api/v1/teams/:team_name_or_id fresh": async (w) => ({ path: `${API}/teams/${(await freshTeam(w)).id}` }),
  "PUT /api/v1/teams/:team_name_or_id admin": async (w) => ({
    path: `${API}/teams/${w.plainTeam.id}`,
    json: { users: [(await freshAdmin(w)).id] },
  }),
  "DELETE /api/v1/teams/:team_name_or_id admin": async (w) => ({ path: `${API}/teams/${(await freshTeamWithAdmin(w)).id}` }),
  "GET /api/v1/teams/:team_name_or_id/roles plain": (w) => ({ path: `${API}/teams/${w.plainTeam.id}/roles` }),
  "GET /api/v1/teams/:team_name_or_id admin": (w) => ({ path: `${API}/teams/${w.adminTeam.id}` }),

  "POST /api/v1/workspaces -": () => ({ path: `${API}/workspaces`, json: { name: uniqueName("ws") } }),
  "GET /api/v1/workspaces/:workspace_name_or_id B": (w) => ({ path: `${API}/workspaces/${w.wsB.name}` }),
  "PUT /api/v1/workspaces/:workspace_name_or_id B": (w) => ({ path: `${API}/workspaces/${w.wsB.id}`, json: { description: "matrix" } }),
  "DELETE /api/v1/workspaces/:workspace_name_or_id fresh": async (w) => ({
    path: `${API}/workspaces/${(await created<{ id: string }>(w, "workspaces", { name: uniqueName("ws") })).id}`,
  }),
  "GET /api/v1/workspaces/:workspace_name_or_id/statistics B": (w) => ({ path: `${API}/workspaces/${w.wsB.id}/statistics` }),

  "GET /api/v1/workspaces/:workspace_name_or_id/stacks B": (w) => ({ path: stacksPath(w) }),
  "POST /api/v1/workspaces/:workspace_name_or_id/stacks B": (w, actor) => ({
    path: stacksPath(w),
    json: stackBody(callerOf(w, actor), w.wsB, { orchestrator: w.sharedOrchestrator, artifactStore: w.sharedArtifactStore }),
  }),
  "GET /api/v1/stacks/:stack_id private": (w) => ({ path: `${API}/stacks/${w.privateStack.id}` }),
  "GET /api/v1/stacks/:stack_id shared": (w) => ({ path: `${API}/stacks/${w.sharedStack.id}` }),
  "PUT /api/v1/stacks/:stack_id private": (w) => ({ path: `${API}/stacks/${w.privateStack.id}`, json: { description: "matrix" } }),
  "PUT /api/v1/stacks/:stack_id shared": (w) => ({ path: `${API}/stacks/${w.sharedStack.id}`, json: { description: "matrix" } }),
  "DELETE /api/v1/stacks/:stack_id private": async (w) => ({ path: `${API}/stacks/${(await freshStack(w, false)).id}` }),
  "DELETE /api/v1/stacks/:stack_id shared": async (w) => ({ path: `${API}/stacks/${(await freshStack(w, true)).id}` }),

  "GET /api/v1/workspaces/:workspace_name_or_id/components B": (w) => ({ path: `${API}/workspaces/${w.wsB.id}/components` }),
  "POST /api/v1/workspaces/:workspace_name_or_id/components B": (w, actor) => ({
    path: `${API}/workspaces/${w.wsB.id}/components`,
    json: componentBody(callerOf(w, actor), w.wsB, { type: "alerter" }),
  }),
  "GET /api/v1/components/:component_id private": (w) => ({ path: `${API}/components/${w.privateComponent.id}` }),
  "GET /api/v1/components/:component_id shared": (w) => ({ path: `${API}/components/${w.sharedComponent.id}` }),
  "PUT /api/v1/components/:component_id private": (w) => ({
    path: `${API}/components/${w.privateComponent.id}`,
    json: { configuration: { matrix: true } },
  }),
  "PUT /api/v1/components/:component_id shared": (w) => ({
    path: `${API}/components/${w.sharedComponent.id}`,
    json: { configuration: { matrix: true } },
  }),
  "DELETE /api/v1/components/:component_id private": async (w) => ({ path: `${API}/components/${(await freshComponent(w, false)).id}` }),
  "DELETE /api/v1/components/:component_id shared": async (w) => ({ path: `${API}/components/${(await freshComponent(w, true)).id}` }),
  "GET /api/v1/flavors/:flavor_id -": () => ({ path: `${API}/flavors/${FLAVORS[0]!.id}` }),

  "GET /api/v1/workspaces/:workspace_name_or_id/pipelines B": (w) => ({ path: `${API}/workspaces/${w.wsB.id}/pipelines` }),
  "POST /api/v1/workspaces/:workspace_name_or_id/pipelines B": (w, actor) => ({
    path: `${API}/workspaces/${w.wsB.id}/pipelines`,
    json: pipelineBody(callerOf(w, actor), w.wsB),
  }),
  "GET /api/v1/pipelines/:pipeline_id B": (w) => ({ path: `${API}/pipelines/${w.pipeline.id}` }),
  "PUT /api/v1/pipelines/:pipeline_id B": (w) => ({ path: `${API}/pipelines/${w.pipeline.id}`, json: { docstring: "matrix" } }),
  "DELETE /api/v1/pipelines/:pipeline_id fresh": async (w) => ({ path: `${API}/pipelines/${(await createPipeline(w.owner, w.wsB)).id}` }),
  "GET /api/v1/workspaces/:workspace_name_or_id/runs B": (w) => ({ path: `${API}/workspaces/${w.wsB.id}/runs` }),
  "POST /api/v1/workspaces/:workspace_name_or_id/runs B": (w, actor) => ({
    path: `${API}/workspaces/${w.wsB.id}/runs`,
    json: runBody(callerOf(w, actor), w.wsB),
  }),
  "GET /api/v1/runs/:run_id B": (w) => ({ path: `${API}/runs/${w.run.id}` }),
  "PUT /api/v1/runs/:run_id B": (w) => ({ path: `${API}/runs/${w.run.id}`, json: { status: "running" } }),
  "DELETE /api/v1/runs/:run_id fresh": async (w) => ({ path: `${API}/runs/${(await createRun(w.owner, w.wsB)).id}` }),

  "GET /docs/static/* -": () => ({ path: "/docs/static/index.css" }),
  "GET /* -": () => ({ path: "/settings/members" }),
  "GET /assets/* -": () => ({ path: "/assets/missing.js" }),
};

/** A line without params or body needs no builder: its route as is. */
export function requestFor(key: string, url: string): Build | undefined {
  return REQUESTS[key] ?? (url.includes(":") || url.includes("*") ? undefined : () => ({ path: url }));
}
