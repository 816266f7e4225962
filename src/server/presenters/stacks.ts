/**
 * Stacks on the wire (ZenML's StackResponseModel): components nested as `{type: [component]}`,
 * types in alphabetical order as ZenML lists them.
 */
import { flag } from "../store/dialect.js";
import { componentsByIds } from "../store/repos/components.js";
import { compositionsOf, type StackRow } from "../store/repos/stacks.js";
import type { Q } from "../store/repos/users.js";
import { presentComponentWith } from "./components.js";
import { loadOwners } from "./owned.js";
import { base, type WireComponent, type WireStack } from "./wire.js";

export async function presentStacks(q: Q, rows: readonly StackRow[]): Promise<WireStack[]> {
  const compositions = await compositionsOf(
    q,
    rows.map((r) => r.id),
  );
  const components = await componentsByIds(
    q,
    [...compositions.values()].flatMap((c) => Object.values(c)),
  );
  const owners = await loadOwners(q, [...rows, ...components]);
  const wired = new Map(components.map((c) => [c.id, presentComponentWith(owners, c)]));
  return rows.map((row) => {
    const nested: Record<string, WireComponent[]> = {};
    const composition = compositions.get(row.id) ?? {};
    for (const type of Object.keys(composition).sort()) {
      const component = wired.get(composition[type] ?? "");
      if (component) nested[type] = [component];
    }
    return {
      ...base(row),
      user: owners.user(row),
      workspace: owners.workspace(row),
      is_shared: flag(row.is_shared),
      name: row.name,
      description: row.description,
      components: nested,
    };
  });
}

export async function presentStack(q: Q, row: StackRow): Promise<WireStack> {
  const [wire] = await presentStacks(q, [row]);
  if (!wire) throw new Error("presentStacks lost a row");
  return wire;
}
