/**
 * Wire shapes (ZenML 0.40.3 field names and order). Presenters build these from rows; they are
 * allow-lists, so a hash or digest on a row can never reach a response.
 */
import type { UserStatus } from "../../core/abilities.js";
import type { Permission } from "../../core/permissions.js";

export interface WireBase {
  id: string;
  created: string;
  updated: string;
}

export interface WireRole extends WireBase {
  name: string;
  permissions: Permission[];
}

export interface WireTeam extends WireBase {
  name: string;
  users: WireUser[];
}

export interface WireUser extends WireBase {
  name: string;
  full_name: string;
  email_opted_in: boolean | null;
  hub_token: null;
  active: boolean;
  activation_token: string | null;
  teams: WireTeam[] | null;
  roles: WireRole[] | null;
  email: string | null;
  /** Cohort's addition, on top-level users only (nested users keep ZenML's fields). */
  status?: UserStatus;
}

export interface WireWorkspace extends WireBase {
  name: string;
  description: string;
}

export interface WireUserRoleAssignment extends WireBase {
  workspace: WireWorkspace | null;
  user: WireUser | null;
  role: WireRole | null;
}

export interface WireTeamRoleAssignment extends WireBase {
  workspace: WireWorkspace | null;
  team: WireTeam | null;
  role: WireRole | null;
}

export interface WireSession {
  id: string;
  created: string;
  last_seen: string;
  expires: string;
  client: string;
  source: string;
  current: boolean;
}

export function base(row: WireBase): WireBase {
  return { id: row.id, created: row.created, updated: row.updated };
}
