/**
 * Name rules of stacks and components, with ZenML's 409 messages (SPEC §6): unique per owner in a
 * workspace (per type, for components), and unique per workspace among shared ones. The unique
 * indexes enforce both under concurrency; these checks run first so that each clash gets its own
 * message, and again after a unique-index failure to explain it.
 */
import { Conflict } from "../errors.js";
import { transaction, type Ctx } from "./context.js";
import { isUniqueViolation } from "../store/dialect.js";
import { findOwnComponent, findSharedComponent } from "../store/repos/components.js";
import { findOwnStack, findSharedStack } from "../store/repos/stacks.js";
import type { Q } from "../store/repos/users.js";

export interface NamedStack {
  /** The stack being renamed or shared (excluded from the clash), or undefined when creating. */
  id?: string;
  workspaceId: string;
  userId: string;
  name: string;
  isShared: boolean;
}

export interface NamedComponent extends NamedStack {
  type: string;
}

async function nameOf(q: Q, table: "users" | "workspace", id: string): Promise<string> {
  return (await q.selectFrom(table).select("name").where("id", "=", id).executeTakeFirst())?.name ?? "[DELETED]";
}

export async function requireFreeStackName(q: Q, stack: NamedStack): Promise<void> {
  const own = await findOwnStack(q, stack.workspaceId, stack.userId, stack.name);
  if (own && own.id !== stack.id) {
    throw new Conflict(
      `Unable to register stack with name '${stack.name}': Found an existing stack with the same name in the active workspace, '${await nameOf(q, "workspace", stack.workspaceId)}', owned by the same user, '${await nameOf(q, "users", stack.userId)}'.`,
      "StackExistsError",
    );
  }
  if (!stack.isShared) return;
  const shared = await findSharedStack(q, stack.workspaceId, stack.name);
  if (shared && shared.id !== stack.id) {
    throw new Conflict(
      `Unable to share stack with name '${stack.name}': Found an existing shared stack with the same name in workspace '${await nameOf(q, "workspace", stack.workspaceId)}' owned by '${await nameOf(q, "users", shared.user_id)}'.`,
      "StackExistsError",
    );
  }
}

export async function requireFreeComponentName(q: Q, c: NamedComponent): Promise<void> {
  const own = await findOwnComponent(q, c.workspaceId, c.userId, c.type, c.name);
  if (own && own.id !== c.id) {
    // ZenML's message, double space included.
    throw new Conflict(
      `Unable to register '${c.type}' component with name '${c.name}': Found an existing component with the same name and type in the same  workspace, '${await nameOf(q, "workspace", c.workspaceId)}', owned by the same user, '${await nameOf(q, "users", c.userId)}'.`,
      "StackComponentExistsError",
    );
  }
  if (!c.isShared) return;
  const shared = await findSharedComponent(q, c.workspaceId, c.type, c.name);
  if (shared && shared.id !== c.id) {
    throw new Conflict(
      `Unable to shared component of type '${c.type}' with name '${c.name}': Found an existing shared component with the same name and type in workspace '${await nameOf(q, "workspace", c.workspaceId)}' owned by '${await nameOf(q, "users", shared.user_id)}'.`,
      "StackComponentExistsError",
    );
  }
}

/**
 * Runs a write that calls `check` (one of the functions above) before it inserts or renames. When
 * a concurrent request took the name between check and write, the unique index refuses the write;
 * `check` then runs again on the committed state to name the clash, so the client gets the same
 * 409 either way (`fallback` if the other write has gone again meanwhile).
 */
export async function writeNamed<T>(
  ctx: Ctx,
  fn: (q: Q) => Promise<T>,
  check: (q: Q) => Promise<void>,
  fallback: () => Conflict,
): Promise<T> {
  try {
    return await transaction(ctx, fn);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    await check(ctx.db.kysely);
    throw fallback();
  }
}
