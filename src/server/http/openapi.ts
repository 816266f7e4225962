/**
 * The OpenAPI document at `/openapi.json` and its readable form at `/docs`. Routes are grouped by
 * resource (the path segment after /api/v1), and public routes are marked as needing no token,
 * from the same `config.access` declaration the server enforces.
 */
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance, RouteOptions } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { VERSION } from "../version.js";

function tagOf(url: string): string {
  const m = /^\/api\/v1\/([^/]+)(?:\/:[^/]+\/([a-z_-]+))?/.exec(url);
  if (!m) return "server";
  const [, resource = "server", sub] = m;
  if (resource === "workspaces" && sub && sub !== "statistics") return sub.replace(/-/g, "_");
  if (resource === "info" || resource === "version") return "server";
  if (resource === "login" || resource === "logout") return "authentication";
  return resource.replace(/-/g, "_");
}

export async function installOpenApi(app: FastifyInstance): Promise<void> {
  app.addHook("onRoute", (route: RouteOptions) => {
    const access = (route.config as { access?: string } | undefined)?.access;
    const schema = (route.schema ?? {}) as Record<string, unknown>;
    route.schema = { tags: [tagOf(route.url)], ...(access === "public" ? { security: [] } : {}), ...schema };
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Cohort",
        version: VERSION,
        description:
          "Cohort's REST API, in ZenML 0.40.3's wire shapes. Log in with `POST /api/v1/login` (form fields `username`, `password`) and send the returned `access_token` as `Authorization: Bearer <token>`.",
      },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });
}
