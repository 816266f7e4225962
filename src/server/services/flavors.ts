/**
 * The built-in flavor catalogue and the component type list (SPEC §6, ZenML's `/flavors` and
 * `/component-types`). ZenML keeps flavors in its database; Cohort serves a fixed catalogue from
 * memory, with fixed ids and times so every server process answers alike. It holds what the ZenML
 * CLI looks up to register the default stack's kind of components; other flavors may still be used
 * by components (the server never validated flavors, and Cohort runs no pipelines).
 */
import { COMPONENT_TYPES } from "../../core/stack-components.js";
import { NotFound } from "../errors.js";
import type { WireFlavor } from "../presenters/wire.js";
import { baseFields, checkPageInRange, pageCount, type Filter, type FilterSpec, type ListParams, type Page } from "../store/list-query.js";

const CATALOGUE_TIME = "2026-11-23T00:00:00.000000";
const DOCS = "https://docs.zenml.io/v/0.40.3/user-guide/component-guide";
const SDK_DOCS = "https://apidocs.zenml.io/0.40.3/core_code_docs";
const LOGOS = "https://public-flavor-logos.s3.eu-central-1.amazonaws.com";

function builtin(
  id: string,
  fields: Pick<WireFlavor, "name" | "type" | "config_schema" | "source" | "logo_url" | "docs_url" | "sdk_docs_url">,
): WireFlavor {
  return {
    id,
    created: CATALOGUE_TIME,
    updated: CATALOGUE_TIME,
    name: fields.name,
    type: fields.type,
    config_schema: fields.config_schema,
    connector_type: null,
    connector_resource_type: null,
    connector_resource_id_attr: null,
    source: fields.source,
    integration: "built-in",
    logo_url: fields.logo_url,
    docs_url: fields.docs_url,
    sdk_docs_url: fields.sdk_docs_url,
    is_custom: false,
    user: null,
    workspace: null,
  };
}

export const FLAVORS: readonly WireFlavor[] = [
  builtin("6f1c1e52-4a36-4a8e-9d43-2f0c5b0a7a01", {
    name: "local",
    type: "artifact_store",
    config_schema: {
      title: "LocalArtifactStoreConfig",
      description: "Config class for the local artifact store.\n\nAttributes:\n    path: The path to the local artifact store.",
      type: "object",
      properties: { path: { title: "Path", default: "", type: "string" } },
      additionalProperties: false,
    },
    source: "zenml.artifact_stores.local_artifact_store.LocalArtifactStoreFlavor",
    logo_url: `${LOGOS}/artifact_store/local.svg`,
    docs_url: `${DOCS}/artifact-stores/local`,
    sdk_docs_url: `${SDK_DOCS}/core-artifact_stores/#zenml.artifact_stores.local_artifact_store`,
  }),
  builtin("6f1c1e52-4a36-4a8e-9d43-2f0c5b0a7a02", {
    name: "local",
    type: "orchestrator",
    config_schema: {
      title: "LocalOrchestratorConfig",
      description: "Local orchestrator config.",
      type: "object",
      properties: {},
      additionalProperties: false,
    },
    source: "zenml.orchestrators.local.local_orchestrator.LocalOrchestratorFlavor",
    logo_url: `${LOGOS}/orchestrator/local.png`,
    docs_url: `${DOCS}/orchestrators/local`,
    sdk_docs_url: `${SDK_DOCS}/core-orchestrators/#zenml.orchestrators.local.local_orchestrator`,
  }),
];

export const FLAVOR_FILTERS: FilterSpec = {
  ...baseFields("flavor"),
  name: { kind: "string", column: "name" },
  type: { kind: "string", column: "type" },
  integration: { kind: "string", column: "integration" },
  is_custom: { kind: "bool", column: "is_custom" },
};

/** One filter on one catalogue entry, with the SQL filters' semantics (strings compare case-insensitively). */
function matches(flavor: WireFlavor, filter: Filter): boolean {
  const raw = (flavor as unknown as Record<string, unknown>)[filter.field];
  const value = typeof raw === "boolean" ? Number(raw) : raw;
  if (typeof value === "number") return value === filter.value;
  const text = String(value ?? "").toLowerCase();
  const wanted = String(filter.value).toLowerCase();
  switch (filter.op) {
    case "equals":
      return filter.field === "created" || filter.field === "updated" ? text.slice(0, 19) === wanted.slice(0, 19) : text === wanted;
    case "contains":
      return text.includes(wanted);
    case "startswith":
      return text.startsWith(wanted);
    case "endswith":
      return text.endsWith(wanted);
    case "gt":
      return text > wanted;
    case "gte":
      return text >= wanted;
    case "lt":
      return text < wanted;
    case "lte":
      return text <= wanted;
  }
}

export function listFlavors(params: ListParams): Page<WireFlavor> {
  const combine = params.logicalOperator === "or" ? "some" : "every";
  const found = FLAVORS.filter((f) => params.filters.length === 0 || params.filters[combine]((filter) => matches(f, filter)));
  const key = (f: WireFlavor) => String((f as unknown as Record<string, unknown>)[params.sortField] ?? "") + f.id;
  const sorted = [...found].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (params.sortDesc ? -1 : 1));
  checkPageInRange(params, sorted.length);
  const start = (params.page - 1) * params.size;
  return {
    index: params.page,
    max_size: params.size,
    total_pages: pageCount(sorted.length, params.size),
    total: sorted.length,
    items: sorted.slice(start, start + params.size),
  };
}

export function getFlavor(id: string): WireFlavor {
  const flavor = FLAVORS.find((f) => f.id === id.toLowerCase());
  if (!flavor) throw new NotFound(`Unable to get flavor with ID '${id}': no flavor with this ID exists.`);
  return flavor;
}

export function componentTypes(): string[] {
  return [...COMPONENT_TYPES];
}
