/**
 * Requests exactly as written, for the bad-input suites: the path goes on the wire as given (fetch's
 * URL parser would resolve `..` and `%2e%2e` and re-encode junk before the server ever saw it), any
 * method may carry a body, and the only headers are the ones the caller sets.
 */
import http from "node:http";

export interface RawRequest {
  method: string;
  /** Sent verbatim; Node only refuses spaces, control characters and code points above U+00FF. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as text (every answer the suites look at is text). */
  text: string;
}

/** Connections are reused: thousands of requests per suite would otherwise pile up sockets in TIME_WAIT. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

export function rawRequest(baseUrl: string, request: RawRequest): Promise<RawReply> {
  const { hostname, port } = new URL(baseUrl);
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  const headers = { ...request.headers, ...(body ? { "content-length": String(body.length) } : {}) };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, method: request.method, path: request.path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}
