/**
 * Every component type as the CLI names it: its command (ZenML's, with dashes: `artifact-store`),
 * how messages call it ("artifact store"), and the option that puts one in a stack (ZenML 0.40's
 * `stack register` flags; commander takes one-letter short flags only, so ZenML's `-al`, `-an`
 * and `-dv` are long options here).
 */
import { COMPONENT_TYPES, type ComponentType } from "../core/stack-components.js";
import type { ShareableKind } from "./shareable-lookup.js";

const STACK_FLAGS: Record<ComponentType, string> = {
  alerter: "--alerter",
  annotator: "--annotator",
  artifact_store: "-a, --artifact-store",
  container_registry: "-c, --container_registry",
  data_validator: "--data_validator",
  experiment_tracker: "-e, --experiment_tracker",
  feature_store: "-f, --feature_store",
  image_builder: "-i, --image_builder",
  model_deployer: "-d, --model_deployer",
  orchestrator: "-o, --orchestrator",
  secrets_manager: "-x, --secrets_manager",
  step_operator: "-s, --step_operator",
  model_registry: "-r, --model_registry",
};

export interface ComponentKind extends ShareableKind {
  type: ComponentType;
  /** "artifact stores", "container registries". */
  plural: string;
  /** "an artifact store", "a container registry". */
  one: string;
  command: string;
  /** The `stack register`/`stack update` option, e.g. `-o, --orchestrator <name>`. */
  stackFlags: string;
}

function kind(type: ComponentType): ComponentKind {
  const label = type.replaceAll("_", " ");
  return {
    type,
    command: type.replaceAll("_", "-"),
    label,
    plural: label.endsWith("y") ? `${label.slice(0, -1)}ies` : `${label}s`,
    one: `${/^[aeiou]/.test(label) ? "an" : "a"} ${label}`,
    collection: "components",
    query: { scope_type: type },
    accepts: (item) => "type" in item && item.type === type,
    stackFlags: `${STACK_FLAGS[type]} <name_or_id>`,
  };
}

export const COMPONENT_KINDS: readonly ComponentKind[] = COMPONENT_TYPES.map(kind);
