/**
 * Operations endpoints: `/ready` (the store answers and every migration is applied) and
 * Prometheus `/metrics`. `/health` (liveness) is in server.ts with the other ZenML routes.
 */
import { renderMetrics } from "../../observability/metrics.js";
import { migrationStatus } from "../../store/migrate.js";
import type { RouteModule } from "./index.js";

export const operationRoutes: RouteModule = (app, rt) => {
  const hidden = { hide: true };
  app.get("/ready", { config: { access: "public" }, schema: hidden }, async (request, reply) => {
    try {
      const pending = (await migrationStatus(rt.ctx.db)).filter((m) => !m.applied).map((m) => m.name);
      if (pending.length > 0) return reply.code(503).send({ ready: false, reason: `migrations not applied: ${pending.join(", ")}` });
      return { ready: true };
    } catch (err) {
      request.log.warn({ err }, "readiness check failed");
      return reply.code(503).send({ ready: false, reason: "the store is not reachable" });
    }
  });
  app.get("/metrics", { config: { access: "public" }, schema: hidden }, async (_request, reply) =>
    reply.type("text/plain; version=0.0.4").send(renderMetrics()),
  );
};
