/**
 * The active stack of each workspace, kept in the CLI config (as ZenML keeps it in its client
 * config). Until one is set, or once the one set is gone or hidden from the user, it is the user's
 * own `default` stack, which every user has in every workspace (SPEC §6).
 */
import { DEFAULT_STACK_NAME } from "../core/stack-components.js";
import { path } from "./client.js";
import { updateConfig } from "./config-file.js";
import type { CliContext } from "./context.js";
import { ApiError, CliError } from "./errors.js";
import type { Scope } from "./workspace-scope.js";
import type { WireStack } from "./wire.js";

export function setActiveStack(ctx: CliContext, scope: Scope, stackId: string | undefined): void {
  const stacks = { ...ctx.stored.stacks };
  if (stackId === undefined) delete stacks[scope.workspace.id];
  else stacks[scope.workspace.id] = stackId;
  updateConfig(ctx.dir, { stacks: Object.keys(stacks).length > 0 ? stacks : undefined });
  ctx.reload();
}

async function defaultStack(scope: Scope): Promise<WireStack> {
  const page = await scope.client.list<WireStack>(`/workspaces` + path`/${scope.workspace.id}` + `/stacks`, {
    name: `equals:${DEFAULT_STACK_NAME}`,
    user_id: scope.me.id,
  });
  const [stack] = page.items;
  if (!stack) throw new CliError(`You have no '${DEFAULT_STACK_NAME}' stack in workspace '${scope.workspace.name}'.`);
  return stack;
}

export async function activeStack(ctx: CliContext, scope: Scope): Promise<WireStack> {
  const id = ctx.stored.stacks?.[scope.workspace.id];
  if (id === undefined) return defaultStack(scope);
  try {
    return await scope.client.get<WireStack>(path`/stacks/${id}`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return defaultStack(scope);
    throw err;
  }
}
