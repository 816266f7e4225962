/** Stack components: list, get, create, update (incl. share and unshare), delete (SPEC §4 rule 4). */
import type { ComponentCreate, ComponentUpdate } from "../../core/schemas/stacks.js";
import { BadRequest, Conflict, NotFound } from "../errors.js";
import type { Actor } from "../policy/actor.js";
import {
  authorizeDeleteComponent,
  authorizeReadComponent,
  authorizeUnshareComponent,
  authorizeUpdateComponent,
  componentNotFound,
  visibleComponentsSql,
  type ComponentTarget,
} from "../policy/components.js";
import { authorizeCreateInWorkspace } from "../policy/workspace-resources.js";
import { presentComponent, presentComponents } from "../presenters/components.js";
import type { WireComponent } from "../presenters/wire.js";
import { flag, toFlag } from "../store/dialect.js";
import type { ListParams, Page } from "../store/list-query.js";
import {
  deleteComponent as deleteComponentRow,
  findComponent,
  insertComponent,
  listComponents as listComponentRows,
  stacksUsingComponent,
  updateComponent as updateComponentRow,
  type ComponentRow,
} from "../store/repos/components.js";
import { newId } from "../store/repos/ids.js";
import type { Q } from "../store/repos/users.js";
import { now } from "../store/time.js";
import { lockWorkspace } from "../store/workspace-lock.js";
import { audit } from "./audit.js";
import { transaction, type Ctx } from "./context.js";
import { ensureDefaultStacks, renamesToDefault } from "./default-stack.js";
import { requireFreeComponentName, writeNamed } from "./stack-names.js";
import { listScope, type ListScopeOptions } from "./stack-scope.js";
import { requireWorkspace } from "./workspaces.js";

export function componentTarget(row: ComponentRow): ComponentTarget {
  return { id: row.id, name: row.name, type: row.type, workspaceId: row.workspace_id, userId: row.user_id, isShared: flag(row.is_shared) };
}

/** The component, whatever the actor may do with it; a 404 when there is none. */
async function loadComponent(q: Q, id: string): Promise<ComponentRow> {
  const row = await findComponent(q, id);
  if (!row) throw new NotFound(componentNotFound(id));
  return row;
}

/** Cohort has no service connectors: naming one is naming something that does not exist. */
function refuseConnector(connector: string | null | undefined): void {
  if (connector) throw new NotFound(`Unable to get service connector with ID '${connector}': no service connector with this ID exists.`);
}

const conflict = (type: string, name: string) =>
  new Conflict(
    `Unable to register '${type}' component with name '${name}': Found an existing component with the same name and type.`,
    "StackComponentExistsError",
  );

export interface ComponentListOptions extends ListScopeOptions {
  /** ZenML's hidden `scope_type`. */
  scopeType?: string;
}

export async function listComponents(
  ctx: Ctx,
  actor: Actor,
  params: ListParams,
  options: ComponentListOptions = {},
): Promise<Page<WireComponent>> {
  const scope = await listScope(ctx, actor, params, options);
  await ensureDefaultStacks(ctx, actor, actor.id, scope.prepare);
  const q = ctx.db.kysely;
  const page = await listComponentRows(q, params, {
    visible: visibleComponentsSql(actor),
    workspaceId: scope.workspaceId,
    type: options.scopeType,
  });
  return { ...page, items: await presentComponents(q, page.items) };
}

export async function getComponent(ctx: Ctx, actor: Actor, id: string): Promise<WireComponent> {
  const q = ctx.db.kysely;
  const row = await loadComponent(q, id);
  authorizeReadComponent(actor, componentTarget(row));
  return presentComponent(q, row);
}

