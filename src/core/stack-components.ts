/**
 * The stack component types ZenML 0.40 knows, in the order `GET /component-types` lists them, and
 * the two every stack needs. Shared by the server, the CLI and the dashboard.
 */
export const COMPONENT_TYPES = [
  "alerter",
  "annotator",
  "artifact_store",
  "container_registry",
  "data_validator",
  "experiment_tracker",
  "feature_store",
  "image_builder",
  "model_deployer",
  "orchestrator",
  "secrets_manager",
  "step_operator",
  "model_registry",
] as const;
export type ComponentType = (typeof COMPONENT_TYPES)[number];

/** A stack runs nothing without these (ZenML's client refuses such a stack too). */
export const REQUIRED_COMPONENT_TYPES: readonly ComponentType[] = ["orchestrator", "artifact_store"];

/** Every user's own stack and components in each workspace are called this (SPEC §6). */
export const DEFAULT_STACK_NAME = "default";

export const EXECUTION_STATUSES = ["initializing", "failed", "completed", "running", "cached"] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];
