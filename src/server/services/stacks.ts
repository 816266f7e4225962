/**
 * Stacks: list, get, create, update (incl. share and unshare), delete (SPEC §4 rule 4). Writes
 * that could leave a shared stack holding a private component lock the workspace row first (as do
 * component unshares and deletes), so the check and the write cannot interleave with another's.
 */
import type { StackCreate, StackUpdate } from "../../core/schemas/stacks.js";
import { REQUIRED_COMPONENT_TYPES } from "../../core/stack-components.js";
import { BadRequest, Conflict, NotFound } from "../errors.js";
import type { Actor } from "../policy/actor.js";
import { authorizeReadComponent } from "../policy/components.js";
import {
  authorizeDeleteStack,
  authorizeReadStack,
  authorizeUpdateStack,
  requireSharedComponents,
  stackNotFound,
  visibleStacksSql,
  type StackMember,
  type StackTarget,
} from "../policy/stacks.js";
import { authorizeCreateInWorkspace } from "../policy/workspace-resources.js";
import { presentStack, presentStacks } from "../presenters/stacks.js";
import type { WireStack } from "../presenters/wire.js";
import { flag, toFlag } from "../store/dialect.js";
import type { ListParams, Page } from "../store/list-query.js";
import { componentsByIds, findComponent } from "../store/repos/components.js";
import { newId } from "../store/repos/ids.js";
import {
  compositionsOf,
  deleteStack as deleteStackRow,
  findStack,
  insertStack,
  listStacks as listStackRows,
  setComposition,
  updateStack as updateStackRow,
  type Composition,
  type StackRow,
} from "../store/repos/stacks.js";
import type { Q } from "../store/repos/users.js";
import { now } from "../store/time.js";
import { lockWorkspace } from "../store/workspace-lock.js";
import { audit } from "./audit.js";
import { componentTarget } from "./components.js";
import { transaction, type Ctx } from "./context.js";
import { ensureDefaultStacks, renamesToDefault } from "./default-stack.js";
import { requireFreeStackName, writeNamed } from "./stack-names.js";
import { listScope, type ListScopeOptions } from "./stack-scope.js";
import { requireWorkspace } from "./workspaces.js";

export function stackTarget(row: StackRow): StackTarget {
  return { id: row.id, name: row.name, workspaceId: row.workspace_id, userId: row.user_id, isShared: flag(row.is_shared) };
}

async function loadStack(q: Q, id: string): Promise<StackRow> {
  const row = await findStack(q, id);
  if (!row) throw new NotFound(stackNotFound(id));
  return row;
}

const conflict = (name: string) =>
  new Conflict(`Unable to register stack with name '${name}': Found an existing stack with the same name.`, "StackExistsError");

type RequestedComponents = Partial<Record<string, string[]>>;

/**
 * The components a request puts in a stack: each must be visible to the actor (else the 404 of a
 * missing one), of the type it is listed under, and in the stack's workspace; the orchestrator and
 * artifact store are required.
 */
async function resolveMembers(
  q: Q,
  actor: Actor,
  workspaceId: string,
  requested: RequestedComponents,
): Promise<{ composition: Composition; members: StackMember[] }> {
  const composition: Composition = {};
  const members: StackMember[] = [];
  for (const [type, ids] of Object.entries(requested)) {
    const id = ids?.[0];
    if (!id) continue;
    const row = await findComponent(q, id);
    if (!row) throw new NotFound(`Unable to get stack component with ID '${id}': no stack component with this ID exists.`);
    authorizeReadComponent(actor, componentTarget(row));
    if (row.type !== type) throw new BadRequest(`Stack component '${row.name}' is of type '${row.type}', not '${type}'.`);
    if (row.workspace_id !== workspaceId)
      throw new BadRequest(`Stack component '${row.name}' belongs to another workspace than the stack.`);
    composition[type] = row.id;
    members.push({ id: row.id, type, name: row.name, isShared: flag(row.is_shared) });
  }
  const missing = REQUIRED_COMPONENT_TYPES.filter((type) => !composition[type]);
  if (missing.length > 0)
    throw new BadRequest(`A stack needs an orchestrator and an artifact store; this one has no ${missing.join(" and no ")}.`);
  return { composition, members };
}

/** The components a stack holds now, as the shared-stack rule needs them. */
async function currentMembers(q: Q, stackId: string): Promise<{ composition: Composition; members: StackMember[] }> {
  const composition = (await compositionsOf(q, [stackId])).get(stackId) ?? {};
  const rows = await componentsByIds(q, Object.values(composition));
  return { composition, members: rows.map((r) => ({ id: r.id, type: r.type, name: r.name, isShared: flag(r.is_shared) })) };
}

