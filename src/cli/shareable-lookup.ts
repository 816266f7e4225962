/**
 * Stacks and components by the name or id a user typed. Their routes take ids only, so a name is
 * looked up in the active workspace. A name matches at most one of the user's own and one shared
 * resource (SPEC §4 name rules), so it is never ambiguous for the user: their own wins, as it would
 * in ZenML, where others' private ones are invisible anyway.
 */
import { path, type Query } from "./client.js";
import { ApiError, CliError } from "./errors.js";
import { isId } from "./lookup.js";
import type { Scope } from "./workspace-scope.js";
import type { WireComponent, WireStack } from "./wire.js";

/** What differs between looking up a stack and a component of one type. */
export interface ShareableKind {
  /** As messages name it: "stack", "artifact store". */
  label: string;
  /** The API collection: `stacks` or `components`. */
  collection: "stacks" | "components";
  /** Narrows a name lookup (components: ZenML's `scope_type`). */
  query?: Query;
  /** Whether an object fetched by id is of this kind (a component id of another type is not). */
  accepts?: (item: WireStack | WireComponent) => boolean;
}

export const STACK_KIND: ShareableKind = { label: "stack", collection: "stacks" };

function notFound(kind: ShareableKind, nameOrId: string, scope: Scope): CliError {
  return new ApiError(
    404,
    `Unable to get ${kind.label} with name or ID '${nameOrId}': no ${kind.label} with this name or ID exists in workspace '${scope.workspace.name}'.`,
  );
}

export async function findShareable<T extends WireStack | WireComponent>(scope: Scope, kind: ShareableKind, nameOrId: string): Promise<T> {
  if (isId(nameOrId)) {
    const item = await scope.client.get<T>(`/${kind.collection}` + path`/${nameOrId}`);
    if (kind.accepts && !kind.accepts(item)) throw notFound(kind, nameOrId, scope);
    return item;
  }
  const page = await scope.client.list<T>(`/workspaces` + path`/${scope.workspace.id}` + `/${kind.collection}`, {
    ...kind.query,
    name: `equals:${nameOrId}`,
  });
  const own = page.items.find((i) => i.user?.id === scope.me.id);
  if (own) return own;
  // Local mode sees every user's resources: others' private ones may share a name.
  if (page.items.length > 1) throw new CliError(`${page.total} ${kind.label}s are named '${nameOrId}': give the ID of the one you mean.`);
  const [only] = page.items;
  if (!only) throw notFound(kind, nameOrId, scope);
  return only;
}
