/**
 * One line per answered request, at `info`: method, URL, status, time, client address and the
 * request id (which every other line of the request carries too). Fastify writes two by default,
 * the URL in one and the status in the other, so neither told the story alone; `RequestLog` is
 * its log controller with that one line instead.
 *
 * Query values whose names look secret are written as `[FILTERED]`, in that line and wherever a
 * line carries the request (`LOG_SERIALIZERS`): the sign-up page's URL carries the account's
 * activation token (SPEC §5.2), and Fastify's own lines wrote it in clear, so anyone who could
 * read the log could set the password of a pending account, the first admin's included.
 */
import { LogController, type FastifyReply, type FastifyRequest } from "fastify";

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

/** Fastify's request log lines, as Cohort writes them. */
export class RequestLog extends LogController {
  /** Nothing when a request arrives: its line is written when it is answered. */
  override incomingRequest(): void {}

  /** The request's one line; at `error`, with the error, when the answer could not be sent. */
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (!error && !LOGGING_REQUESTS.has(request.log.level)) return;
    const line = {
      method: request.method,
      url: loggedUrl(request.url),
      statusCode: reply.statusCode,
      responseTime: reply.elapsedTime,
      remoteAddress: request.ip,
    };
    if (error) request.log.error({ ...line, err: error }, "request errored");
    else request.log.info(line, "request completed");
  }
}

/** How a log line shows a request passed to it (`{ req }`), wherever Fastify or a plugin logs one. */
export const LOG_SERIALIZERS = {
  req: (request: FastifyRequest) => ({ method: request.method, url: loggedUrl(request.url), remoteAddress: request.ip }),
};
