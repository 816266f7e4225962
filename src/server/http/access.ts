/**
 * Every route declares who may call it (`config.access`): `public`, any `session`, a permission
 * the actor must hold in some scope, or `metrics`: a scraper holding COHORT_METRICS_TOKEN, which
 * is no actor at all. Routes registered without a declaration make the server refuse to start
 * (see `requireAccessDeclarations`). The concrete "may this actor do this to that" is then
 * decided by the policy module, inside the service.
 */
import { createHmac } from "node:crypto";
import "@fastify/cookie";
import type { FastifyInstance, FastifyRequest, RouteOptions } from "fastify";
import type { Permission } from "../../core/permissions.js";
import { IllegalOperation, NotEnoughPermissions, Unauthenticated } from "../errors.js";
import type { Actor, UserActor } from "../policy/actor.js";
import { holdsAnywhere } from "../policy/can.js";
import { authenticate } from "../services/authentication.js";
import type { Ctx } from "../services/context.js";
import { sameDigest, sameSecret } from "../auth/tokens.js";

export type Access = "public" | "session" | "metrics" | Permission;

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export const SESSION_COOKIE = "cohort_session";
export const CSRF_COOKIE = "cohort_csrf";
export const CSRF_HEADER = "x-csrf-token";
const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The CSRF token of a session: derived, so no server stores it (SPEC §5.1). */
export function csrfTokenFor(secretKey: string, sessionId: string): string {
  return createHmac("sha256", secretKey).update(`csrf:${sessionId}`).digest("hex");
}

/** Paths outside the API that need no declaration because they serve only public files. */
const PUBLIC_PREFIXES = ["/docs"];

/** One registered route and who may call it. */
export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

const routeTables = new WeakMap<FastifyInstance, RouteAccess[]>();

export function requireAccessDeclarations(app: FastifyInstance): void {
  const table: RouteAccess[] = [];
  routeTables.set(app, table);
  app.addHook("onRoute", (route: RouteOptions) => {
    let access = (route.config as { access?: Access } | undefined)?.access;
    if (!access) {
      if (!PUBLIC_PREFIXES.some((p) => route.url === p || route.url.startsWith(p + "/"))) {
        throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
      }
      access = "public";
      route.config = { ...(route.config as object), access } as RouteOptions["config"];
    }
    for (const method of [route.method].flat()) table.push({ method, url: route.url, access });
  });
}

/**
 * Every route registered since `requireAccessDeclarations`, with its declared access: what the
 * route-guard test and the access-control matrix walk (SPEC §9).
 */
export function routeAccessTable(app: FastifyInstance): readonly RouteAccess[] {
  return routeTables.get(app) ?? [];
}

/** The token of an `Authorization: Bearer` header; undefined without one, 401 for another kind. */
function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw new Unauthenticated("Not authenticated");
  return m[1];
}

/** The scraper's credential (SPEC §9): `Authorization: Bearer <COHORT_METRICS_TOKEN>`, compared in constant time. */
export function requireMetricsToken(authorization: string | undefined, metricsToken: string | undefined): void {
  const sent = bearerToken(authorization);
  if (sent === undefined) throw new Unauthenticated("Not authenticated");
  if (metricsToken === undefined || !sameSecret(sent, metricsToken)) throw new Unauthenticated("Invalid authentication credentials");
}

export interface AccessOptions {
  ctx: Ctx;
  secretKey: string;
  /** Local mode: every request is this actor and nothing is checked. */
  localActor?: Actor;
}

export function installAccessControl(app: FastifyInstance, options: AccessOptions): void {
  app.decorateRequest("actor", null);
  /** Lets the request in as `actor`, or throws: the CSRF check of cookie sessions, then the route's permission. */
  const admit = (request: FastifyRequest, access: Exclude<Access, "public" | "metrics">, actor: UserActor, byCookie: boolean) => {
    if (byCookie && MUTATING.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== "string" || !sameDigest(sent, csrfTokenFor(options.secretKey, actor.sessionId))) {
        throw new IllegalOperation(
          `Missing or invalid CSRF token: send the ${CSRF_HEADER} header with the value of the ${CSRF_COOKIE} cookie.`,
        );
      }
    }
    request.actor = actor;
    if (access !== "session" && !holdsAnywhere(actor, access)) throw new NotEnoughPermissions(access);
  };
  // Callback style: a session this process remembers is confirmed without a promise (see
  // `authenticate`), and the request goes on at once. A throw becomes the error answer.
  app.addHook("onRequest", (request, _reply, done) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === "public") return done();
    if (access === "metrics") {
      requireMetricsToken(request.headers.authorization, options.ctx.config.metricsToken);
      return done();
    }
    if (options.localActor) {
      request.actor = options.localActor;
      return done();
    }
    const bearer = bearerToken(request.headers.authorization);
    const cookieHeader = bearer ? undefined : request.headers.cookie;
    const cookie = cookieHeader ? app.parseCookie(cookieHeader)[SESSION_COOKIE] : undefined;
    const token = bearer ?? cookie;
    if (!token) throw new Unauthenticated("Not authenticated");
    const actor = authenticate(options.ctx, token, request.ip);
    if (actor instanceof Promise) {
      actor.then((confirmed) => admit(request, access, confirmed, cookie !== undefined)).then(() => done(), done);
      return;
    }
    admit(request, access, actor, cookie !== undefined);
    done();
  });
}

/** The actor of a route that declared `session` or a permission (set by the onRequest hook). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Unauthenticated("Not authenticated");
  return request.actor;
}
