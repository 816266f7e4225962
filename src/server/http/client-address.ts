/**
 * The client address (SPEC §5.1): `request.ip`, which the audit log, login throttling and the
 * sessions list use. Fastify (through proxy-addr) walks X-Forwarded-For from the right, skipping
 * the entries trusted hops added, and takes the first one they did not: never the left-most, which
 * the client writes itself.
 */
import type { FastifyInstance, FastifyServerOptions } from "fastify";
import type { TrustProxy } from "../config.js";

/**
 * Fastify's `trustProxy` for the setting. A hop count is given as a function: Fastify 5.12.1 and
 * later read a bare number as "trust nothing", since a count cannot tell the proxy from a client
 * that connects directly (README says to keep such a server reachable through the proxy only).
 */
export function fastifyTrustProxy(trust: TrustProxy): FastifyServerOptions["trustProxy"] {
  if (trust === false) return false;
  if ("hops" in trust) {
    const hops = trust.hops;
    // Hop 0 is the connection's own address, hop 1 the right-most X-Forwarded-For entry.
    return (_address: string, hop: number) => hop < hops;
  }
  return trust.addresses;
}

/**
 * With the setting off, X-Forwarded-For is ignored, which behind a proxy gives every client the
 * proxy's address (one shared login limit, one source in the audit log). The first request that
 * carries it says so in the log, once per server.
 */
export function warnOfIgnoredForwarding(app: FastifyInstance): void {
  let warned = false;
  app.addHook("onRequest", (request, _reply, done) => {
    if (!warned && request.headers["x-forwarded-for"] !== undefined) {
      warned = true;
      request.log.warn(
        "A request came with X-Forwarded-For, which is ignored while COHORT_TRUST_PROXY is off: behind a proxy, set it to the number of proxy hops or to the proxies' addresses.",
      );
    }
    done();
  });
}
