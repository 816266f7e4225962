/**
 * Every route the server registered, with what the bad-input generators need to attack it: its
 * path parameters, its request body schema and whether it is a list. The route table (what the
 * access hook saw) says which routes exist, so a route added tomorrow is attacked tomorrow; the
 * OpenAPI document clients read says what each one takes. A route the generators cannot cover
 * (undocumented, or with a parameter of an unknown kind) is reported as a problem, and the
 * catalogue test fails on it.
 */
import { routeAccessTable, type Access } from "../../src/server/http/access.js";
import { rawRequest } from "./raw-http.js";
import type { TestServer } from "./server.js";

/** The subset of JSON Schema that zod emits for our request schemas. */
export interface JsonSchema {
  type?: string | string[];
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

/** `uuid`: must be a UUID (422 otherwise); `name`: a name or an id; `wildcard`: a file path. */
export type ParamKind = "uuid" | "name" | "wildcard";

export interface ParamSpec {
  name: string;
  kind: ParamKind;
}

export interface CatalogueRoute {
  method: string;
  /** The fastify pattern, e.g. `/api/v1/users/:user_name_or_id`. */
  url: string;
  access: Access;
  /** Not in the OpenAPI document (health, metrics, the docs' own files). */
  hidden: boolean;
  params: ParamSpec[];
  body?: JsonSchema;
  /** Takes the list parameters of SPEC §6 (page, size, sort_by, logical_operator, filters). */
  list: boolean;
  /** Other declared query parameters. */
  query: { name: string; schema: JsonSchema }[];
}

export interface Catalogue {
  routes: CatalogueRoute[];
  /** Routes the generators cannot cover, each with the reason. */
  problems: string[];
}

interface OpenApiParameter {
  in: string;
  name: string;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

const LIST_PARAMS = ["page", "size", "sort_by", "logical_operator"];
/** Outside the API, an undocumented route may take a file path (`*`): the docs' and the dashboard's files. */
const isFileRoute = (url: string, names: string[]) => !url.startsWith("/api/") && names.every((n) => n === "*");

export const routeKey = (route: Pick<CatalogueRoute, "method" | "url">) => `${route.method} ${route.url}`;

function paramKind(schema: JsonSchema | undefined): ParamKind | undefined {
  if (schema?.type !== "string") return undefined;
  return schema.format === "uuid" ? "uuid" : "name";
}

export async function routeCatalogue(server: TestServer): Promise<Catalogue> {
  const reply = await rawRequest(server.url, { method: "GET", path: "/openapi.json" });
  const doc = JSON.parse(reply.text) as { paths: Record<string, Record<string, OpenApiOperation>> };
  const routes: CatalogueRoute[] = [];
  const problems: string[] = [];
  for (const { method, url, access } of routeAccessTable(server.running.app)) {
    // HEAD is GET without a body: nothing to read in its answer.
    if (method === "HEAD") continue;
    const operation = doc.paths[url.replace(/:([A-Za-z_]+)/g, "{$1}")]?.[method.toLowerCase()];
    const names = [...url.matchAll(/:([A-Za-z_]+)|\*/g)].map((m) => m[1] ?? "*");
    const route: CatalogueRoute = { method, url, access, hidden: !operation, params: [], list: false, query: [] };
    routes.push(route);
    if (!operation) {
      if (isFileRoute(url, names)) route.params = names.map((name) => ({ name, kind: "wildcard" }));
      else problems.push(`${routeKey(route)}: takes parameters but is not in /openapi.json, so no generator knows them`);
      continue;
    }
    const parameters = operation.parameters ?? [];
    for (const name of names) {
      const kind = name === "*" ? "wildcard" : paramKind(parameters.find((p) => p.in === "path" && p.name === name)?.schema);
      if (kind) route.params.push({ name, kind });
      else problems.push(`${routeKey(route)}: path parameter '${name}' has no documented string schema`);
    }
    const query = parameters.filter((p) => p.in === "query");
    route.list = LIST_PARAMS.every((name) => query.some((p) => p.name === name));
    route.query = query.filter((p) => !LIST_PARAMS.includes(p.name)).map((p) => ({ name: p.name, schema: p.schema ?? {} }));
    const content = operation.requestBody?.content;
    if (content) {
      const schema = content["application/json"]?.schema;
      if (schema) route.body = schema;
      else problems.push(`${routeKey(route)}: its body is documented for ${Object.keys(content).join(", ")}, not JSON`);
    }
  }
  return { routes, problems };
}

/** A path for the route with each parameter replaced by its (already encoded) value. */
export function pathOf(route: CatalogueRoute, values: Record<string, string>): string {
  return route.url.replace(/:([A-Za-z_]+)|\*/g, (_m, name: string | undefined) => values[name ?? "*"] ?? "");
}

/** Methods whose requests carry a body the server parses (fastify ignores GET and HEAD bodies). */
export function takesBody(route: CatalogueRoute): boolean {
  return route.method !== "GET" && route.method !== "HEAD";
}
