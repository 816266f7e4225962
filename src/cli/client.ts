/**
 * The one client every command is written against: REST calls by path, JSON in and out, errors
 * turned into ApiError with the server's message. It knows nothing of where the API lives; that is
 * the transport's business.
 */
import { ApiError, apiErrorMessage, CliError } from "./errors.js";
import type { Transport, TransportRequest, TransportResponse } from "./transport.js";

export const API_PREFIX = "/api/v1";

/** A list repeats its parameter (`created=gte:…&created=lt:…`, a time range). */
export type QueryValue = string | number | boolean | readonly string[] | undefined | null;
export type Query = Readonly<Record<string, QueryValue>>;

/** A page of a list, as every list route answers (SPEC §6 "Lists"). */
export interface Page<T> {
  index: number;
  max_size: number;
  total_pages: number;
  total: number;
  items: T[];
}

/**
 * Builds an API path with each interpolated value encoded as one path segment, so a name such
 * as `a/b` or `x?y` can never change which route is called: path`/users/${name}/roles`.
 */
export function path(strings: TemplateStringsArray, ...values: string[]): string {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? encodeURIComponent(values[i] ?? "") : ""), "");
}

function withQuery(url: string, query: Query | undefined): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== undefined && one !== null) params.append(key, String(one));
    }
  }
  const text = params.toString();
  return text ? `${url}?${text}` : url;
}

/** An error body as JSON, or null when it is something else (a proxy's HTML page). */
function parseOrNull(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

interface CallOptions {
  query?: Query;
  json?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
}

export class Client {
  constructor(readonly transport: Transport) {}

  get mode(): "remote" | "local" {
    return this.transport.mode;
  }

  async call<T>(method: TransportRequest["method"], apiPath: string, options: CallOptions = {}): Promise<T> {
    return (await this.exchange<T>(method, apiPath, options)).body;
  }

  /** A call whose answer's headers matter too (the sign-up link beside a new user). */
  async exchange<T>(method: TransportRequest["method"], apiPath: string, options: CallOptions = {}) {
    const { text, headers } = await this.send(method, apiPath, options);
    try {
      return { body: (text ? JSON.parse(text) : null) as T, headers };
    } catch {
      throw new CliError(`The server answered ${method} ${apiPath} with something that is not JSON.`);
    }
  }

  /** A GET whose answer is not JSON (the audit log as JSON lines), as text. */
  async text(apiPath: string, query?: Query): Promise<string> {
    return (await this.send("GET", apiPath, { query })).text;
  }

  /** Sends one request; a refusal becomes an ApiError with the server's message. */
  private async send(method: TransportRequest["method"], apiPath: string, options: CallOptions): Promise<TransportResponse> {
    const headers: Record<string, string> = { accept: "application/json", ...options.headers };
    let body: string | undefined;
    if (options.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(options.form).toString();
    } else if (options.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.json);
    }
    const response = await this.transport.send({ method, url: withQuery(API_PREFIX + apiPath, options.query), headers, body });
    if (response.status >= 400) throw new ApiError(response.status, apiErrorMessage(response.status, parseOrNull(response.text)));
    return response;
  }

  get<T>(apiPath: string, query?: Query): Promise<T> {
    return this.call<T>("GET", apiPath, { query });
  }

  post<T>(apiPath: string, json?: unknown, query?: Query): Promise<T> {
    return this.call<T>("POST", apiPath, { json, query });
  }

  put<T>(apiPath: string, json?: unknown): Promise<T> {
    return this.call<T>("PUT", apiPath, { json });
  }

  delete(apiPath: string, query?: Query): Promise<void> {
    return this.call<void>("DELETE", apiPath, { query });
  }

  list<T>(apiPath: string, query?: Query): Promise<Page<T>> {
    return this.get<Page<T>>(apiPath, query);
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}
