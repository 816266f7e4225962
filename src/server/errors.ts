/**
 * Errors with a stable wire name and HTTP status. One handler (http/error-handler.ts) renders them
 * as SPEC §6 says: `{"detail": [name, message]}`, or a plain string for authentication failures.
 */
export abstract class CohortError extends Error {
  abstract readonly status: number;
  /** The class name ZenML clients map back to an exception. */
  abstract readonly wireName: string;
  /** Authentication errors keep ZenML's plain-string `detail`. */
  readonly plain: boolean = false;
  readonly headers: Record<string, string> = {};
}

/** 400: a value that is well-formed but not acceptable (ZenML's ValueError). */
export class BadRequest extends CohortError {
  readonly status = 400;
  readonly wireName = "ValueError";
}

/** 422: a body, query or path that does not fit its schema. */
export class ValidationFailed extends CohortError {
  readonly status = 422;
  readonly wireName = "ValidationError";
}

/** 401 with a plain string detail: missing, invalid or dead credentials. */
export class Unauthenticated extends CohortError {
  readonly status = 401;
  readonly wireName = "AuthorizationException";
  override readonly plain = true;
  override readonly headers = { "www-authenticate": "Bearer" };
  constructor(message: "Not authenticated" | "Invalid authentication credentials" | "Incorrect username or password") {
    super(message);
  }
}

/** 401 in the `[name, message]` shape, e.g. a failed activation. */
export class AuthorizationFailed extends CohortError {
  readonly status = 401;
  readonly wireName = "AuthorizationException";
}

/** 403 "Not enough permissions": the actor lacks the permission the action needs. */
export class NotEnoughPermissions extends CohortError {
  readonly status = 403;
  readonly wireName = "AuthorizationException";
  override readonly plain = true;
  override readonly headers: Record<string, string>;
  constructor(scope: string) {
    super("Not enough permissions");
    this.headers = { "www-authenticate": `Bearer scope="${scope}"` };
  }
}

/** 403 for an action that is never allowed on this target (built-in role, last admin, …). */
export class IllegalOperation extends CohortError {
  readonly status = 403;
  readonly wireName = "IllegalOperationError";
}

/** 404: missing, or not visible to the actor (the two are indistinguishable on purpose). */
export class NotFound extends CohortError {
  readonly status = 404;
  readonly wireName = "KeyError";
}

/**
 * 404 for a target that exists but is not the actor's to see (SPEC §4 rule 4). It answers exactly
 * as a missing one, byte for byte; only the audit log, written by the error handler, tells them
 * apart, since this one is a denial (SPEC §9).
 */
export class Hidden extends NotFound {}

/** 409: a name or assignment that already exists, or a change that breaks an invariant. */
export class Conflict extends CohortError {
  readonly status = 409;
  readonly wireName: string;
  constructor(message: string, wireName = "EntityExistsError") {
    super(message);
    this.wireName = wireName;
  }
}

/** 429 with Retry-After. */
export class RateLimited extends CohortError {
  readonly status = 429;
  readonly wireName = "RateLimitError";
  override readonly headers: Record<string, string>;
  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.headers = { "retry-after": String(Math.max(1, Math.ceil(retryAfterSeconds))) };
  }
}
