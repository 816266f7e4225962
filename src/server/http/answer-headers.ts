/**
 * Headers on every answer, set on the reply before routing, so errors, 404s and replies sent by
 * plugins carry them too: Cohort's version and the request id (which is in every
 * log line, so a user can quote it in a bug report), and the security headers of SPEC §9. Pages (the dashboard, the API docs) get them as
 * helmet writes them. @fastify/helmet runs helmet afresh on every request, re-reading these
 * options and re-parsing the CSP each time, about a twentieth of an authenticated request's CPU in
 * the benchmark (docs/performance.md). Nothing here varies by request (no CSP nonces), so helmet
 * runs once, on a throwaway instance, and every request gets the headers it wrote.
 *
 * The API's JSON answers get the few that mean something for a document no browser renders: no
 * sniffing it into something else, no framing, no referrer, no use by other origins, a CSP
 * that allows nothing, and no keeping in any cache (they carry activation tokens, emails and the
 * like; SPEC §9). Helmet's other headers steer how a browser runs a page; on every API answer
 * they were two thirds of its bytes and a tenth of the server's work (docs/performance.md).
 *
 * Served over https (`COHORT_BASE_URL`), every answer also tells browsers to use nothing else.
 */
import helmet, { type FastifyHelmetOptions } from "@fastify/helmet";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";

export const HELMET_OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      // Plain-http deployments (127.0.0.1) must not have their requests upgraded to https.
      upgradeInsecureRequests: null,
    },
  },
  frameguard: { action: "deny" },
  referrerPolicy: { policy: "no-referrer" },
  hsts: false,
};

async function headersOf(withHelmet: boolean): Promise<Record<string, unknown>> {
  const probe = Fastify();
  if (withHelmet) await probe.register(helmet, HELMET_OPTIONS);
  probe.get("/", () => "");
  try {
    return (await probe.inject("/")).headers;
  } finally {
    await probe.close();
  }
}

/** For every answer under `/api/`: JSON (or nothing), never a page. */
export const API_HEADERS: readonly [string, string][] = [
  ["content-security-policy", "default-src 'none'; frame-ancestors 'none'"],
  ["x-content-type-options", "nosniff"],
  ["x-frame-options", "DENY"],
  ["referrer-policy", "no-referrer"],
  ["cross-origin-resource-policy", "same-origin"],
  ["cache-control", "no-store"],
];
/** A year, subdomains included: a browser that once reached the server over https keeps to it. */
export const HSTS_HEADER: readonly [string, string] = ["strict-transport-security", "max-age=31536000; includeSubDomains"];
const API_PREFIX = "/api/";

let computed: Promise<[string, string][]> | undefined;

/** The headers helmet adds to an answer: what it sets, less what Fastify sets anyway. Once per process. */
export function securityHeaders(): Promise<[string, string][]> {
  computed ??= Promise.all([headersOf(true), headersOf(false)]).then(([hardened, plain]) =>
    Object.entries(hardened)
      .filter(([name]) => !(name in plain))
      .map(([name, value]) => [name, String(value)]),
  );
  return computed;
}

export interface AnswerHeaderOptions {
  version: string;
  /**
   * Whether to send the security headers. The CLI's in-process app answers only the CLI, and
   * working them out (helmet on a throwaway Fastify instance) took a tenth of a second of every
   * local command.
   */
  security: boolean;
  /** The server is reached over https: send HSTS (with the security headers only). */
  https: boolean;
}

/** Sets the headers every answer carries on a reply. */
export type AnswerHeaders = (request: FastifyRequest, reply: FastifyReply) => void;

export async function answerHeaders(options: AnswerHeaderOptions): Promise<AnswerHeaders> {
  const helmetHeaders = options.security ? await securityHeaders() : [];
  if (options.security && !helmetHeaders.some(([name]) => name === "content-security-policy")) {
    throw new Error("helmet produced no Content-Security-Policy");
  }
  const hsts = options.security && options.https ? [HSTS_HEADER] : [];
  const pageHeaders = [...helmetHeaders, ...hsts];
  const apiHeaders = options.security ? [...API_HEADERS, ...hsts] : [];
  // On the reply, not its raw response: a header set on the raw response sends Node down its slow
  // path, where every header of the answer is set and checked one by one again.
  return (request, reply) => {
    reply.header("x-cohort-version", options.version);
    reply.header("x-request-id", request.id);
    for (const [name, value] of request.url.startsWith(API_PREFIX) ? apiHeaders : pageHeaders) reply.header(name, value);
  };
}

/** On every request that reaches routing (answers to unroutable URLs set them themselves: see app.ts). */
export function installAnswerHeaders(app: FastifyInstance, setHeaders: AnswerHeaders): void {
  app.addHook("onRequest", (request, reply, done) => {
    setHeaders(request, reply);
    done();
  });
}
