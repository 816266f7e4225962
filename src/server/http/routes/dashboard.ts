/**
 * The dashboard (SPEC §8): the single-page app Vite builds into `dist/web`. Its hashed assets are
 * cached for good; every page the browser navigates to gets `index.html` and the app routes on
 * the client. API paths never fall back to the app: an unknown `/api/...` stays a JSON 404.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { RouteModule } from "./index.js";
import { API } from "./shared.js";

/** This file sits four levels below the package root, in src/ (tsx) and in dist/ (built) alike. */
export const WEB_DIR = fileURLToPath(new URL("../../../../dist/web/", import.meta.url));

const INDEX = "index.html";
const NOT_BUILT = "The dashboard has not been built: run `npm run build` (or `npm run build:web`).\n";

/** Navigations ask for HTML; scripts, images and API clients do not, and get the usual 404. */
function isPageRequest(request: FastifyRequest): boolean {
  const path = request.url.split("?")[0] ?? "";
  if (path === API || path.startsWith(`${API}/`)) return false;
  return (request.headers.accept ?? "").includes("text/html");
}

function sendIndex(reply: FastifyReply) {
  if (!existsSync(WEB_DIR + INDEX)) return reply.code(503).type("text/plain").send(NOT_BUILT);
  // Always revalidated, so a new build is picked up at once; the assets it names are immutable.
  return reply.header("cache-control", "no-cache").sendFile(INDEX, WEB_DIR, { cacheControl: false });
}

/** Registered by buildApp for real servers only; the CLI's in-process app loads none of this. */
export const dashboardRoutes: RouteModule = async (app) => {
  const { default: fastifyStatic } = await import("@fastify/static");
  // serve: false: the plugin's own routes cannot carry an access declaration, so ours do.
  // preCompressed: the build writes .br and .gz beside each asset (web/vite-precompress.ts), sent
  // to browsers that accept them; the server itself compresses nothing.
  await app.register(fastifyStatic, { root: WEB_DIR, serve: false, preCompressed: true });
  const page = { config: { access: "public" as const }, schema: { hide: true } };

  app.get("/assets/*", page, (request, reply) => {
    const file = (request.params as { "*": string })["*"];
    return reply.sendFile(file, `${WEB_DIR}assets`, { immutable: true, maxAge: "365d" });
  });
  app.get("/favicon.svg", page, (_request, reply) => reply.sendFile("favicon.svg", WEB_DIR, { maxAge: "1d" }));
  app.get("/", page, (_request, reply) => sendIndex(reply));
  app.get("/*", page, (request, reply) => (isPageRequest(request) ? sendIndex(reply) : reply.callNotFound()));
};
