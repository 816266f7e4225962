/**
 * Every user's private `default` stack (a local orchestrator and a local artifact store, all three
 * named `default`) in each workspace, made when first needed (SPEC §6 "ZenML clients"): the ZenML
 * CLI looks it up on connect and falls back to it whenever its active stack is gone, and would try
 * to create it itself (needing `write`) if the server had none.
 *
 * Race-safe: the owner's unique names mean two requests cannot both create it; the loser's insert
 * fails, its transaction rolls back whole, and it finds the winner's stack on the next look.
 */
import { DEFAULT_STACK_NAME } from "../../core/stack-components.js";
import type { Actor } from "../policy/actor.js";
import { isForeignKeyViolation, isUniqueViolation, toFlag } from "../store/dialect.js";
import { findOwnComponent, insertComponent, type ComponentRow } from "../store/repos/components.js";
import { newId } from "../store/repos/ids.js";
import { insertStack, workspacesWithoutStack } from "../store/repos/stacks.js";
import type { Q } from "../store/repos/users.js";
import { now } from "../store/time.js";
import { audit } from "./audit.js";
import { transaction, type Ctx } from "./context.js";

const DEFAULT_COMPONENTS = [
  { type: "orchestrator", flavor: "local" },
  { type: "artifact_store", flavor: "local" },
] as const;

const ATTEMPTS = 3;
const DEADLOCK_CODES = new Set(["40P01", "40001", "ER_LOCK_DEADLOCK"]);

/**
 * Another request got there first (unique names), the two deadlocked on MariaDB's or PostgreSQL's
 * index locks, or the workspace was deleted meanwhile (foreign key): look again.
 */
function lostRace(err: unknown): boolean {
  const code = err && typeof err === "object" && "code" in err ? String((err as { code: unknown }).code) : "";
  return isUniqueViolation(err) || isForeignKeyViolation(err) || DEADLOCK_CODES.has(code);
}

async function ownDefaultComponent(q: Q, workspaceId: string, userId: string, type: string, flavor: string): Promise<ComponentRow> {
  const found = await findOwnComponent(q, workspaceId, userId, type, DEFAULT_STACK_NAME);
  if (found) return found;
  const stamp = now();
  const row: ComponentRow = {
    id: newId(),
    created: stamp,
    updated: stamp,
    workspace_id: workspaceId,
    user_id: userId,
    is_shared: toFlag(false),
    name: DEFAULT_STACK_NAME,
    name_key: DEFAULT_STACK_NAME,
    shared_name_key: null,
    type,
    flavor,
    configuration: "{}",
    labels: null,
    connector_resource_id: null,
  };
  await insertComponent(q, row);
  return row;
}

async function createDefaultStack(ctx: Ctx, actor: Actor, userId: string, workspaceId: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await transaction(ctx, async (q) => {
        const missing = await workspacesWithoutStack(q, userId, DEFAULT_STACK_NAME, [workspaceId]);
        if (missing.length === 0) return;
        const composition: Record<string, string> = {};
        for (const { type, flavor } of DEFAULT_COMPONENTS) {
          composition[type] = (await ownDefaultComponent(q, workspaceId, userId, type, flavor)).id;
        }
        const stamp = now();
        const id = newId();
        await insertStack(
          q,
          {
            id,
            created: stamp,
            updated: stamp,
            workspace_id: workspaceId,
            user_id: userId,
            is_shared: toFlag(false),
            name: DEFAULT_STACK_NAME,
            name_key: DEFAULT_STACK_NAME,
            shared_name_key: null,
            description: "",
          },
          composition,
        );
        await audit(
          q,
          actor,
          "stack.create_default",
          { type: "stack", id, name: DEFAULT_STACK_NAME },
          { workspace: workspaceId, owner: userId },
        );
      });
      return;
    } catch (err) {
      if (!lostRace(err) || attempt >= ATTEMPTS) throw err;
    }
  }
}

/** Makes sure `userId` has a default stack in each of `workspaceIds` (one query when all exist). */
export async function ensureDefaultStacks(ctx: Ctx, actor: Actor, userId: string, workspaceIds: readonly string[]): Promise<void> {
  const missing = await workspacesWithoutStack(ctx.db.kysely, userId, DEFAULT_STACK_NAME, [...new Set(workspaceIds)]);
  for (const workspaceId of missing) await createDefaultStack(ctx, actor, userId, workspaceId);
}

/** Renaming something to `default` must meet the owner's default, which may not have been made yet. */
export function renamesToDefault(name: string | null | undefined): boolean {
  return name?.toLowerCase() === DEFAULT_STACK_NAME;
}
