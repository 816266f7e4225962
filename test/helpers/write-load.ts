/**
 * The write load the crash suite kills a server under: workers that loop over creates (active and
 * pending users, roles with permissions, workspaces, teams with members, role assignments) and role
 * permission updates, each entered in the ledger before it is sent and acknowledged on its 200;
 * the ledger also counts the requests in flight, so the suite can tell a kill cut into the load.
 * A worker stops at its first request that throws, which is how it notices the server died.
 */
import type { Api, Reply } from "./http.js";
import { USER_PASSWORD } from "./fixtures.js";
import { snapshot, type Ledger } from "./write-ledger.js";

const PERMISSION_SETS = [["read"], ["read", "me"], ["read", "write"], ["me"]] as const;

/** What one worker created and may build on: its own entities only, so workers never collide. */
interface Worker {
  admin: Api;
  ledger: Ledger;
  /** A name no other write of this run uses. */
  name(kind: string): string;
  users: string[];
  unassigned: string[];
  roles: { id: string; key: string; name: string; set: number }[];
  workspaces: string[];
}

/** The reply if it is a 200; anything else is entered as unexpected. Throws when the server is gone. */
async function send(w: Worker, what: string, call: () => Promise<Reply>): Promise<Reply | undefined> {
  w.ledger.inFlight++;
  let reply: Reply;
  try {
    reply = await call();
  } finally {
    w.ledger.inFlight--;
  }
  if (reply.status === 200) return reply;
  w.ledger.unexpected.push(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return undefined;
}

async function createUser(w: Worker, withPassword: boolean): Promise<void> {
  const name = w.name("u");
  const key = `user:${name}`;
  w.ledger.sent(key, "user", snapshot.user(name, withPassword));
  const body = withPassword ? { name, password: USER_PASSWORD } : { name };
  const reply = await send(w, key, () => w.admin.post("/api/v1/users", body));
  if (!reply) return;
  w.ledger.created(key, reply.body.id);
  w.users.push(reply.body.id);
  w.unassigned.push(reply.body.id);
}

async function createRole(w: Worker): Promise<void> {
  const name = w.name("r");
  const key = `role:${name}`;
  const set = w.roles.length % PERMISSION_SETS.length;
  const permissions = PERMISSION_SETS[set] ?? [];
  w.ledger.sent(key, "role", snapshot.role(name, permissions));
  const reply = await send(w, key, () => w.admin.post("/api/v1/roles", { name, permissions }));
  if (!reply) return;
  w.ledger.created(key, reply.body.id);
  w.roles.push({ id: reply.body.id, key, name, set });
}

async function createWorkspace(w: Worker): Promise<void> {
  const name = w.name("w");
  const key = `workspace:${name}`;
  const description = `written by the crash suite as ${name}`;
  w.ledger.sent(key, "workspace", snapshot.workspace(name, description));
  const reply = await send(w, key, () => w.admin.post("/api/v1/workspaces", { name, description }));
  if (!reply) return;
  w.ledger.created(key, reply.body.id);
  w.workspaces.push(reply.body.id);
}

async function createTeam(w: Worker): Promise<void> {
  const name = w.name("t");
  const key = `team:${name}`;
  const users = w.users.slice(-3);
  w.ledger.sent(key, "team", snapshot.team(name, users));
  const reply = await send(w, key, () => w.admin.post("/api/v1/teams", { name, users }));
  if (reply) w.ledger.created(key, reply.body.id);
}

async function assignRole(w: Worker): Promise<void> {
  const user = w.unassigned.shift();
  const role = w.roles.at(-1);
  if (!user || !role) return createUser(w, true);
  const workspace = w.workspaces.length % 2 === 0 ? null : (w.workspaces.at(-1) ?? null);
  const state = snapshot.assignment(user, role.id, workspace);
  const key = `assignment:${state}`;
  w.ledger.sent(key, "assignment", state);
  const reply = await send(w, key, () => w.admin.post("/api/v1/role_assignments", { user, role: role.id, workspace }));
  if (reply) w.ledger.created(key, reply.body.id);
}

/** Changes the permissions of the worker's oldest role not yet changed. */
async function updateRole(w: Worker): Promise<void> {
  const role = w.roles.shift();
  if (!role) return createRole(w);
  const permissions = PERMISSION_SETS[(role.set + 1) % PERMISSION_SETS.length] ?? [];
  const state = snapshot.role(role.name, permissions);
  w.ledger.updateSent(role.key, state);
  const reply = await send(w, `${role.key} update`, () => w.admin.put(`/api/v1/roles/${role.id}`, { permissions }));
  if (reply) w.ledger.updated(role.key, state);
}

const OPS: ((w: Worker) => Promise<void>)[] = [
  (w) => createUser(w, true),
  createRole,
  createWorkspace,
  (w) => createUser(w, false),
  createTeam,
  assignRole,
  updateRole,
];

export interface LoadResult {
  /** Workers whose last request died with the server (in flight at the kill, or refused after it). */
  cutOff: number;
}

/**
 * Runs `workers` workers until the server stops answering (at most `maxOps` writes each, so the
 * load is bounded even if nobody kills it). `tag` keeps the names of rounds and workers apart.
 */
export async function writeLoad(admin: Api, ledger: Ledger, tag: string, workers: number, maxOps: number): Promise<LoadResult> {
  let cutOff = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, n) => {
      let seq = 0;
      const w: Worker = {
        admin,
        ledger,
        name: (kind) => `${ledger.prefix}${tag}-${n}-${kind}${seq++}`,
        users: [],
        unassigned: [],
        roles: [],
        workspaces: [],
      };
      for (let i = 0; i < maxOps; i++) {
        try {
          await OPS[(n + i) % OPS.length]!(w);
        } catch (err) {
          // fetch reports a refused or severed connection as a TypeError; anything else is a bug here.
          if (!(err instanceof TypeError)) throw err;
          cutOff++;
          return;
        }
      }
    }),
  );
  return { cutOff };
}
