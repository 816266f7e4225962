/**
 * Builds what a test needs through the API, the way a client would: users, roles, assignments.
 * Names are unique per call, so tests sharing one server never collide and need no cleanup.
 */
import { randomBytes } from "node:crypto";
import type { Permission } from "../../src/core/permissions.js";
import type { WireRole, WireUser, WireUserRoleAssignment } from "../../src/server/presenters/wire.js";
import { expectStatus, type Api, type Reply } from "./http.js";
import type { TestServer } from "./server.js";

/** A password that passes the policy (long enough, not a common one). */
export const USER_PASSWORD = "plum-orbit-cascade-7214";

export function uniqueName(prefix = "user"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export interface UserFields {
  name?: string;
  full_name?: string;
  email?: string;
  /** Absent or null: a pending user with an activation token. */
  password?: string | null;
}

export async function createUser(admin: Api, fields: UserFields = {}): Promise<WireUser> {
  const body = { name: uniqueName(), ...fields };
  return expectStatus(await admin.post("/api/v1/users", body), 200, `create user ${body.name}`).body as WireUser;
}

export async function createRole(admin: Api, permissions: readonly Permission[]): Promise<WireRole> {
  const name = uniqueName("role");
  return expectStatus(await admin.post("/api/v1/roles", { name, permissions }), 200, `create role ${name}`).body as WireRole;
}

/** Assigns a role (by name or id) to a user globally. */
export async function assignRole(admin: Api, userId: string, role: string): Promise<WireUserRoleAssignment> {
  const found = expectStatus(await admin.get(`/api/v1/roles/${role}`), 200, `get role ${role}`).body as WireRole;
  const reply = await admin.post("/api/v1/role_assignments", { user: userId, role: found.id });
  return expectStatus(reply, 200, `assign ${role}`).body as WireUserRoleAssignment;
}

export interface ActiveUser {
  user: WireUser;
  password: string;
  token: string;
  api: Api;
}

/**
 * An active user holding `permissions` globally (through a custom role; none by default), logged
 * in once.
 */
export async function createActiveUser(server: TestServer, admin: Api, permissions: readonly Permission[] = []): Promise<ActiveUser> {
  const user = await createUser(admin, { password: USER_PASSWORD });
  if (permissions.length > 0) await assignRole(admin, user.id, (await createRole(admin, permissions)).id);
  const token = await server.login(user.name, USER_PASSWORD);
  return { user, password: USER_PASSWORD, token, api: server.api(token) };
}

/** Deactivates a user (`PUT /users/{id}/deactivate`) and returns their fresh activation token. */
export async function deactivateUser(admin: Api, userId: string): Promise<string> {
  const reply = expectStatus(await admin.put(`/api/v1/users/${userId}/deactivate`), 200, `deactivate ${userId}`);
  return (reply.body as WireUser).activation_token ?? "";
}

/** The one answer to every failed activation (SPEC §5.3). */
export const ACTIVATION_FAILED = {
  detail: ["AuthorizationException", "The activation link is invalid, expired or already used."],
};

/** `PUT /users/{name or id}/activate`, unauthenticated as the sign-up page sends it. */
export function activateUser(anon: Api, user: string, body: Record<string, unknown>): Promise<Reply> {
  return anon.put(`/api/v1/users/${user}/activate`, body);
}
