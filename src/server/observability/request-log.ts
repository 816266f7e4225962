/**
 * One line per answered request, at `info`: method, URL, status, time, client address and the
 * request id (which every other line of the request carries too). Fastify writes two by default,
 * the URL in one and the status in the other, so neither told the story alone.
 *
 * Query values whose names look secret are written as `[FILTERED]`: the sign-up page's URL carries
 * the account's activation token (SPEC §5.2), and Fastify's own line wrote it in clear, so anyone
 * who could read the log could set the password of a pending account, the first admin's included.
 */
import type { FastifyReply, FastifyRequest } from "fastify";

const SECRET_NAME = /token|password|secret|key/i;
const FILTERED = "[FILTERED]";

function decoded(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, " "));
  } catch {
    return name;
  }
}

/** The URL as logged: the values of query parameters named like a secret (once decoded) replaced. */
export function loggedUrl(url: string): string {
  const start = url.indexOf("?");
  if (start < 0) return url;
  const pairs = url
    .slice(start + 1)
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      return eq >= 0 && SECRET_NAME.test(decoded(pair.slice(0, eq))) ? `${pair.slice(0, eq)}=${FILTERED}` : pair;
    });
  return `${url.slice(0, start)}?${pairs.join("&")}`;
}

/** Levels at which the line is written; the logger of a server without logging has none. */
const LOGGING_REQUESTS = new Set(["info", "debug", "trace"]);

/** Writes the request's line (an `onResponse` step). */
export function logAnswer(request: FastifyRequest, reply: FastifyReply): void {
  if (!LOGGING_REQUESTS.has(request.log.level)) return;
  request.log.info(
    {
      method: request.method,
      url: loggedUrl(request.url),
      statusCode: reply.statusCode,
      responseTime: reply.elapsedTime,
      remoteAddress: request.ip,
    },
    "request completed",
  );
}
