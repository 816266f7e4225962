/** Unauthenticated server routes: health, info, version, the OpenAPI document. */
import { ZENML_API_VERSION } from "../../version.js";
import type { RouteModule } from "./index.js";
import { API } from "./shared.js";

const DATABASE_TYPES = { sqlite: "sqlite", mysql: "mysql", postgres: "other" } as const;

export const serverRoutes: RouteModule = (app, rt) => {
  // ZenML answers these with JSON strings, not plain text.
  app.get("/health", { config: { access: "public" }, schema: { hide: true } }, async (_req, reply) =>
    reply.type("application/json").send(JSON.stringify("OK")),
  );
  app.get(`${API}/version`, { config: { access: "public" } }, async (_req, reply) =>
    reply.type("application/json").send(JSON.stringify(ZENML_API_VERSION)),
  );
  app.get(`${API}/info`, { config: { access: "public" } }, async () => ({
    id: rt.serverId,
    version: ZENML_API_VERSION,
    debug: false,
    deployment_type: "other",
    database_type: DATABASE_TYPES[rt.ctx.db.dialect],
    secrets_store_type: "none",
  }));
  app.get("/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () => app.swagger());
};
