/**
 * Who makes a request. Services take one Actor and pass it to the policy; nothing else inspects
 * its permissions.
 */
import type { Permission } from "../../core/permissions.js";

/** A user with a live session; its permissions were confirmed current against the store for this very request. */
export interface UserActor {
  readonly kind: "user";
  readonly id: string;
  readonly name: string;
  readonly sessionId: string;
  readonly source: string;
  /** Permissions from global assignments (direct or through teams). */
  readonly global: ReadonlySet<Permission>;
  /** Permissions from assignments scoped to one workspace, by workspace id. */
  readonly byWorkspace: ReadonlyMap<string, ReadonlySet<Permission>>;
}

/** The CLI's local mode: the default user on one person's own store, checked by nothing. */
export interface LocalActor {
  readonly kind: "local";
  readonly id: string;
  readonly name: string;
  readonly source: string;
}

export type Actor = UserActor | LocalActor;
