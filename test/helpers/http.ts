/**
 * A small HTTP client for the API tests: real requests over the network to a real server, with the
 * answer reduced to what tests assert on (status, parsed body, headers).
 */

/**
 * Response bodies are whatever the server sent; tests assert on their shape field by field, so
 * the body is typed loosely rather than cast at every use.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = any;

export interface Reply {
  status: number;
  body: Body;
  headers: Headers;
}

export interface RequestOptions {
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: unknown;
  /** Sent form-encoded, as the login form is. */
  form?: Record<string, string>;
  /** Sent as is, with no Content-Type unless `headers` sets one (the ZenML CLI does that). */
  raw?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface Api {
  request(method: string, path: string, options?: RequestOptions): Promise<Reply>;
  get(path: string, query?: Record<string, string>): Promise<Reply>;
  post(path: string, json?: unknown): Promise<Reply>;
  put(path: string, json?: unknown): Promise<Reply>;
  delete(path: string): Promise<Reply>;
}

function encodeBody(options: RequestOptions): { body?: RequestInit["body"]; contentType?: string } {
  if (options.json !== undefined) return { body: JSON.stringify(options.json), contentType: "application/json" };
  if (options.form) return { body: new URLSearchParams(options.form).toString(), contentType: "application/x-www-form-urlencoded" };
  // Bytes, not a string: fetch would label a string body text/plain.
  if (options.raw !== undefined) return { body: new TextEncoder().encode(options.raw) };
  return {};
}

async function parseBody(response: Response): Promise<Body> {
  const text = await response.text();
  if (text === "") return undefined;
  // JSON lines (application/x-ndjson) stay text: they are many documents, not one.
  return /^application\/([\w.-]+\+)?json\b/.test(response.headers.get("content-type") ?? "") ? JSON.parse(text) : text;
}

/** A client for `baseUrl`; with `token`, every request carries `Authorization: Bearer <token>`. */
export function apiClient(baseUrl: string, token?: string): Api {
  const request = async (method: string, path: string, options: RequestOptions = {}): Promise<Reply> => {
    const url = new URL(path, baseUrl);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
    const { body, contentType } = encodeBody(options);
    const headers: Record<string, string> = {
      ...(contentType ? { "content-type": contentType } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...options.headers,
    };
    const response = await fetch(url, { method, headers, body });
    return { status: response.status, body: await parseBody(response), headers: response.headers };
  };
  return {
    request,
    get: (path, query) => request("GET", path, { query }),
    post: (path, json) => request("POST", path, { json }),
    put: (path, json) => request("PUT", path, { json }),
    delete: (path) => request("DELETE", path),
  };
}

/** A failed expectation on a reply, with the body in the message so the cause is visible. */
export function expectStatus(reply: Reply, status: number, what: string): Reply {
  if (reply.status !== status) throw new Error(`${what}: expected ${status}, got ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply;
}
