/**
 * Changes to stacks and components that work alike for both: share, unshare, rename. The server
 * decides who may (only the owner shares, unshares or renames; a component stays shared while a
 * shared stack holds it) and its message is what the user sees when it refuses.
 */
import { path } from "./client.js";
import type { ShareableKind } from "./shareable-lookup.js";
import type { Scope } from "./workspace-scope.js";
import type { WireComponent, WireStack } from "./wire.js";

export function updateShareable<T extends WireStack | WireComponent>(
  scope: Scope,
  kind: ShareableKind,
  item: T,
  body: { is_shared?: boolean; name?: string; configuration?: Record<string, unknown>; components?: Record<string, string[]> },
): Promise<T> {
  return scope.client.put<T>(`/${kind.collection}` + path`/${item.id}`, body);
}
