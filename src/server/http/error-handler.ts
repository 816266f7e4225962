/**
 * Renders every error in the wire format of SPEC §6. Known errors carry their status and name;
 * schema failures become a 422 naming the field; anything else is a bare 500 with nothing leaked
 * (the log line carries the request id and the stack).
 */
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from "fastify";
import { CohortError, Hidden, IllegalOperation, NotEnoughPermissions } from "../errors.js";
import { recordDenial } from "../services/audit.js";
import type { Ctx } from "../services/context.js";

/** One entry of fastify's `err.validation` as fastify-type-provider-zod fills it. */
interface ValidationIssue {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: { keys?: string[] };
}

function issueText(issue: ValidationIssue, where: string): string {
  const path = [where, ...(issue.instancePath ?? "").split("/").filter(Boolean)].join(" -> ");
  if (issue.keyword === "unrecognized_keys" && issue.params?.keys) {
    return issue.params.keys.map((k) => `${path} -> ${k}: extra fields not permitted`).join("; ");
  }
  if (issue.keyword === "invalid_type" && /received undefined/.test(issue.message ?? "")) return `${path}: field required`;
  return `${path}: ${issue.message ?? "invalid value"}`;
}

function validationMessage(err: FastifyError): string {
  const context = (err as { validationContext?: string }).validationContext ?? "body";
  const where = context === "querystring" ? "query" : context === "params" ? "path" : context;
  const issues = (err.validation ?? []) as unknown as ValidationIssue[];
  const parts = issues.map((i) => issueText(i, where));
  return `${parts.length} validation error${parts.length === 1 ? "" : "s"}: ${parts.join("; ")}`;
}

export function send(reply: FastifyReply, status: number, detail: unknown, headers: Record<string, string> = {}): FastifyReply {
  return reply.code(status).headers(headers).type("application/json").send({ detail });
}

/**
 * The router's own refusals (a path that does not percent-decode, a path segment past
 * `maxParamLength`) come before any route or error handler: fastify hands them here instead.
 */
export const frameworkErrors: NonNullable<FastifyServerOptions["frameworkErrors"]> = (err, _request, reply) => {
  if (err.code === "FST_ERR_MAX_PARAM_LENGTH") return send(reply, 414, ["ValueError", "A path segment is too long."]);
  if (err.code === "FST_ERR_BAD_URL")
    return send(reply, 400, ["ValueError", "The URL is not valid: a percent-escape does not decode to UTF-8 text."]);
  return send(reply, 400, ["ValueError", "The request could not be routed."]);
};

const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, "The request line or headers are too large."],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "The request took too long to arrive."],
};

/**
 * HTTP too broken for fastify to make a request of (malformed request line, oversized headers, bad
 * chunking) reaches Node's `clientError`; it still answers in the wire format, then closes.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === "ECONNRESET" || socket.destroyed) return;
  const [status, message] = CLIENT_ERRORS[err.code ?? ""] ?? [400, "The request is not valid HTTP."];
  const body = JSON.stringify({ detail: ["ValueError", message] });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

export function installErrorHandler(app: FastifyInstance, ctx: Ctx): void {
  app.setErrorHandler(async (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    // Every refusal, including a 404 that hides a target from the actor (SPEC §9).
    if (err instanceof IllegalOperation || err instanceof NotEnoughPermissions || err instanceof Hidden) {
      const actor = request.actor ?? { id: null, name: null, source: request.ip };
      await recordDenial(ctx, actor, `${request.method} ${request.routeOptions.url ?? request.url.split("?")[0]}`, err.message);
    }
    if (err instanceof CohortError) {
      return send(reply, err.status, err.plain ? err.message : [err.wireName, err.message], err.headers);
    }
    if (err.validation) return send(reply, 422, ["ValidationError", validationMessage(err)]);
    if (err.code === "FST_ERR_CTP_INVALID_JSON_BODY" || err instanceof SyntaxError) {
      return send(reply, 422, ["ValidationError", `body: the request body is not valid JSON (${err.message.slice(0, 200)})`]);
    }
    if (err.code === "FST_ERR_CTP_BODY_TOO_LARGE")
      return send(reply, 413, ["ValueError", "The request body is too large (at most 1 MiB)."]);
    if (err.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE")
      return send(reply, 415, ["ValueError", "Unsupported content type: send JSON or a form."]);
    if (typeof err.statusCode === "number" && err.statusCode >= 400 && err.statusCode < 500) {
      return send(reply, err.statusCode, ["ValueError", err.message.slice(0, 300)]);
    }
    request.log.error({ err }, "unhandled error");
    return send(reply, 500, ["RuntimeError", "Internal server error"]);
  });
  app.setNotFoundHandler((request, reply) => send(reply, 404, ["KeyError", `No route ${request.method} ${request.url.split("?")[0]}`]));
}
