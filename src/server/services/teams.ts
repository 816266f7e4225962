/** Teams: list, get, create with members, rename and change members, delete (SPEC §3, §4). */
import type { TeamCreate, TeamUpdate } from "../../core/schemas/teams.js";
import { NotFound } from "../errors.js";
import type { Actor } from "../policy/actor.js";
import { keepingAnAdmin } from "../policy/last-admin.js";
import {
  authorizeChangeTeams,
  authorizeCreateTeam,
  authorizeDeleteTeam,
  authorizeReadTeams,
  authorizeUpdateTeam,
} from "../policy/teams.js";
import { presentTeam, presentTeams } from "../presenters/teams.js";
import type { WireTeam } from "../presenters/wire.js";
import type { ListParams, Page } from "../store/list-query.js";
import { newId } from "../store/repos/ids.js";
import {
  addMembers,
  deleteTeam as deleteTeamRow,
  findTeam,
  grantsOfTeam,
  insertTeam,
  listTeams as listTeamRows,
  membersOfTeams,
  removeMembers,
  updateTeam as updateTeamRow,
  type NewTeamRow,
  type TeamRow,
} from "../store/repos/teams.js";
import type { Q } from "../store/repos/users.js";
import { now } from "../store/time.js";
import { audit } from "./audit.js";
import { heldUsersByIds } from "./held-principals.js";
import { transaction, type Ctx } from "./context.js";
import { nameConflict, requireFreeName } from "./look-alike-names.js";
import { principalName } from "./name-skeleton.js";
import { viewFor } from "./users.js";

export async function requireTeam(q: Q, nameOrId: string): Promise<TeamRow> {
  const team = await findTeam(q, nameOrId);
  if (!team) throw new NotFound(`Unable to get team with name or ID '${nameOrId}': no team with this name or ID exists.`);
  return team;
}

/** Every id must name a user: an unknown one is a 404, not silently dropped as ZenML did. */
async function requireUserIds(q: Q, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (unique.length === 0) return [];
  const found = new Set((await q.selectFrom("users").select("id").where("id", "in", unique).execute()).map((r) => r.id));
  const missing = unique.find((id) => !found.has(id));
  if (missing) throw new NotFound(`Unable to get user with name or ID '${missing}': no user with this name or ID exists.`);
  return unique;
}

export async function listTeams(ctx: Ctx, actor: Actor, params: ListParams): Promise<Page<WireTeam>> {
  authorizeReadTeams(actor);
  const q = ctx.db.kysely;
  const page = await listTeamRows(q, params);
  return { ...page, items: await presentTeams(q, page.items, viewFor(actor)) };
}

export async function getTeam(ctx: Ctx, actor: Actor, nameOrId: string): Promise<WireTeam> {
  authorizeReadTeams(actor);
  const q = ctx.db.kysely;
  return presentTeam(q, await requireTeam(q, nameOrId), viewFor(actor));
}

export async function createTeam(ctx: Ctx, actor: Actor, body: TeamCreate): Promise<WireTeam> {
  authorizeCreateTeam(actor, []);
  const stamp = now();
  const row: NewTeamRow = { id: newId(), created: stamp, updated: stamp, ...principalName(body.name) };
  return transaction(
    ctx,
    async (q) => {
      await requireFreeName(q, "team", body.name, null, "create");
      const members = await requireUserIds(q, body.users ?? []);
      authorizeCreateTeam(actor, await heldUsersByIds(q, members));
      await insertTeam(q, row);
      await addMembers(q, row.id, members);
      await audit(q, actor, "team.create", { type: "team", id: row.id, name: row.name }, { members: members.length });
      return presentTeam(q, row, viewFor(actor));
    },
    { conflict: nameConflict(ctx, "team", body.name, null, "create") },
  );
}

export async function updateTeam(ctx: Ctx, actor: Actor, nameOrId: string, body: TeamUpdate): Promise<WireTeam> {
  authorizeChangeTeams(actor);
  const team = await requireTeam(ctx.db.kysely, nameOrId);
  return transaction(
    ctx,
    async (q) => {
      const current = (await membersOfTeams(q, [team.id])).get(team.id) ?? [];
      const wanted = body.users != null ? await requireUserIds(q, body.users) : current;
      const added = wanted.filter((id) => !current.includes(id));
      const removed = current.filter((id) => !wanted.includes(id));
      const changed = await heldUsersByIds(q, [...added, ...removed]);
      authorizeUpdateTeam(
        actor,
        await grantsOfTeam(q, team.id),
        changed.filter((u) => added.includes(u.id)),
        changed.filter((u) => removed.includes(u.id)),
      );
      const patch: Partial<NewTeamRow> = { updated: now() };
      if (body.name != null) {
        await requireFreeName(q, "team", body.name, team.id, "update");
        Object.assign(patch, principalName(body.name));
      }
      await updateTeamRow(q, team.id, patch);
      await addMembers(q, team.id, added);
      await keepingAnAdmin(q, () => removeMembers(q, team.id, removed), removed.length > 0);
      await audit(
        q,
        actor,
        "team.update",
        { type: "team", id: team.id, name: body.name ?? team.name },
        { added, removed, renamed: body.name != null },
      );
      return presentTeam(q, { ...team, ...patch }, viewFor(actor));
    },
    { guard: true, conflict: nameConflict(ctx, "team", body.name ?? team.name, team.id, "update") },
  );
}

export async function deleteTeam(ctx: Ctx, actor: Actor, nameOrId: string): Promise<void> {
  authorizeChangeTeams(actor);
  const team = await requireTeam(ctx.db.kysely, nameOrId);
  await transaction(
    ctx,
    async (q) => {
      const members = (await membersOfTeams(q, [team.id])).get(team.id) ?? [];
      authorizeDeleteTeam(actor, await grantsOfTeam(q, team.id), await heldUsersByIds(q, members));
      await keepingAnAdmin(q, () => deleteTeamRow(q, team.id));
      await audit(q, actor, "team.delete", { type: "team", id: team.id, name: team.name }, { members: members.length });
    },
    { guard: true },
  );
}
