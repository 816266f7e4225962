/**
 * Role assignments to users and teams, globally or for one workspace (SPEC §3, §4). User and team
 * assignments share one table and one code path; a `PrincipalKind` holds what differs.
 */
import { NotFound } from "../errors.js";
import type { Actor } from "../policy/actor.js";
import type { HeldPrincipal } from "../policy/principals.js";
import { authorizeReadAssignment, authorizeWriteAssignment } from "../policy/assignments.js";
import { readableWorkspaces } from "../policy/can.js";
import { keepingAnAdmin } from "../policy/last-admin.js";
import { authorizeReadTeams } from "../policy/teams.js";
import { authorizeListUsers } from "../policy/users.js";
import { presentTeamAssignments, presentUserAssignments } from "../presenters/assignments.js";
import type { WireTeamRoleAssignment, WireUserRoleAssignment } from "../presenters/wire.js";
import type { ListParams, Page } from "../store/list-query.js";
import {
  deleteAssignment as deleteAssignmentRow,
  findAssignment,
  GLOBAL_SCOPE,
  insertAssignment,
  listAssignments,
  type AssignmentRow,
} from "../store/repos/assignments.js";
import { newId } from "../store/repos/ids.js";
import { membersOfTeams } from "../store/repos/teams.js";
import type { Q } from "../store/repos/users.js";
import { now } from "../store/time.js";
import { audit } from "./audit.js";
import { heldUsersByIds } from "./held-principals.js";
import { transaction, type Ctx } from "./context.js";
import { requireRole } from "./roles.js";
import { requireTeam } from "./teams.js";
import { requireUser } from "./users.js";
import { requireWorkspace } from "./workspaces.js";

interface Principal {
  id: string;
  name: string;
}

interface PrincipalKind<Wire> {
  kind: "user" | "team";
  /** Reading one principal's assignments reads the principal: a global resource (SPEC §4). */
  authorizeRead(actor: Actor): void;
  resolve(q: Q, id: string): Promise<Principal>;
  /** The users whose permissions the assignment changes, with what they hold (rule 9). */
  affectedUsers(q: Q, id: string): Promise<HeldPrincipal[]>;
  present(q: Q, rows: readonly AssignmentRow[]): Promise<Wire[]>;
}

export const USERS: PrincipalKind<WireUserRoleAssignment> = {
  kind: "user",
  authorizeRead: authorizeListUsers,
  resolve: (q, id) => requireUser(q, id),
  affectedUsers: (q, id) => heldUsersByIds(q, [id]),
  present: presentUserAssignments,
};

export const TEAMS: PrincipalKind<WireTeamRoleAssignment> = {
  kind: "team",
  authorizeRead: authorizeReadTeams,
  resolve: (q, id) => requireTeam(q, id),
  affectedUsers: async (q, id) => heldUsersByIds(q, (await membersOfTeams(q, [id])).get(id) ?? []),
  present: presentTeamAssignments,
};

export interface AssignmentRequest {
  principal: string;
  role: string;
  workspace?: string | null;
}

export interface AssignmentFilter {
  /** Only this workspace's assignments (GET /workspaces/{ws}/role_assignments). */
  workspace?: string;
  /** Only this user's or team's assignments (GET /users/{id}/roles, GET /teams/{id}/roles). */
  principal?: string;
}

export async function listRoleAssignments<W>(
  ctx: Ctx,
  actor: Actor,
  kind: PrincipalKind<W>,
  params: ListParams,
  filter: AssignmentFilter = {},
): Promise<Page<W>> {
  const q = ctx.db.kysely;
  const scope = filter.workspace ? [(await requireWorkspace(ctx, actor, filter.workspace)).id] : readableWorkspaces(actor);
  if (filter.principal) kind.authorizeRead(actor);
  const principalId = filter.principal ? (await kind.resolve(q, filter.principal)).id : undefined;
  const page = await listAssignments(q, params, { principal: kind.kind, workspaces: scope, principalId });
  return { ...page, items: await kind.present(q, page.items) };
}

async function requireAssignment(q: Q, actor: Actor, kind: PrincipalKind<unknown>, id: string): Promise<AssignmentRow> {
  const row = await findAssignment(q, id);
  const principalId = kind.kind === "user" ? row?.user_id : row?.team_id;
  if (!row || !principalId) throw new NotFound(`Unable to get role assignment with ID '${id}': no such role assignment exists.`);
  authorizeReadAssignment(actor, { id, workspaceId: row.workspace_id });
  return row;
}

export async function getRoleAssignment<W>(ctx: Ctx, actor: Actor, kind: PrincipalKind<W>, id: string): Promise<W> {
  const q = ctx.db.kysely;
  const [wire] = await kind.present(q, [await requireAssignment(q, actor, kind, id)]);
  if (!wire) throw new Error("present lost a row");
  return wire;
}

export async function createRoleAssignment<W>(ctx: Ctx, actor: Actor, kind: PrincipalKind<W>, body: AssignmentRequest): Promise<W> {
  const q0 = ctx.db.kysely;
  const role = await requireRole(q0, body.role);
  const principal = await kind.resolve(q0, body.principal);
  const workspace = body.workspace ? await requireWorkspace(ctx, actor, body.workspace) : null;
  const stamp = now();
  const row: AssignmentRow = {
    id: newId(),
    created: stamp,
    updated: stamp,
    role_id: role.id,
    user_id: kind.kind === "user" ? principal.id : null,
    team_id: kind.kind === "team" ? principal.id : null,
    workspace_id: workspace?.id ?? null,
    principal_id: principal.id,
    scope: workspace?.id ?? GLOBAL_SCOPE,
  };
  return transaction(
    ctx,
    async (q) => {
      authorizeWriteAssignment(actor, {
        workspaceId: row.workspace_id,
        affectedUsers: await kind.affectedUsers(q, principal.id),
        rolePermissions: role.permissions,
      });
      await insertAssignment(q, row);
      await audit(
        q,
        actor,
        "role.assign",
        { type: `${kind.kind}_role_assignment`, id: row.id, name: role.name },
        { [kind.kind]: principal.name, workspace: workspace?.name ?? null },
      );
      const [wire] = await kind.present(q, [row]);
      if (!wire) throw new Error("present lost a row");
      return wire;
    },
    {
      guard: true,
      conflict: `Unable to assign role '${role.name}' to ${kind.kind} '${principal.name}': Role already assigned in this workspace.`,
    },
  );
}

export async function deleteRoleAssignment(ctx: Ctx, actor: Actor, kind: PrincipalKind<unknown>, id: string): Promise<void> {
  await transaction(
    ctx,
    async (q) => {
      const row = await requireAssignment(q, actor, kind, id);
      const role = await requireRole(q, row.role_id);
      authorizeWriteAssignment(actor, {
        workspaceId: row.workspace_id,
        affectedUsers: await kind.affectedUsers(q, row.principal_id),
        rolePermissions: role.permissions,
      });
      await keepingAnAdmin(q, () => deleteAssignmentRow(q, row.id));
      await audit(
        q,
        actor,
        "role.revoke",
        { type: `${kind.kind}_role_assignment`, id: row.id, name: role.name },
        { principal: row.principal_id, workspace: row.workspace_id },
      );
    },
    { guard: true },
  );
}
