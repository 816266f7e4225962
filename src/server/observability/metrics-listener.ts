/**
 * `/metrics` on an address of its own (COHORT_METRICS_ADDRESS, e.g. 127.0.0.1:9464), apart from
 * the API, so a deployment can keep it off the network its users reach (SPEC §9). It serves that
 * one path and nothing else, and asks for COHORT_METRICS_TOKEN too when that is set. A bare
 * `node:http` server is enough for one read-only route, and keeps the API's hooks, sessions and
 * logs out of the scrapes.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ListenAddress } from "../config.js";
import { CohortError } from "../errors.js";
import { requireMetricsToken } from "../http/access.js";
import { METRICS_CONTENT_TYPE, renderMetrics } from "./metrics.js";

export interface MetricsListener {
  /** Where it listens, e.g. `http://127.0.0.1:9464` (the port is known once listening). */
  url: string;
  close(): Promise<void>;
}

function answer(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store", "x-content-type-options": "nosniff", ...headers });
  res.end(body);
}

function serve(req: IncomingMessage, res: ServerResponse, token: string | undefined): void {
  const path = (req.url ?? "").split("?")[0];
  if (path !== "/metrics" || (req.method !== "GET" && req.method !== "HEAD")) {
    return answer(res, 404, "application/json", JSON.stringify({ detail: ["KeyError", `No route ${req.method} ${path}`] }));
  }
  if (token !== undefined) {
    try {
      requireMetricsToken(req.headers.authorization, token);
    } catch (err) {
      if (!(err instanceof CohortError)) throw err;
      return answer(res, err.status, "application/json", JSON.stringify({ detail: err.message }), err.headers);
    }
  }
  answer(res, 200, METRICS_CONTENT_TYPE, renderMetrics());
}

export async function listenForMetrics(address: ListenAddress, token: string | undefined): Promise<MetricsListener> {
  const server = createServer((req, res) => serve(req, res, token));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(address.port, address.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = address.host.includes(":") ? `[${address.host}]` : address.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