export async function listStacks(ctx: Ctx, actor: Actor, params: ListParams, options: ListScopeOptions = {}): Promise<Page<WireStack>> {
  const scope = await listScope(ctx, actor, params, options);
  await ensureDefaultStacks(ctx, actor, actor.id, scope.prepare);
  const q = ctx.db.kysely;
  const page = await listStackRows(q, params, { visible: visibleStacksSql(actor), workspaceId: scope.workspaceId });
  return { ...page, items: await presentStacks(q, page.items) };
}

export async function getStack(ctx: Ctx, actor: Actor, id: string): Promise<WireStack> {
  const q = ctx.db.kysely;
  const row = await loadStack(q, id);
  authorizeReadStack(actor, stackTarget(row));
  return presentStack(q, row);
}

export async function createStack(ctx: Ctx, actor: Actor, workspace: string, body: StackCreate): Promise<WireStack> {
  const ws = await requireWorkspace(ctx, actor, workspace);
  authorizeCreateInWorkspace(actor, ws, workspace, body, "stacks");
  await ensureDefaultStacks(ctx, actor, actor.id, [ws.id]);
  const stamp = now();
  const nameKey = body.name.toLowerCase();
  const row: StackRow = {
    id: newId(),
    created: stamp,
    updated: stamp,
    workspace_id: ws.id,
    user_id: actor.id,
    is_shared: toFlag(body.is_shared),
    name: body.name,
    name_key: nameKey,
    shared_name_key: body.is_shared ? nameKey : null,
    description: body.description,
  };
  const check = (q: Q) => requireFreeStackName(q, { workspaceId: ws.id, userId: actor.id, name: body.name, isShared: body.is_shared });
  return writeNamed(
    ctx,
    async (q) => {
      await lockWorkspace(q, ctx.db.dialect, ws.id);
      const { composition, members } = await resolveMembers(q, actor, ws.id, body.components ?? {});
      requireSharedComponents({ name: body.name, isShared: body.is_shared }, members, true);
      await check(q);
      await insertStack(q, row, composition);
      await audit(
        q,
        actor,
        "stack.create",
        { type: "stack", id: row.id, name: row.name },
        { shared: body.is_shared, components: composition },
      );
      return presentStack(q, row);
    },
    check,
    () => conflict(body.name),
  );
}

export async function updateStack(ctx: Ctx, actor: Actor, id: string, body: StackUpdate): Promise<WireStack> {
  const before = await loadStack(ctx.db.kysely, id);
  authorizeUpdateStack(actor, stackTarget(before), body);
  if (renamesToDefault(body.name)) await ensureDefaultStacks(ctx, actor, before.user_id, [before.workspace_id]);
  const name = body.name ?? before.name;
  const isShared = body.is_shared ?? flag(before.is_shared);
  const check = (q: Q) =>
    requireFreeStackName(q, { id: before.id, workspaceId: before.workspace_id, userId: before.user_id, name, isShared });
  return writeNamed(
    ctx,
    async (q) => {
      await lockWorkspace(q, ctx.db.dialect, before.workspace_id);
      const current = await loadStack(q, id);
      const target = stackTarget(current);
      authorizeUpdateStack(actor, target, body);
      const replacing = body.components != null;
      const { composition, members } = replacing
        ? await resolveMembers(q, actor, current.workspace_id, body.components ?? {})
        : await currentMembers(q, current.id);
      requireSharedComponents({ name, isShared }, members, replacing);
      await check(q);
      const patch: Partial<StackRow> = {
        updated: now(),
        name,
        name_key: name.toLowerCase(),
        is_shared: toFlag(isShared),
        shared_name_key: isShared ? name.toLowerCase() : null,
      };
      if (body.description != null) patch.description = body.description;
      await updateStackRow(q, current.id, patch);
      if (replacing) await setComposition(q, current.id, composition);
      const action = isShared === target.isShared ? "stack.update" : isShared ? "stack.share" : "stack.unshare";
      const changed = Object.keys(body).filter((k) => k !== "user" && k !== "workspace");
      await audit(q, actor, action, { type: "stack", id: current.id, name }, { changed });
      return presentStack(q, { ...current, ...patch });
    },
    check,
    () => conflict(name),
  );
}

export async function deleteStack(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const before = await loadStack(ctx.db.kysely, id);
  authorizeDeleteStack(actor, stackTarget(before));
  await transaction(ctx, async (q) => {
    await lockWorkspace(q, ctx.db.dialect, before.workspace_id);
    const current = await loadStack(q, id);
    authorizeDeleteStack(actor, stackTarget(current));
    await deleteStackRow(q, current.id);
    await audit(q, actor, "stack.delete", { type: "stack", id: current.id, name: current.name });
  });
}
