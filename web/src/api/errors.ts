/**
 * Errors as the API sends them (SPEC §6): `{"detail": ["Name", "message"]}`, or a plain string for
 * authentication failures. The dashboard shows the message; the name stays for code to branch on.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorName: string | null,
  ) {
    super(message);
  }

  /** The session is gone (logged out, expired, revoked): the dashboard goes back to the login page. */
  get sessionEnded(): boolean {
    return this.status === 401 && SESSION_ENDED.has(this.message);
  }
}

const SESSION_ENDED = new Set(["Not authenticated", "Invalid authentication credentials"]);

export function errorFromBody(status: number, body: unknown): ApiError {
  const detail = (body as { detail?: unknown } | null)?.detail;
  if (typeof detail === "string") return new ApiError(status, detail, null);
  if (Array.isArray(detail) && typeof detail[1] === "string") {
    return new ApiError(status, detail[1], typeof detail[0] === "string" ? detail[0] : null);
  }
  return new ApiError(status, `The server answered ${status}.`, null);
}

/** A sentence to show for any failure, including a server that cannot be reached. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof TypeError) return "Cannot reach the server. Check your connection and try again.";
  return err instanceof Error ? err.message : String(err);
}
