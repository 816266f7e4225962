/**
 * Who makes a request. Services take one Actor and pass it to the policy; nothing else inspects
 * its permissions.
 */
import type { Holdings } from "./holdings.js";

/** A user with a live session; its permissions were confirmed current against the store for this very request. */
export interface UserActor extends Holdings {
  readonly kind: "user";
  readonly id: string;
  readonly name: string;
  readonly sessionId: string;
  readonly source: string;
}

/** The CLI's local mode: the default user on one person's own store, checked by nothing. */
export interface LocalActor {
  readonly kind: "local";
  readonly id: string;
  readonly name: string;
  readonly source: string;
}

export type Actor = UserActor | LocalActor;