export async function createComponent(ctx: Ctx, actor: Actor, workspace: string, body: ComponentCreate): Promise<WireComponent> {
  const ws = await requireWorkspace(ctx, actor, workspace);
  authorizeCreateInWorkspace(actor, ws, workspace, body, "components");
  refuseConnector(body.connector);
  await ensureDefaultStacks(ctx, actor, actor.id, [ws.id]);
  const stamp = now();
  const nameKey = body.name.toLowerCase();
  const row: ComponentRow = {
    id: newId(),
    created: stamp,
    updated: stamp,
    workspace_id: ws.id,
    user_id: actor.id,
    is_shared: toFlag(body.is_shared),
    name: body.name,
    name_key: nameKey,
    shared_name_key: body.is_shared ? nameKey : null,
    type: body.type,
    flavor: body.flavor,
    configuration: JSON.stringify(body.configuration),
    labels: body.labels == null ? null : JSON.stringify(body.labels),
    connector_resource_id: body.connector_resource_id ?? null,
  };
  const check = (q: Q) =>
    requireFreeComponentName(q, { workspaceId: ws.id, userId: actor.id, type: body.type, name: body.name, isShared: body.is_shared });
  return writeNamed(
    ctx,
    async (q) => {
      await check(q);
      await insertComponent(q, row);
      await audit(
        q,
        actor,
        "component.create",
        { type: "stack_component", id: row.id, name: row.name },
        { type: row.type, shared: body.is_shared },
      );
      return presentComponent(q, row);
    },
    check,
    () => conflict(body.type, body.name),
  );
}

export async function updateComponent(ctx: Ctx, actor: Actor, id: string, body: ComponentUpdate): Promise<WireComponent> {
  const before = await loadComponent(ctx.db.kysely, id);
  authorizeUpdateComponent(actor, componentTarget(before), body);
  if (body.type != null && body.type !== before.type) throw new BadRequest("The type of a stack component cannot be changed.");
  refuseConnector(body.connector);
  if (renamesToDefault(body.name)) await ensureDefaultStacks(ctx, actor, before.user_id, [before.workspace_id]);
  const name = body.name ?? before.name;
  const isShared = body.is_shared ?? flag(before.is_shared);
  const named = { id: before.id, workspaceId: before.workspace_id, userId: before.user_id, type: before.type, name, isShared };
  const check = (q: Q) => requireFreeComponentName(q, named);
  return writeNamed(
    ctx,
    async (q) => {
      // Locked and read again: the unshare rule must see every stack that holds the component now.
      await lockWorkspace(q, ctx.db.dialect, before.workspace_id);
      const current = await loadComponent(q, id);
      const target = componentTarget(current);
      authorizeUpdateComponent(actor, target, body);
      if (target.isShared && !isShared) {
        const holders = await stacksUsingComponent(q, current.id);
        authorizeUnshareComponent(
          target,
          holders.map((s) => ({ userId: s.user_id, isShared: flag(s.is_shared) })),
        );
      }
      await check(q);
      const patch: Partial<ComponentRow> = {
        updated: now(),
        name,
        name_key: name.toLowerCase(),
        is_shared: toFlag(isShared),
        shared_name_key: isShared ? name.toLowerCase() : null,
      };
      if (body.flavor != null) patch.flavor = body.flavor;
      if (body.configuration != null) patch.configuration = JSON.stringify(body.configuration);
      if (body.labels !== undefined) patch.labels = body.labels === null ? null : JSON.stringify(body.labels);
      if (body.connector_resource_id !== undefined) patch.connector_resource_id = body.connector_resource_id;
      await updateComponentRow(q, current.id, patch);
      const action = isShared === target.isShared ? "component.update" : isShared ? "component.share" : "component.unshare";
      const changed = Object.keys(body).filter((k) => k !== "user" && k !== "workspace");
      await audit(q, actor, action, { type: "stack_component", id: current.id, name }, { changed });
      return presentComponent(q, { ...current, ...patch });
    },
    check,
    () => conflict(before.type, name),
  );
}

export async function deleteComponent(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const before = await loadComponent(ctx.db.kysely, id);
  authorizeReadComponent(actor, componentTarget(before));
  await transaction(ctx, async (q) => {
    // Locked: a stack being created with this component now must either be seen here or fail.
    await lockWorkspace(q, ctx.db.dialect, before.workspace_id);
    const current = await loadComponent(q, id);
    authorizeDeleteComponent(actor, componentTarget(current), (await stacksUsingComponent(q, current.id)).length);
    await deleteComponentRow(q, current.id);
    await audit(q, actor, "component.delete", { type: "stack_component", id: current.id, name: current.name }, { type: current.type });
  });
}
