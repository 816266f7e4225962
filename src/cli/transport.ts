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
}

export interface Transport {
  readonly mode: "remote" | "local";
  /** Where links the CLI prints point to: the server's URL, or the local store's configured base URL. */
  readonly baseUrl: string;
  send(request: TransportRequest): Promise<TransportResponse>;
  close(): Promise<void>;
}
