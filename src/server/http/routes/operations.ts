/**
 * Operations endpoints: `/ready` (the store answers and every migration is applied) and
 * Prometheus `/metrics`. `/health` (liveness) is in server.ts with the other ZenML routes.
 *
 * `/metrics` tells failed logins, lockouts and revoked sessions apart, so it is never public (SPEC
 * §9): beside the API it exists only with COHORT_METRICS_TOKEN, for bearers of that token, and
 * not at all when COHORT_METRICS_ADDRESS gives it a listener of its own
 * (observability/metrics-listener.ts). With neither setting it is a 404 like any unknown path.
 */
import { METRICS_CONTENT_TYPE, renderMetrics } from "../../observability/metrics.js";
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
  const { metricsToken, metricsAddress } = rt.ctx.config;
  if (metricsToken === undefined || metricsAddress !== undefined) return;
  app.get("/metrics", { config: { access: "metrics" }, schema: hidden }, async (_request, reply) =>
    reply.type(METRICS_CONTENT_TYPE).send(renderMetrics()),
  );
};
