/**
 * Permissions held, by scope: what a live actor holds, or what a principal's role assignments give
 * it. Rule 9 (SPEC §4) compares the two, so both have the same shape.
 */
import type { Permission } from "../../core/permissions.js";

export interface Holdings {
  /** Permissions from global assignments (direct or through teams). */
  readonly global: ReadonlySet<Permission>;
  /** Permissions from assignments scoped to one workspace, by workspace id. */
  readonly byWorkspace: ReadonlyMap<string, ReadonlySet<Permission>>;
}

/** One permission granted globally (`workspace_id` null) or in one workspace. */
export interface Grant {
  workspace_id: string | null;
  permission: Permission;
}

export const NO_HOLDINGS: Holdings = { global: new Set(), byWorkspace: new Map() };

export function holdingsOf(grants: Iterable<Grant>): Holdings {
  const global = new Set<Permission>();
  const byWorkspace = new Map<string, Set<Permission>>();
  for (const grant of grants) {
    if (grant.workspace_id === null) global.add(grant.permission);
    else {
      let set = byWorkspace.get(grant.workspace_id);
      if (!set) byWorkspace.set(grant.workspace_id, (set = new Set()));
      set.add(grant.permission);
    }
  }
  return { global, byWorkspace };
}

/** What the holder holds in a workspace (global ∪ that workspace), or globally for null. */
export function heldIn(holdings: Holdings, workspaceId: string | null): ReadonlySet<Permission> {
  if (workspaceId === null) return holdings.global;
  const scoped = holdings.byWorkspace.get(workspaceId);
  if (!scoped || scoped.size === 0) return holdings.global;
  return new Set([...holdings.global, ...scoped]);
}
