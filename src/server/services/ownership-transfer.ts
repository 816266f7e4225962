/**
 * Rule 8 (SPEC §4): deleting a user hands their stacks, components, pipelines and runs to an heir
 * (the deleting actor, or `?transfer_to=`), inside the deletion's transaction, so nothing is left
 * without an owner.
 *
 * Names live in their owner's namespace, so a transferred stack or component may clash with one
 * the heir already has (every user has a `default` stack in each workspace they used). The
 * transferred one then gets the old owner's name appended, `prod-alice`, then `prod-alice-2`, …:
 * the heir's own resources never change, and the suffix says where the newcomer came from. A
 * renamed `default` stops being anyone's default and becomes an ordinary stack the heir may
 * change or delete. Pipelines and runs have no per-owner names and move as they are.
 */
import { flag } from "../store/dialect.js";
import { componentsOwnedBy, findOwnComponent, findSharedComponent, updateComponent } from "../store/repos/components.js";
import { reassignPipelines } from "../store/repos/pipelines.js";
import { reassignRuns } from "../store/repos/runs.js";
import { findOwnStack, findSharedStack, stacksOwnedBy, updateStack } from "../store/repos/stacks.js";
import type { Q } from "../store/repos/users.js";
import { now } from "../store/time.js";

export interface Party {
  id: string;
  name: string;
}

export interface TransferCounts {
  stacks: number;
  components: number;
  pipelines: number;
  runs: number;
  /** `old name → new name` of the resources renamed to avoid a clash. */
  renamed: string[];
}

const MAX_NAME = 255;

/** The first of `name`, `name-suffix`, `name-suffix-2`, … that `taken` says is free. */
async function freeName(name: string, suffix: string, taken: (candidate: string) => Promise<boolean>): Promise<string> {
  if (!(await taken(name))) return name;
  for (let n = 1; ; n++) {
    const tail = n === 1 ? `-${suffix}` : `-${suffix}-${n}`;
    const candidate = name.slice(0, MAX_NAME - tail.length) + tail;
    if (!(await taken(candidate))) return candidate;
  }
}

export async function transferOwnership(q: Q, from: Party, to: Party): Promise<TransferCounts> {
  const renamed: string[] = [];
  const stamp = now();

  const stacks = await stacksOwnedBy(q, from.id);
  for (const stack of stacks) {
    const shared = flag(stack.is_shared);
    const name = await freeName(stack.name, from.name, async (candidate) => {
      if (await findOwnStack(q, stack.workspace_id, to.id, candidate)) return true;
      const other = shared ? await findSharedStack(q, stack.workspace_id, candidate) : undefined;
      return other !== undefined && other.id !== stack.id;
    });
    if (name !== stack.name) renamed.push(`stack ${stack.name} → ${name}`);
    const key = name.toLowerCase();
    await updateStack(q, stack.id, { updated: stamp, user_id: to.id, name, name_key: key, shared_name_key: shared ? key : null });
  }

  const components = await componentsOwnedBy(q, from.id);
  for (const c of components) {
    const shared = flag(c.is_shared);
    const name = await freeName(c.name, from.name, async (candidate) => {
      if (await findOwnComponent(q, c.workspace_id, to.id, c.type, candidate)) return true;
      const other = shared ? await findSharedComponent(q, c.workspace_id, c.type, candidate) : undefined;
      return other !== undefined && other.id !== c.id;
    });
    if (name !== c.name) renamed.push(`${c.type} ${c.name} → ${name}`);
    const key = name.toLowerCase();
    await updateComponent(q, c.id, { updated: stamp, user_id: to.id, name, name_key: key, shared_name_key: shared ? key : null });
  }

  const pipelines = await reassignPipelines(q, from.id, to.id, stamp);
  const runs = await reassignRuns(q, from.id, to.id, stamp);
  return { stacks: stacks.length, components: components.length, pipelines, runs, renamed };
}
