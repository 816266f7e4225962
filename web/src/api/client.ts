/**
 * The one way the dashboard talks to the server: same-origin fetches to `/api/v1`. The session
 * rides in the HttpOnly cookie the login set; every mutation echoes the readable `cohort_csrf`
 * cookie in `x-csrf-token` (SPEC §5.1), which a page on another site cannot read.
 */
import { ApiError, errorFromBody } from "./errors";

const BASE = "/api/v1";
const CSRF_COOKIE = "cohort_csrf";
const CSRF_HEADER = "x-csrf-token";

/** A list given twice (e.g. `created=gte:…&created=lt:…`) is an array. */
export type Query = Record<string, string | number | readonly string[] | undefined>;

export interface RequestOptions {
  json?: unknown;
  form?: Record<string, string>;
  query?: Query;
}

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

/**
 * Whether the browser holds a session at all. The CSRF cookie is set and cleared with the session
 * cookie (which scripts cannot read), so without it there is no need to ask the server.
 */
export function hasSessionCookie(): boolean {
  return readCookie(CSRF_COOKIE) !== undefined;
}

/** Drops the CSRF cookie of a session the server ended, so later visits do not ask again. */
export function forgetSessionCookie(): void {
  document.cookie = `${CSRF_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
}

function urlFor(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined && one !== "") params.append(key, String(one));
  }
  const search = params.toString();
  return `${BASE}${path}${search ? `?${search}` : ""}`;
}

const UNREADABLE = Symbol("unreadable");

/** A proxy in front may answer with HTML; that must not surface as a JSON syntax error. */
function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return UNREADABLE;
  }
}

export interface Exchange<T> {
  body: T;
  headers: Headers;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json" };
  let body: string | undefined;
  if (options.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.json);
  } else if (options.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(options.form).toString();
  }
  if (method !== "GET") {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers[CSRF_HEADER] = csrf;
  }
  return fetch(urlFor(path, options.query), { method, headers, body, credentials: "same-origin" });
}

function failure(response: Response, parsed: unknown): ApiError {
  return errorFromBody(response.status, parsed === UNREADABLE ? undefined : parsed);
}

/** One request; the answer's headers too, for the few that carry something beside the body. */
export async function exchange<T>(method: string, path: string, options: RequestOptions = {}): Promise<Exchange<T>> {
  const response = await send(method, path, options);
  const parsed = parseBody(await response.text());
  if (!response.ok) throw failure(response, parsed);
  if (parsed === UNREADABLE) throw new ApiError(response.status, "The server sent an answer the dashboard cannot read.", null);
  return { body: parsed as T, headers: response.headers };
}

/** A GET answered with text that is not one JSON document, such as JSON lines. */
export async function getText(path: string, query?: Query): Promise<string> {
  const response = await send("GET", path, { query });
  const text = await response.text();
  if (!response.ok) throw failure(response, parseBody(text));
  return text;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  return (await exchange<T>(method, path, options)).body;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>("GET", path, { query }),
  post: <T>(path: string, json?: unknown) => request<T>("POST", path, { json }),
  put: <T>(path: string, json?: unknown) => request<T>("PUT", path, { json }),
  delete: (path: string, query?: Query) => request<null>("DELETE", path, { query }),
};
