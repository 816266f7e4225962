/**
 * Actors and outcomes for the policy's unit tests (test/policy/, STYLE §2.11): rules are pure
 * functions of an actor and a target, so they are called directly, and what they decide is read
 * as one string a test can compare whole.
 */
import type { Permission } from "../../src/core/permissions.js";
import { CohortError } from "../../src/server/errors.js";
import type { LocalActor, UserActor } from "../../src/server/policy/actor.js";
import type { Holdings } from "../../src/server/policy/holdings.js";
import type { HeldPrincipal } from "../../src/server/policy/principals.js";

type ByWorkspace = Record<string, readonly Permission[]>;

function holdings(global: readonly Permission[], byWorkspace: ByWorkspace): Holdings {
  return { global: new Set(global), byWorkspace: new Map(Object.entries(byWorkspace).map(([ws, p]) => [ws, new Set(p)])) };
}

export function userActor(id: string, global: readonly Permission[], byWorkspace: ByWorkspace = {}): UserActor {
  return { kind: "user", id, name: `name-of-${id}`, sessionId: `session-of-${id}`, source: "test", ...holdings(global, byWorkspace) };
}

/** A user as rule 9 sees a target: what its assignments give it. */
export function principal(id: string, global: readonly Permission[], byWorkspace: ByWorkspace = {}): HeldPrincipal {
  return { id, name: `name-of-${id}`, holdings: holdings(global, byWorkspace) };
}

/** The CLI's local mode: the default user on its own store. */
export function localActor(id = "local-default"): LocalActor {
  return { kind: "local", id, name: "default", source: "local" };
}

/** "ok" when `check` passes, else the refusal as `status wireName: message`. Anything but a policy refusal propagates. */
export function outcome(check: () => void): string {
  try {
    check();
    return "ok";
  } catch (err) {
    if (err instanceof CohortError) return `${err.status} ${err.wireName}: ${err.message}`;
    throw err;
  }
}

/** The answer to an actor lacking the permission a route or rule needs. */
export const NOT_ENOUGH = "403 AuthorizationException: Not enough permissions";

/** An IllegalOperation refusal with `message`. */
export const illegal = (message: string) => `403 IllegalOperationError: ${message}`;

/** A 404 with `message`, as a hidden or missing target gets. */
export const notFound = (message: string) => `404 KeyError: ${message}`;
