/**
 * Runs the matrix one line at a time. The refusals of a line go first, together: the store is
 * dumped before and after them (one snapshot pair per line, not per case, to stay fast), and each
 * refusal by a live actor of a target it cannot read is sent again with a made-up id, which must
 * get the very same answer: a refusal must not tell whether the target exists. The successes
 * follow, each with its own target where it consumes one.
 */
import { randomUUID } from "node:crypto";
import type { Reply } from "../helpers/http.js";
import { assertSameStore, snapshotStore } from "../helpers/store-snapshot.js";
import { ALL_ACTORS, LIVE_ACTORS, type ActorName } from "./actors.js";
import { expectedFor, rowKey, type Expected, type MatrixRow } from "./matrix-table.js";
import type { MatrixRequest } from "./requests.js";
import { requestFor } from "./requests.js";
import type { World } from "./world.js";

export interface Tally {
  cases: number;
  /** Refusals resent with a made-up id. */
  ghosts: number;
  failures: string[];
}

const isLive = (actor: ActorName) => (LIVE_ACTORS as readonly string[]).includes(actor);

function send(w: World, actor: ActorName, method: string, request: MatrixRequest): Promise<Reply> {
  const api = request.api ?? w.actors.byName[actor].api;
  return api.request(method, request.path, { json: request.json, form: request.form });
}

/** The GET of the target a path names: the path up to its first parameter (e.g. `/users/{id}`). */
function readPath(row: MatrixRow, path: string): string | undefined {
  const segments = row.url.split("/");
  const first = segments.findIndex((s) => s.startsWith(":"));
  return first < 0
    ? undefined
    : path
        .split("/")
        .slice(0, first + 1)
        .join("/");
}

const show = (reply: Reply) => `${reply.status} ${JSON.stringify(reply.body)?.slice(0, 300)}`;

export async function runRow(w: World, row: MatrixRow, isPublic: boolean, tally: Tally): Promise<void> {
  const build = requestFor(rowKey(row), row.url);
  if (!build) throw new Error(`no request builder for ${rowKey(row)}`);
  const fail = (actor: ActorName, message: string) => tally.failures.push(`${rowKey(row)} as ${actor}: ${message}`);
  const check = (actor: ActorName, expected: Expected, reply: Reply, reference?: Reply) => {
    tally.cases++;
    if (expected === "as-anon") {
      if (reference!.status >= 500) fail(actor, `anonymous got ${show(reference!)}`);
      else if (reply.status !== reference!.status) fail(actor, `got ${show(reply)}, anonymous got ${show(reference!)}`);
    } else if (reply.status !== expected) fail(actor, `expected ${expected}, got ${show(reply)}`);
  };

  const expectations = ALL_ACTORS.map((actor) => ({ actor, expected: expectedFor(row, actor, isPublic) }));
  const refusals = expectations.filter((e) => e.expected === "as-anon" || e.expected >= 400);
  const requests = new Map<ActorName, MatrixRequest>();
  for (const { actor } of refusals) requests.set(actor, await build(w, w.actors.byName[actor]));
  const db = w.server.running.runtime.ctx.db.kysely;
  const before = await snapshotStore(db);
  let reference: Reply | undefined;
  for (const { actor, expected } of refusals) {
    const request = requests.get(actor)!;
    const reply = await send(w, actor, row.method, request);
    if (actor === "anon") reference = reply;
    check(actor, expected, reply, reference);
    const target = readPath(row, request.path);
    if (!isLive(actor) || isPublic || !target || reply.status < 400) continue;
    if ((await send(w, actor, "GET", { path: target })).status === 200) continue;
    // The target's id or name is the last segment of its GET path.
    const real = target.split("/").pop()!;
    const ghost = randomUUID();
    const ghostReply = await send(w, actor, row.method, { ...request, path: request.path.replace(real, ghost) });
    tally.ghosts++;
    const asReal = JSON.stringify(ghostReply.body)?.replaceAll(ghost, real);
    if (ghostReply.status !== reply.status || asReal !== JSON.stringify(reply.body)) {
      fail(actor, `a made-up id gets ${show(ghostReply)}, the real one ${show(reply)}: the refusal tells the target exists`);
    }
  }
  try {
    assertSameStore(before, await snapshotStore(db), `${rowKey(row)} refused to ${refusals.map((r) => r.actor).join(", ")}`);
  } catch (err) {
    tally.failures.push((err as Error).message);
  }

  for (const { actor, expected } of expectations) {
    if (expected === "as-anon" || expected >= 400) continue;
    check(actor, expected, await send(w, actor, row.method, await build(w, w.actors.byName[actor])));
  }
}
