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

/** A stack component; its owner is nested without teams or roles, as ZenML nests users. */
export interface WireComponent extends WireBase {
  user: WireUser | null;
  workspace: WireWorkspace | null;
  is_shared: boolean;
  name: string;
  type: string;
  flavor: string;
  configuration: Record<string, unknown>;
  connector_resource_id: string | null;
  labels: Record<string, string> | null;
  connector: null;
}

export interface WireStack extends WireBase {
  user: WireUser | null;
  workspace: WireWorkspace | null;
  is_shared: boolean;
  name: string;
  description: string;
  /** `{type: [component]}`, one component per type. */
  components: Record<string, WireComponent[]>;
}

export interface WireFlavor extends WireBase {
  name: string;
  type: string;
  config_schema: Record<string, unknown>;
  connector_type: string | null;
  connector_resource_type: string | null;
  connector_resource_id_attr: string | null;
  source: string;
  integration: string | null;
  logo_url: string | null;
  docs_url: string | null;
  sdk_docs_url: string | null;
  is_custom: boolean;
  user: null;
  workspace: null;
}

export interface WirePipeline extends WireBase {
  user: WireUser | null;
  workspace: WireWorkspace | null;
  name: string;
  version: string;
  version_hash: string;
  docstring: string | null;
  spec: Record<string, unknown>;
  runs: null;
  /** Statuses of the last three runs, newest first. */
  status: string[];
}

export interface WireRun extends WireBase {
  user: WireUser | null;
  workspace: WireWorkspace | null;
  name: string;
  orchestrator_run_id: string | null;
  schedule_id: string | null;
  enable_cache: boolean | null;
  enable_artifact_metadata: boolean | null;
  start_time: string | null;
  end_time: string | null;
  status: string;
  pipeline_configuration: Record<string, unknown>;
  num_steps: number | null;
  client_version: string | null;
  server_version: string | null;
  client_environment: Record<string, string>;
  orchestrator_environment: Record<string, string>;
  git_sha: string | null;
  pipeline: WirePipeline | null;
  /** Null when the stack is gone or private to someone else. */
  stack: WireStack | null;
  metadata: Record<string, never>;
  build: null;
  deployment: null;
}

/** Counts of what the caller can see in one workspace (numbers, where ZenML sent strings). */
export interface WireStatistics {
  stacks: number;
  components: number;
  pipelines: number;
  runs: number;
}
