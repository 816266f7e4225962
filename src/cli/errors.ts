/**
 * What a command can fail with. Every failure ends as one line `Error: …` on stderr (main.ts):
 * exit 1 for a failed operation, exit 2 for a command line that does not make sense.
 */
export class CliError extends Error {
  readonly exitCode: number = 1;
}

/** A command line that cannot work as given (missing flag, conflicting options, no TTY to prompt on). */
export class UsageError extends CliError {
  override readonly exitCode = 2;
}

/** A refusal from the server (or the in-process store in local mode), with its HTTP status. */
export class ApiError extends CliError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The message of an error body: `{"detail": [name, message]}` or `{"detail": "…"}` as the server
 * sends them (SPEC §6), falling back to the status for anything else (a proxy's HTML page).
 */
export function apiErrorMessage(status: number, body: unknown): string {
  const detail = body !== null && typeof body === "object" && "detail" in body ? (body as { detail: unknown }).detail : undefined;
  if (typeof detail === "string" && detail) return detail;
  if (Array.isArray(detail)) {
    const message = detail[1];
    if (typeof message === "string" && message) return message;
    if (typeof detail[0] === "string") return detail[0];
  }
  return `The server answered ${status} without an explanation.`;
}
