/**
 * What every workspace resource nests: its owner (as ZenML nests users: no teams, roles or email)
 * and its workspace. Loaded once per page, not once per row.
 */
import type { Q, UserRow } from "../store/repos/users.js";
import { workspacesByIds, type WorkspaceRow } from "../store/repos/workspaces.js";
import { presentNestedUser } from "./users.js";
import type { WireUser, WireWorkspace } from "./wire.js";
import { presentWorkspace } from "./workspaces.js";

export interface OwnedRow {
  user_id: string;
  workspace_id: string;
}

export interface Owners {
  user(row: OwnedRow): WireUser | null;
  workspace(row: OwnedRow): WireWorkspace | null;
}

export async function loadOwners(q: Q, rows: readonly OwnedRow[]): Promise<Owners> {
  const userIds = [...new Set(rows.map((r) => r.user_id))];
  const [users, workspaces] = await Promise.all([
    userIds.length === 0 ? Promise.resolve([] as UserRow[]) : q.selectFrom("users").selectAll().where("id", "in", userIds).execute(),
    workspacesByIds(
      q,
      rows.map((r) => r.workspace_id),
    ),
  ]);
  const userMap = new Map(users.map((u) => [u.id, presentNestedUser(u)]));
  const wsMap = new Map(workspaces.map((w: WorkspaceRow) => [w.id, presentWorkspace(w)]));
  return {
    user: (row) => userMap.get(row.user_id) ?? null,
    workspace: (row) => wsMap.get(row.workspace_id) ?? null,
  };
}

/** A stored JSON object; anything else (never written by Cohort) reads as empty. */
export function jsonObject<T = unknown>(text: string | null): Record<string, T> {
  if (text === null) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, T>) : {};
  } catch {
    return {};
  }
}
