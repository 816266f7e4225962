/**
 * Text the stores cannot hold is refused at the door, the same way on every dialect (SPEC §10):
 * PostgreSQL rejects a NUL character in any text value (an error, so a 500, on a lookup as much as
 * on a write), and every driver silently turns an unpaired UTF-16 surrogate into U+FFFD, so a
 * value would not read back as written. A NUL in the URL (`%00`, in a path segment or a query
 * value) and either one anywhere in a JSON or form body, keys included, is a 422 naming where.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction, RouteOptions } from "fastify";
import { ValidationFailed } from "../errors.js";

/** A surrogate without its pair (with the `u` flag, a paired one is a single code point). */
const LONE_SURROGATE = /\p{Cs}/u;

/** Walks with its own stack: a body nested thousands deep must not overflow the call stack. */
function check(body: unknown): void {
  const pending: [unknown, string][] = [[body, "body"]];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const [value, path] = item;
    if (typeof value === "string") {
      if (value.includes("\0") || LONE_SURROGATE.test(value))
        throw new ValidationFailed(`${path}: text must not contain NUL characters or unpaired surrogates`);
    } else if (value !== null && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) pending.push([key, `${path} (a key)`], [inner, `${path} -> ${key}`]);
    }
  }
}

/** Methods whose requests never have a parsed body: their routes skip the body check. */
const BODILESS = new Set(["GET", "HEAD"]);

function checkBody(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  if (request.body !== undefined) check(request.body);
  done();
}

/**
 * The URL check runs on every request, unknown routes included; the body check on each route that
 * can take a body, where it runs before any other validation. Callback style spares each a promise
 * (a throw becomes the error answer).
 */
export function installTextGuard(app: FastifyInstance): void {
  app.addHook("onRequest", (request, _reply, done) => {
    if (request.url.includes("%00")) throw new ValidationFailed("url: must not contain NUL characters (%00)");
    done();
  });
  app.addHook("onRoute", (route: RouteOptions) => {
    if ([route.method].flat().every((method) => BODILESS.has(method))) return;
    route.preValidation = [checkBody, ...[route.preValidation ?? []].flat()];
  });
}
