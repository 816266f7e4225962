/**
 * The crash suite's bookkeeping: every write is entered when it is sent and marked acknowledged on
 * its 2xx. After a `kill -9` and a restart, `verifyLedger` reads everything back through the API and
 * checks that each acknowledged write is there, and that every entity that exists (acknowledged or
 * cut off mid-flight) is whole: the state one request asked for, with its audit event.
 */
import type { Api } from "./http.js";

export type Kind = "user" | "role" | "workspace" | "team" | "assignment";

interface Entry {
  kind: Kind;
  /** Set once the create was acknowledged. */
  id?: string;
  acked: boolean;
  /** States the entity may show: the created one, plus an update's until it is acknowledged. */
  states: string[];
  /** The state an update asked for, once sent: it needs its own audit event when applied. */
  updatedState?: string;
}

/** An entity as read back, reduced to what one request sets (the same shape a request is entered with). */
export interface Found {
  key: string;
  id: string;
  state: string;
}

export class Ledger {
  private readonly entries = new Map<string, Entry>();
  /** Replies other than 2xx while the server was up: each one is a failure of the suite. */
  readonly unexpected: string[] = [];
  /** Requests sent and neither answered nor failed yet: what a kill at this moment cuts into. */
  inFlight = 0;
  /** When each write was acknowledged (ms since the epoch). */
  private readonly ackTimes: number[] = [];

  constructor(readonly prefix: string) {}

  sent(key: string, kind: Kind, state: string): void {
    this.entries.set(key, { kind, acked: false, states: [state] });
  }

  created(key: string, id: string): void {
    const entry = this.entry(key);
    entry.id = id;
    entry.acked = true;
    this.ackTimes.push(Date.now());
  }

  updateSent(key: string, state: string): void {
    const entry = this.entry(key);
    entry.states.push(state);
    entry.updatedState = state;
  }

  updated(key: string, state: string): void {
    this.entry(key).states = [state];
    this.ackTimes.push(Date.now());
  }

  /** Writes acknowledged at or after `since` (ms since the epoch). */
  ackedSince(since: number): number {
    let n = 0;
    for (let i = this.ackTimes.length - 1; i >= 0 && this.ackTimes[i]! >= since; i--) n++;
    return n;
  }

  count(kind?: Kind): { acked: number; unacked: number } {
    let acked = 0;
    let unacked = 0;
    for (const e of this.entries.values()) {
      if (kind && e.kind !== kind) continue;
      if (e.acked) acked++;
      else unacked++;
    }
    return { acked, unacked };
  }

  private entry(key: string): Entry {
    const entry = this.entries.get(key);
    if (!entry) throw new Error(`ledger: nothing sent for ${key}`);
    return entry;
  }

  /** Compares what the store holds with what was acknowledged; returns the problems and figures. */
  check(found: readonly Found[], auditActions: ReadonlyMap<string, Set<string>>): LedgerCheck {
    const problems: string[] = [];
    const byKey = new Map(found.map((f) => [f.key, f]));
    let lost = 0;
    let appliedUnacked = 0;
    for (const [key, entry] of this.entries) {
      const got = byKey.get(key);
      if (entry.acked && (!got || got.id !== entry.id)) {
        lost++;
        problems.push(`acknowledged ${key} is missing`);
      }
      if (got && !entry.acked) appliedUnacked++;
    }
    for (const f of found) {
      const entry = this.entries.get(f.key);
      if (!entry) {
        problems.push(`${f.key} exists but was never sent`);
        continue;
      }
      if (!entry.states.includes(f.state)) problems.push(`${f.key} is half-written: ${f.state} is none of ${entry.states.join(" | ")}`);
      const actions = auditActions.get(f.id) ?? new Set();
      if (actions.size === 0) problems.push(`${f.key} exists without its audit event`);
      if (entry.updatedState === f.state && !actions.has(`${entry.kind}.update`)) {
        problems.push(`${f.key} shows its update without the update's audit event`);
      }
    }
    return { problems, lost, checked: found.length, appliedUnacked };
  }
}

export interface LedgerCheck {
  problems: string[];
  /** Acknowledged writes not found: must be 0. */
  lost: number;
  /** Entities read back and checked for wholeness. */
  checked: number;
  /** Writes cut off by the kill that had nevertheless committed (whole, as checked). */
  appliedUnacked: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Wire = any;

export const snapshot = {
  user: (name: string, active: boolean) => JSON.stringify({ name, active }),
  role: (name: string, permissions: readonly string[]) => JSON.stringify({ name, permissions: [...permissions].sort() }),
  workspace: (name: string, description: string) => JSON.stringify({ name, description }),
  team: (name: string, users: readonly string[]) => JSON.stringify({ name, users: [...users].sort() }),
  assignment: (user: string, role: string, workspace: string | null) => `${user}/${role}/${workspace ?? "global"}`,
};

async function listAll(admin: Api, path: string, query: Record<string, string> = {}): Promise<Wire[]> {
  const reply = await admin.get(path, { size: "10000", ...query });
  if (reply.status !== 200) throw new Error(`GET ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
  if (reply.body.total > reply.body.items.length) throw new Error(`GET ${path}: more than one page`);
  return reply.body.items as Wire[];
}

/** Reads back every entity of this run (its names carry the ledger's prefix) and checks it. */
export async function verifyLedger(admin: Api, ledger: Ledger): Promise<LedgerCheck> {
  const mine = { name: `startswith:${ledger.prefix}` };
  const [users, roles, workspaces, teams, assignments, events] = await Promise.all([
    listAll(admin, "/api/v1/users", mine),
    listAll(admin, "/api/v1/roles", mine),
    listAll(admin, "/api/v1/workspaces", mine),
    listAll(admin, "/api/v1/teams", mine),
    listAll(admin, "/api/v1/role_assignments"),
    listAll(admin, "/api/v1/audit_events", { target_name: `startswith:${ledger.prefix}` }),
  ]);
  const found: Found[] = [
    ...users.map((u) => ({ key: `user:${u.name}`, id: u.id, state: snapshot.user(u.name, u.active) })),
    ...roles.map((r) => ({ key: `role:${r.name}`, id: r.id, state: snapshot.role(r.name, r.permissions) })),
    ...workspaces.map((w) => ({ key: `workspace:${w.name}`, id: w.id, state: snapshot.workspace(w.name, w.description) })),
    ...teams.map((t) => ({
      key: `team:${t.name}`,
      id: t.id,
      state: snapshot.team(
        t.name,
        t.users.map((u: Wire) => u.id),
      ),
    })),
    ...assignments
      .filter((a) => String(a.user?.name ?? "").startsWith(ledger.prefix))
      .map((a) => {
        const state = snapshot.assignment(a.user.id, a.role.id, a.workspace?.id ?? null);
        return { key: `assignment:${state}`, id: a.id, state };
      }),
  ];
  const auditActions = new Map<string, Set<string>>();
  for (const e of events) {
    if (!e.target_id) continue;
    const set = auditActions.get(e.target_id) ?? new Set<string>();
    set.add(e.action);
    auditActions.set(e.target_id, set);
  }
  return ledger.check(found, auditActions);
}
