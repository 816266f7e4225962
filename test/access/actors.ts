/**
 * The actor classes of the access-control matrix (SPEC §9), each a way to call the API:
 *
 * - live actors, each an active user logged in once: `none` (no role), `me` (only `me`), `guest`
 *   (the built-in role: read, me), `rw` (a custom role with read and write but not me), `team`
 *   (read and write in workspace B through a team's assignment), `wsA` (read, write and me in
 *   workspace A only, acting on B and on global resources), `owner` (read, write, me globally; owns
 *   the stacks, components, pipelines and runs of the world), `admin` (the `default` user);
 * - `anon`, no credentials at all;
 * - dead credentials, which must count for nothing: a `wrong` token, an `expired` session, a
 *   `revoked` one (logged out), the session of a `deactivated` user and of a `pending` one (an
 *   admin issued a new activation link);
 * - `cookie`: the admin's dashboard cookie without the CSRF header.
 */
import { randomBytes } from "node:crypto";
import type { Permission } from "../../src/core/permissions.js";
import { SESSION_COOKIE } from "../../src/server/http/access.js";
import type { WireUser, WireWorkspace } from "../../src/server/presenters/wire.js";
import { assignRole, createActiveUser, createRole, deactivateUser, uniqueName, USER_PASSWORD } from "../helpers/fixtures.js";
import { apiClient, expectStatus, type Api } from "../helpers/http.js";
import { ADMIN_NAME, ADMIN_PASSWORD, type TestServer } from "../helpers/server.js";
import { API, callerOf, createWorkspaceUser } from "../helpers/stacks.js";

/** The columns of the matrix table, in its order. */
export const LIVE_ACTORS = ["none", "me", "guest", "rw", "team", "wsA", "owner", "admin"] as const;
export const TABLE_ACTORS = ["anon", ...LIVE_ACTORS] as const;
/** Actors whose expectations follow from the table (see `expectedFor` in matrix-table.ts). */
export const DEAD_ACTORS = ["wrong", "expired", "revoked", "deactivated", "pending"] as const;
export const ALL_ACTORS = [...TABLE_ACTORS, ...DEAD_ACTORS, "cookie"] as const;

export type LiveActorName = (typeof LIVE_ACTORS)[number];
export type ActorName = (typeof ALL_ACTORS)[number];

export interface MatrixActor {
  name: ActorName;
  api: Api;
  /** The user behind a live actor's session. */
  user?: WireUser;
  /** Logs the user in again: for requests that end the session they run in. */
  freshSession?: () => Promise<{ api: Api; token: string }>;
}

export interface Actors {
  byName: Record<ActorName, MatrixActor>;
  admin: MatrixActor & { user: WireUser };
  /** The team assignment that gives `team` its permissions. */
  teamAssignment: TeamAssignment;
}

export interface TeamAssignment {
  id: string;
  team: { id: string };
}

const db = (server: TestServer) => server.running.runtime.ctx.db.kysely;

async function live(server: TestServer, name: ActorName, api: Api, password: string): Promise<MatrixActor> {
  const { user } = await callerOf(api);
  const freshSession = async () => {
    const token = await server.login(user.name, password);
    return { api: server.api(token), token };
  };
  return { name, api, user, freshSession };
}

async function withGlobalRole(server: TestServer, admin: Api, name: ActorName, permissions: readonly Permission[]): Promise<MatrixActor> {
  const member = await createActiveUser(server, admin, permissions);
  return live(server, name, member.api, USER_PASSWORD);
}

/** A member of a new team that holds read and write in `ws`, and that team's assignment. */
async function teamMember(server: TestServer, admin: Api, ws: WireWorkspace): Promise<{ actor: MatrixActor; assignment: TeamAssignment }> {
  const member = await createActiveUser(server, admin, []);
  const team = expectStatus(await admin.post(`${API}/teams`, { name: uniqueName("crew"), users: [member.user.id] }), 200, "team");
  const role = await createRole(admin, ["read", "write"]);
  const body = { team: team.body.id, role: role.id, workspace: ws.id };
  const assignment = expectStatus(await admin.post(`${API}/team_role_assignments`, body), 200, "team assignment").body as TeamAssignment;
  return { actor: await live(server, "team", member.api, USER_PASSWORD), assignment };
}

/** A session that ended in a way the store records, for each dead-credential actor. */
async function deadCredentials(server: TestServer, admin: Api): Promise<Record<(typeof DEAD_ACTORS)[number], MatrixActor>> {
  const expired = await createActiveUser(server, admin, ["read", "write", "me"]);
  // Nothing in the API ages a session; the store holds its expiry, so the test moves it back.
  await db(server)
    .updateTable("session")
    .set({ idle_expires: "2000-01-01T00:00:00.000000" })
    .where("user_id", "=", expired.user.id)
    .execute();
  const revoked = await createActiveUser(server, admin, ["read", "write", "me"]);
  expectStatus(await revoked.api.post(`${API}/logout`), 200, "logout");
  const deactivated = await createActiveUser(server, admin, ["read", "write", "me"]);
  expectStatus(await admin.put(`${API}/users/${deactivated.user.id}`, { active: false }), 200, "deactivate");
  const pending = await createActiveUser(server, admin, ["read", "write", "me"]);
  await deactivateUser(admin, pending.user.id);
  return {
    wrong: { name: "wrong", api: server.api(randomBytes(32).toString("base64url")) },
    expired: { name: "expired", api: expired.api },
    revoked: { name: "revoked", api: revoked.api },
    deactivated: { name: "deactivated", api: deactivated.api },
    pending: { name: "pending", api: pending.api },
  };
}

/** The admin's dashboard session: its cookie, and no CSRF header on any request. */
async function cookieSession(server: TestServer): Promise<MatrixActor> {
  const token = await server.login(ADMIN_NAME, ADMIN_PASSWORD);
  const plain = apiClient(server.url);
  const cookie = `${SESSION_COOKIE}=${token}`;
  const api: Api = {
    request: (method, path, options = {}) => plain.request(method, path, { ...options, headers: { ...options.headers, cookie } }),
    get: (path, query) => api.request("GET", path, { query }),
    post: (path, json) => api.request("POST", path, { json }),
    put: (path, json) => api.request("PUT", path, { json }),
    delete: (path) => api.request("DELETE", path),
  };
  return { name: "cookie", api };
}

export async function createActors(server: TestServer, admin: Api, wsA: WireWorkspace, wsB: WireWorkspace): Promise<Actors> {
  const adminActor = await live(server, "admin", admin, ADMIN_PASSWORD);
  const guest = await createActiveUser(server, admin, []);
  await assignRole(admin, guest.user.id, "guest");
  const scoped = await createWorkspaceUser(server, admin, wsA, ["read", "write", "me"]);
  const team = await teamMember(server, admin, wsB);
  const byName: Record<ActorName, MatrixActor> = {
    anon: { name: "anon", api: server.anon },
    none: await withGlobalRole(server, admin, "none", []),
    me: await withGlobalRole(server, admin, "me", ["me"]),
    guest: await live(server, "guest", guest.api, USER_PASSWORD),
    rw: await withGlobalRole(server, admin, "rw", ["read", "write"]),
    team: team.actor,
    wsA: await live(server, "wsA", scoped.api, USER_PASSWORD),
    owner: await withGlobalRole(server, admin, "owner", ["read", "write", "me"]),
    admin: adminActor,
    ...(await deadCredentials(server, admin)),
    cookie: await cookieSession(server),
  };
  return { byName, admin: adminActor as MatrixActor & { user: WireUser }, teamAssignment: team.assignment };
}
