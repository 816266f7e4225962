/**
 * How the Client reaches the API: over HTTP to a server (transport-http.ts), or in-process to the
 * local store through the very same fastify app (transport-local.ts). Both take and give
 * HTTP-shaped messages, so commands, wire shapes and validation are the same in both modes.
 */
export interface TransportRequest {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path and query, e.g. `/api/v1/users?name=contains%3Aal`. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface TransportResponse {
  status: number;
  text: string;
  /** By lower-case name; a header sent more than once is joined with ", ". */
  headers: Readonly<Record<string, string>>;
}

/** Node's and fastify's header shapes as TransportResponse["headers"]. */
export function flatHeaders(headers: Record<string, string | string[] | number | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return flat;
}

export interface Transport {
  readonly mode: "remote" | "local";
  send(request: TransportRequest): Promise<TransportResponse>;
  close(): Promise<void>;
}
