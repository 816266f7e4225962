/**
 * Connected mode: requests go to the server over HTTP(S) with the session's bearer token.
 * node:http rather than fetch: fetch loads undici on first use, some 40 ms of a CLI command's
 * 300 ms budget (SPEC §11).
 */
import type { IncomingMessage } from "node:http";
import { CliError } from "./errors.js";
import { flatHeaders, type Transport, type TransportRequest, type TransportResponse } from "./transport.js";

const DEFAULT_TIMEOUT_MS = 30_000;

function unreachable(baseUrl: string, err: unknown): CliError {
  const code = (err as { code?: string }).code;
  const reason =
    code === "ECONNREFUSED"
      ? "connection refused (is it running? `cohort up` starts a local one)"
      : code === "ENOTFOUND"
        ? "unknown host"
        : err instanceof Error
          ? err.message
          : String(err);
  return new CliError(`Could not reach the Cohort server at '${baseUrl}': ${reason}.`);
}

export async function httpTransport(baseUrl: string, token: string | undefined, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Transport> {
  const origin = new URL(baseUrl);
  const lib = origin.protocol === "https:" ? await import("node:https") : await import("node:http");
  const prefix = origin.pathname.replace(/\/+$/, "");

  function send(request: TransportRequest): Promise<TransportResponse> {
    const headers: Record<string, string> = { ...request.headers, "user-agent": "cohort-cli" };
    if (token) headers.authorization = `Bearer ${token}`;
    if (request.body !== undefined) headers["content-length"] = String(Buffer.byteLength(request.body));
    return new Promise((resolve, reject) => {
      const req = lib.request(
        {
          protocol: origin.protocol,
          hostname: origin.hostname.replace(/^\[|\]$/g, ""),
          port: origin.port || undefined,
          path: prefix + request.url,
          method: request.method,
          headers,
          timeout: timeoutMs,
        },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), headers: flatHeaders(res.headers) }),
          );
          res.on("error", (err) => reject(unreachable(baseUrl, err)));
        },
      );
      req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
      req.on("error", (err) => reject(unreachable(baseUrl, err)));
      req.end(request.body);
    });
  }

  return { mode: "remote", send, close: async () => {} };
}
