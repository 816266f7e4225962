/**
 * Row types of every table, as Kysely sees them.
 *
 * Conventions that hold on SQLite, PostgreSQL and MariaDB alike: ids are UUID strings, times are
 * fixed-width ISO strings with microseconds (so they sort and compare as text), booleans are 0/1
 * integers (better-sqlite3 refuses JS booleans and the drivers disagree on how they come back),
 * and every case-insensitively unique name has a lower-cased `*_key` twin under a unique index.
 */
export type Flag = 0 | 1;

export interface ServerIdentityTable {
  id: string;
  secret_key: string;
  created: string;
}

export interface WorkspaceTable {
  id: string;
  created: string;
  updated: string;
  name: string;
  name_key: string;
  description: string;
}

export interface UserTable {
  id: string;
  created: string;
  updated: string;
  name: string;
  name_key: string;
  /** services/name-skeleton.ts: unique, so no two users' names look alike; NULL until the server fills it in. */
  name_skeleton: string | null;
  full_name: string;
  email: string | null;
  email_key: string | null;
  email_opted_in: Flag | null;
  active: Flag;
  password_hash: string | null;
  activation_digest: string | null;
  activation_expires: string | null;
}

export interface RoleTable {
  id: string;
  created: string;
  updated: string;
  name: string;
  name_key: string;
  builtin: Flag;
}

export interface RolePermissionTable {
  role_id: string;
  permission: string;
}

export interface TeamTable {
  id: string;
  created: string;
  updated: string;
  name: string;
  name_key: string;
  /** As users' `name_skeleton`. */
  name_skeleton: string | null;
}

export interface TeamMemberTable {
  team_id: string;
  user_id: string;
}

export interface RoleAssignmentTable {
  id: string;
  created: string;
  updated: string;
  role_id: string;
  user_id: string | null;
  team_id: string | null;
  workspace_id: string | null;
  /** The user or team id: one non-null column for the uniqueness index. */
  principal_id: string;
  /** The workspace id, or "global": NULLs never collide in unique indexes. */
  scope: string;
}

export interface SessionTable {
  id: string;
  token_digest: string;
  user_id: string;
  created: string;
  last_seen: string;
  idle_expires: string;
  max_expires: string;
  client: string;
  source: string;
  revoked: Flag;
}

export interface LoginFailureTable {
  id: string;
  throttle_key: string;
  at: string;
}

export interface AuditEventTable {
  id: string;
  created: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  target_name: string | null;
  outcome: string;
  source: string | null;
  summary: string;
}

export interface GuardTable {
  id: number;
  name: string;
}

/** Stacks and components have an owner and are private or shared (SPEC §4 rule 4). */
export interface StackComponentTable {
  id: string;
  created: string;
  updated: string;
  workspace_id: string;
  user_id: string;
  is_shared: Flag;
  name: string;
  name_key: string;
  /** `name_key` while shared, NULL while private: the per-workspace uniqueness of shared names. */
  shared_name_key: string | null;
  type: string;
  flavor: string;
  /** JSON object. */
  configuration: string;
  /** JSON object or NULL. */
  labels: string | null;
  connector_resource_id: string | null;
}

export interface StackTable {
  id: string;
  created: string;
  updated: string;
  workspace_id: string;
  user_id: string;
  is_shared: Flag;
  name: string;
  name_key: string;
  shared_name_key: string | null;
  description: string;
}

export interface StackCompositionTable {
  stack_id: string;
  type: string;
  component_id: string;
}

export interface PipelineTable {
  id: string;
  created: string;
  updated: string;
  workspace_id: string;
  user_id: string;
  name: string;
  name_key: string;
  version: string;
  version_hash: string;
  docstring: string | null;
  /** JSON object (ZenML's PipelineSpec). */
  spec: string;
}

export interface PipelineRunTable {
  id: string;
  created: string;
  updated: string;
  workspace_id: string;
  user_id: string;
  name: string;
  name_key: string;
  pipeline_id: string | null;
  stack_id: string | null;
  orchestrator_run_id: string | null;
  status: string;
  start_time: string | null;
  end_time: string | null;
  num_steps: number | null;
  /** JSON object: the run's pipeline configuration. */
  configuration: string;
  /** JSON object: the other ZenML run fields (client/server versions, environments, git sha, flags). */
  details: string;
}

/** Exact row counts kept by triggers (migration 2026-11-23T02-00-user-count): `users` only, so far. */
export interface RowCountTable {
  name: string;
  n: number;
}

/** The one-row counter of migration 2026-11-23T05-00-access-generation (store/access-generation.ts). */
export interface AccessGenerationTable {
  id: number;
  value: number;
}

export interface Database {
  server_identity: ServerIdentityTable;
  workspace: WorkspaceTable;
  users: UserTable;
  role: RoleTable;
  role_permission: RolePermissionTable;
  team: TeamTable;
  team_member: TeamMemberTable;
  role_assignment: RoleAssignmentTable;
  session: SessionTable;
  login_failure: LoginFailureTable;
  audit_event: AuditEventTable;
  guard: GuardTable;
  access_generation: AccessGenerationTable;
  stack_component: StackComponentTable;
  stack: StackTable;
  stack_composition: StackCompositionTable;
  pipeline: PipelineTable;
  pipeline_run: PipelineRunTable;
  row_count: RowCountTable;
}
