/**
 * Builds stacks, components, pipelines and runs through the API for the stack suites, the way a
 * ZenML client does: bodies repeat the caller's `user` and the route's `workspace` ids.
 */
import { randomUUID } from "node:crypto";
import type { Permission } from "../../src/core/permissions.js";
import type { WireComponent, WireStack, WireUser, WireWorkspace } from "../../src/server/presenters/wire.js";
import { assignRole, createActiveUser, createRole, uniqueName, type ActiveUser } from "./fixtures.js";
import { expectStatus, type Api, type Body } from "./http.js";
import type { TestServer } from "./server.js";

export const API = "/api/v1";

/** A caller and what its bodies must repeat. */
export interface Caller {
  api: Api;
  user: WireUser;
}

export async function callerOf(api: Api): Promise<Caller> {
  return { api, user: expectStatus(await api.get(`${API}/current-user`), 200, "current user").body as WireUser };
}

export async function createWorkspace(admin: Api, name = uniqueName("ws")): Promise<WireWorkspace> {
  return expectStatus(await admin.post(`${API}/workspaces`, { name }), 200, `create workspace ${name}`).body as WireWorkspace;
}

export async function getWorkspace(api: Api, name: string): Promise<WireWorkspace> {
  return expectStatus(await api.get(`${API}/workspaces/${name}`), 200, `get workspace ${name}`).body as WireWorkspace;
}

/** An active user holding `permissions` in one workspace only (a workspace-scoped role). */
export async function createWorkspaceUser(
  server: TestServer,
  admin: Api,
  ws: WireWorkspace,
  permissions: readonly Permission[],
): Promise<ActiveUser> {
  const member = await createActiveUser(server, admin, []);
  const role = await createRole(admin, permissions);
  expectStatus(
    await admin.post(`${API}/role_assignments`, { user: member.user.id, role: role.id, workspace: ws.id }),
    200,
    "assign in workspace",
  );
  return member;
}

export { assignRole };

export interface ComponentSpec {
  name?: string;
  type?: string;
  flavor?: string;
  shared?: boolean;
  configuration?: Record<string, unknown>;
}

export function componentBody(caller: Caller, ws: WireWorkspace, spec: ComponentSpec = {}): Body {
  return {
    name: spec.name ?? uniqueName(spec.type ?? "orchestrator"),
    type: spec.type ?? "orchestrator",
    flavor: spec.flavor ?? "local",
    configuration: spec.configuration ?? {},
    user: caller.user.id,
    workspace: ws.id,
    is_shared: spec.shared ?? false,
  };
}

export async function registerComponent(caller: Caller, ws: WireWorkspace, spec: ComponentSpec = {}): Promise<WireComponent> {
  const body = componentBody(caller, ws, spec);
  const reply = await caller.api.post(`${API}/workspaces/${ws.id}/components`, body);
  return expectStatus(reply, 200, `register ${body.type} ${body.name}`).body as WireComponent;
}

export interface StackSpec {
  name?: string;
  shared?: boolean;
  orchestrator?: WireComponent;
  artifactStore?: WireComponent;
}

export function stackBody(
  caller: Caller,
  ws: WireWorkspace,
  spec: StackSpec & { orchestrator: WireComponent; artifactStore: WireComponent },
): Body {
  return {
    user: caller.user.id,
    workspace: ws.id,
    is_shared: spec.shared ?? false,
    name: spec.name ?? uniqueName("stack"),
    description: "",
    components: { orchestrator: [spec.orchestrator.id], artifact_store: [spec.artifactStore.id] },
  };
}

/**
 * A stack with its own pair of components, shared or not; components that are given are used
 * instead (they must be visible to the caller).
 */
export async function registerStack(caller: Caller, ws: WireWorkspace, spec: StackSpec = {}): Promise<WireStack> {
  const shared = spec.shared ?? false;
  const orchestrator = spec.orchestrator ?? (await registerComponent(caller, ws, { type: "orchestrator", shared }));
  const artifactStore = spec.artifactStore ?? (await registerComponent(caller, ws, { type: "artifact_store", shared }));
  const body = stackBody(caller, ws, { ...spec, orchestrator, artifactStore });
  const reply = await caller.api.post(`${API}/workspaces/${ws.id}/stacks`, body);
  return expectStatus(reply, 200, `register stack ${body.name}`).body as WireStack;
}

/** The caller's `default` stack in the workspace, found as the ZenML CLI finds it on connect. */
export async function defaultStack(caller: Caller, ws: WireWorkspace): Promise<WireStack> {
  const reply = expectStatus(
    await caller.api.get(`${API}/stacks`, { name: "default", workspace_id: ws.id, user_id: caller.user.id }),
    200,
    "find the default stack",
  );
  if (reply.body.total !== 1) throw new Error(`expected one default stack, got ${JSON.stringify(reply.body)}`);
  return reply.body.items[0] as WireStack;
}

/** Every id a list shows the caller, across all pages. */
export async function listedIds(api: Api, path: string, query: Record<string, string> = {}): Promise<string[]> {
  const reply = expectStatus(await api.get(path, { ...query, size: "10000" }), 200, `list ${path}`);
  return (reply.body.items as { id: string }[]).map((i) => i.id);
}

/** The body a request for an id that does not exist gets, with that id swapped for `id`. */
export async function missingBody(api: Api, path: (id: string) => string, id: string): Promise<Body> {
  const ghost = randomUUID();
  const reply = await api.get(path(ghost));
  return JSON.parse(JSON.stringify(reply.body).replaceAll(ghost, id));
}
