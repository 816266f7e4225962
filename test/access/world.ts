/**
 * What the matrix acts on, built once per dialect through the API: workspaces A and B; the actors
 * (actors.ts); and, in B, the owner's private and shared stacks and components, a pipeline and a
 * run, and a run on each of the two stacks; a bystander user with a global and a B-scoped
 * assignment; a second admin, whom only those holding everything it holds may act on (SPEC §4
 * rule 9); a custom read-only role; a team without roles and the team assignment that gives
 * the `team` actor its permissions; and a session of the bystander. The live actors and the
 * bystander have emails. The emails and the runs' stacks are what most actors read as null, for
 * the lists' filters and sorts on them (field-filter-check.ts). Targets that a successful request
 * consumes (deletes, activations) are made per case by the request builders (requests.ts).
 */
import type {
  WireComponent,
  WirePipeline,
  WireRole,
  WireRun,
  WireStack,
  WireTeam,
  WireUser,
  WireWorkspace,
} from "../../src/server/presenters/wire.js";
import { assignRole, createActiveUser, createRole, uniqueName } from "../helpers/fixtures.js";
import { expectStatus, type Api } from "../helpers/http.js";
import { createPipeline, createRun } from "../helpers/pipelines.js";
import type { TestServer } from "../helpers/server.js";
import { API, createWorkspace, registerComponent, registerStack, type Caller } from "../helpers/stacks.js";
import { createActors, LIVE_ACTORS, type Actors, type TeamAssignment } from "./actors.js";

export interface World {
  server: TestServer;
  admin: Api;
  actors: Actors;
  wsA: WireWorkspace;
  wsB: WireWorkspace;
  owner: Caller;
  privateStack: WireStack;
  sharedStack: WireStack;
  privateComponent: WireComponent;
  sharedComponent: WireComponent;
  /** Shared components a new stack in B may hold, whoever registers it. */
  sharedOrchestrator: WireComponent;
  sharedArtifactStore: WireComponent;
  pipeline: WirePipeline;
  run: WireRun;
  bystander: WireUser;
  /** An active user holding the built-in admin role globally (not the actor `admin`). */
  otherAdmin: WireUser;
  /** The assignment that makes `otherAdmin` an admin. */
  otherAdminAssignment: { id: string };
  /** A team without roles whose one member is `otherAdmin`. */
  adminTeam: WireTeam;
  /** A custom role carrying only `read`. */
  readerRole: WireRole;
  globalAssignment: { id: string };
  wsBAssignment: { id: string };
  /** A team without roles (its edits hand out nothing). */
  plainTeam: WireTeam;
  /** The assignment that gives the `team` actor read and write in B. */
  teamAssignment: TeamAssignment;
  /** A session of the bystander, which nobody else may see or end. */
  bystanderSession: string;
}

async function assign(admin: Api, path: string, body: object): Promise<{ id: string }> {
  return expectStatus(await admin.post(`${API}/${path}`, body), 200, `POST ${path}`).body as { id: string };
}

async function giveEmails(admin: Api, users: readonly WireUser[]): Promise<void> {
  for (const user of users) expectStatus(await admin.put(`${API}/users/${user.id}`, { email: `${user.name}@example.com` }), 200, "email");
}

export async function buildWorld(server: TestServer, admin: Api): Promise<World> {
  const wsA = await createWorkspace(admin, uniqueName("ws-a"));
  const wsB = await createWorkspace(admin, uniqueName("ws-b"));
  const actors = await createActors(server, admin, wsA, wsB);
  const ownerActor = actors.byName.owner;
  const owner: Caller = { api: ownerActor.api, user: ownerActor.user! };
  const sharedOrchestrator = await registerComponent(owner, wsB, { type: "orchestrator", shared: true });
  const sharedArtifactStore = await registerComponent(owner, wsB, { type: "artifact_store", shared: true });
  const members = { orchestrator: sharedOrchestrator, artifactStore: sharedArtifactStore };

  const bystander = await createActiveUser(server, admin, []);
  const otherAdmin = await createActiveUser(server, admin, []);
  const otherAdminAssignment = await assignRole(admin, otherAdmin.user.id, "admin");
  await giveEmails(admin, [...LIVE_ACTORS.map((name) => actors.byName[name].user!), bystander.user, otherAdmin.user]);
  const readerRole = await createRole(admin, ["read"]);
  const privateStack = await registerStack(owner, wsB, { ...members, shared: false });
  const sharedStack = await registerStack(owner, wsB, { ...members, shared: true });
  for (const stack of [privateStack, sharedStack]) await createRun(owner, wsB, { stack: stack.id });
  return {
    server,
    admin,
    actors,
    wsA,
    wsB,
    owner,
    privateStack,
    sharedStack,
    privateComponent: await registerComponent(owner, wsB, { type: "alerter", shared: false }),
    sharedComponent: await registerComponent(owner, wsB, { type: "alerter", shared: true }),
    sharedOrchestrator,
    sharedArtifactStore,
    pipeline: await createPipeline(owner, wsB),
    run: await createRun(owner, wsB),
    bystander: bystander.user,
    otherAdmin: otherAdmin.user,
    otherAdminAssignment,
    adminTeam: expectStatus(await admin.post(`${API}/teams`, { name: uniqueName("bosses"), users: [otherAdmin.user.id] }), 200, "team")
      .body as WireTeam,
    readerRole,
    globalAssignment: await assign(admin, "role_assignments", { user: bystander.user.id, role: readerRole.id }),
    wsBAssignment: await assign(admin, "role_assignments", { user: bystander.user.id, role: readerRole.id, workspace: wsB.id }),
    plainTeam: expectStatus(await admin.post(`${API}/teams`, { name: uniqueName("plain") }), 200, "team").body as WireTeam,
    teamAssignment: actors.teamAssignment,
    bystanderSession: (await bystander.api.get(`${API}/current-user/sessions`)).body[0].id as string,
  };
}
