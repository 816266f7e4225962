/**
 * Wiring only: plugins, parsers, hooks and the route modules. Behaviour lives in services/ and
 * policy/; each route module is schema + access + one service call.
 */
import cookie from "@fastify/cookie";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { recordRequest } from "../observability/metrics.js";
import { LOG_SERIALIZERS, RequestLog } from "../observability/request-log.js";
import type { Actor } from "../policy/actor.js";
import type { Runtime } from "../runtime.js";
import { VERSION } from "../version.js";
import { installAccessControl, requireAccessDeclarations } from "./access.js";
import { answerHeaders, installAnswerHeaders } from "./answer-headers.js";
import { installBodyParsers } from "./body-parsers.js";
import { fastifyTrustProxy, warnOfIgnoredForwarding } from "./client-address.js";
import { clientErrorHandler, frameworkErrors, installErrorHandler } from "./error-handler.js";
import { dashboardRoutes } from "./routes/dashboard.js";
import { routeModules } from "./routes/index.js";
import { serializeReply } from "./reply-serializer.js";
import { installTextGuard } from "./text-guard.js";

export const BODY_LIMIT = 1024 * 1024;
/**
 * Longest path segment the router matches (encoded). A 255-character name (SPEC §3) takes up to
 * 9 bytes per character percent-encoded; longer segments get a 414.
 */
const MAX_PARAM_LENGTH = 4096;

export interface AppOptions {
  /** Local mode (the CLI without a server): this actor for every request, no checks. */
  localActor?: Actor;
  logger?: boolean | object;
}

export type App = FastifyInstance;

export async function buildApp(rt: Runtime, options: AppOptions = {}): Promise<App> {
  const setAnswerHeaders = await answerHeaders({
    version: VERSION,
    security: !options.localActor,
    https: /^https:/i.test(rt.ctx.config.baseUrl),
  });
  const app = Fastify({
    logger: typeof options.logger === "object" ? { serializers: LOG_SERIALIZERS, ...options.logger } : (options.logger ?? false),
    logController: new RequestLog(),
    bodyLimit: BODY_LIMIT,
    trustProxy: fastifyTrustProxy(rt.ctx.config.trustProxy),
    requestIdHeader: "x-request-id",
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // A URL too broken to route never reaches the onRequest hooks.
    frameworkErrors: (err, request, reply) => {
      setAnswerHeaders(request, reply);
      frameworkErrors(err, request, reply);
    },
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setReplySerializer(serializeReply);

  requireAccessDeclarations(app);
  installErrorHandler(app, rt.ctx);
  installBodyParsers(app);
  // First of the onRequest hooks: an answer refused by a later one carries the headers too.
  installAnswerHeaders(app, setAnswerHeaders);
  installTextGuard(app);
  if (rt.ctx.config.trustProxy === false && !options.localActor) warnOfIgnoredForwarding(app);
  // Cookies are read only where needed (the session cookie, when there is no bearer token), not
  // parsed for every request in a hook of their own.
  await app.register(cookie, { hook: false });
  // Labels use the route pattern, never the raw URL, so ids cannot explode the series count.
  // (Callback style spares every request a promise.)
  app.addHook("onResponse", (request, reply, done) => {
    recordRequest(request.method, request.routeOptions.url ?? "unmatched", reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  installAccessControl(app, { ctx: rt.ctx, secretKey: rt.secretKey, localActor: options.localActor });

  // The CLI's in-process app never serves docs or the dashboard; skipping them (and loading their
  // plugins) keeps local commands fast.
  if (!options.localActor) await (await import("./openapi.js")).installOpenApi(app);

  for (const register of routeModules) await register(app, rt);
  if (!options.localActor) await dashboardRoutes(app, rt);
  await app.ready();
  return app;
}
