/**
 * What this process remembers of the sessions it has checked: the session, its user, the user's
 * grants, and (once `GET /current-user` asked) the answer about the user, each remembered with
 * the access generation read just before them (store/access-generation.ts). Every request still
 * asks the store: it reads the generation, and only when that has not moved is anything
 * remembered used. Any change to sessions, users, roles, assignments or teams, through any process,
 * moves it, so such a change counts on the very next request everywhere (SPEC §5.1), as when
 * everything was read afresh each time.
 *
 * The generation is read before what is remembered with it, so what is remembered is never older
 * than its generation says; a change in between only makes it newer. Nothing is remembered about
 * a token whose session was not found or may not be used.
 */
import type { UserActor } from "../policy/actor.js";
import { holdingsOf } from "../policy/holdings.js";
import type { Db } from "../store/db.js";
import type { SessionCheck } from "../store/repos/sessions.js";
import type { WireUser } from "../presenters/wire.js";
import { toMs } from "../store/time.js";

/** A session as remembered, with its times parsed once and its grants as its actors hold them. */
export interface RememberedSession extends Pick<UserActor, "global" | "byWorkspace"> {
  readonly generation: number;
  readonly check: SessionCheck;
  readonly lastSeenMs: number;
  /** When the session ends: the earlier of its idle and its absolute expiry, as of `lastSeenMs`. */
  readonly expiresMs: number;
  /** The answer to `GET /current-user`, frozen, once one was given at this generation. */
  ownAnswer?: WireUser;
}

/** Sessions remembered per store; beyond this the one read longest ago is forgotten. */
const CAPACITY = 10_000;

export class SessionCache {
  private readonly entries = new Map<string, RememberedSession>();

  /** The session behind a token digest as remembered, if it was read at `generation`. */
  get(tokenDigest: string, generation: number): RememberedSession | undefined {
    const entry = this.entries.get(tokenDigest);
    if (entry === undefined) return undefined;
    if (entry.generation === generation) return entry;
    this.entries.delete(tokenDigest);
    return undefined;
  }

  /** Remembers a session read (at the earliest) at `generation` and found usable. */
  remember(tokenDigest: string, generation: number, check: SessionCheck): RememberedSession {
    const entry: RememberedSession = {
      generation,
      check,
      lastSeenMs: toMs(check.last_seen),
      expiresMs: Math.min(toMs(check.idle_expires), toMs(check.max_expires)),
      ...holdingsOf(check.grants),
    };
    this.entries.delete(tokenDigest);
    this.entries.set(tokenDigest, entry);
    if (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value as string);
    return entry;
  }

  forget(tokenDigest: string): void {
    this.entries.delete(tokenDigest);
  }
}

const caches = new WeakMap<Db, SessionCache>();

/** This process's remembered sessions of one store. */
export function sessionCacheOf(db: Db): SessionCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new SessionCache()));
  return cache;
}
