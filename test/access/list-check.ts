/**
 * Lists against single gets, per live actor: a list must show exactly the ids whose single GET
 * answers 200 to that actor, and its `total` must count them. A list refused as a whole (403)
 * shows nothing; one refused as unreadable (404, a workspace the actor cannot read) must hide a
 * scope whose items no single GET shows either. Either refusal is an error body and nothing else:
 * no id or name of anything the list could show appears in it, unless the caller wrote it in the
 * path. Filters on each field, and sorts on those a rule may hide, must agree with the single gets
 * too (field-filter-check.ts).
 */
import type { Api } from "../helpers/http.js";
import { LIVE_ACTORS } from "./actors.js";
import { checkFieldFilters } from "./field-filter-check.js";
import type { ListInstance, ListSource } from "./list-sources.js";
import type { World } from "./world.js";

export interface ListTally {
  lists: number;
  gets: number;
  /** Filters and sorts compared field by field. */
  fieldProbes: number;
  failures: string[];
}

/** Tables whose rows a list can show by name; an id of the universe names a row of one of them. */
const NAMED = ["users", "role", "team", "workspace", "stack", "stack_component", "pipeline", "pipeline_run"] as const;

async function namesOf(w: World, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const db = w.server.running.runtime.ctx.db.kysely;
  const rows = await Promise.all(NAMED.map((table) => db.selectFrom(table).select("name").where("id", "in", ids).execute()));
  return rows.flat().map((r) => r.name);
}

/** What of the universe a refusal's body gives away: its shape must be `{detail}`, and no id or name may appear. */
async function leaks(w: World, path: string, body: unknown, universe: readonly string[]): Promise<string[]> {
  const keys = body !== null && typeof body === "object" ? Object.keys(body) : [];
  const shape = keys.length === 1 && keys[0] === "detail" ? [] : [`a body that is not an error: ${JSON.stringify(body)}`];
  const text = JSON.stringify(body);
  const told = [...universe, ...(await namesOf(w, universe))].filter((s) => text.includes(s) && !path.includes(s));
  return [...shape, ...told];
}

const itemsOf = (body: unknown): { id: string }[] => (Array.isArray(body) ? body : ((body as { items?: { id: string }[] })?.items ?? []));

async function checkInstance(w: World, actor: string, api: Api, source: ListSource, list: ListInstance, tally: ListTally): Promise<void> {
  const fail = (message: string) => tally.failures.push(`${list.path} as ${actor}: ${message}`);
  // Listing first makes what a first list makes (the caller's default stacks), so the store
  // read next holds everything the list can show.
  await api.get(list.path, { size: "10000" });
  const universe = await list.universe(w.server.running.runtime.ctx.db.kysely);
  // Reads only, so they may overlap: a round trip at a time made this check most of the suite's time.
  const replies = await Promise.all(universe.map((id) => api.get(source.single(id))));
  tally.gets += universe.length;
  const gettable = universe.filter((_id, i) => replies[i]!.status === 200);
  replies.forEach((reply, i) => {
    if (![200, 403, 404].includes(reply.status)) fail(`GET ${source.single(universe[i]!)} answered ${reply.status}`);
  });
  const reply = await api.get(list.path, { size: "10000" });
  tally.lists++;
  if (reply.status === 403 || reply.status === 404) {
    const told = await leaks(w, list.path, reply.body, universe);
    if (told.length > 0) fail(`the ${reply.status} body gives away ${told.join(", ")}`);
    if (reply.status === 404 && gettable.length > 0) fail(`the list is hidden (404) but single gets show ${gettable.join(", ")}`);
    return;
  }
  if (reply.status !== 200) {
    fail(`answered ${reply.status} ${JSON.stringify(reply.body)}`);
    return;
  }
  const listed = itemsOf(reply.body).map((i) => i.id);
  const extra = listed.filter((id) => !gettable.includes(id));
  const missing = gettable.filter((id) => !listed.includes(id));
  if (extra.length > 0) fail(`lists ${extra.join(", ")}, which single gets hide`);
  if (missing.length > 0) fail(`hides ${missing.join(", ")}, which single gets show`);
  const total = (reply.body as { total?: number }).total;
  if (total !== undefined && total !== gettable.length) fail(`total is ${total}, single gets show ${gettable.length}`);
  if (!source.fields) return;
  const shown = new Map(universe.flatMap((id, i) => (replies[i]!.status === 200 ? [[id, replies[i]!.body] as const] : [])));
  const db = w.server.running.runtime.ctx.db.kysely;
  await checkFieldFilters({ api, path: list.path, fields: source.fields, shown, db, fail, count: () => tally.fieldProbes++ });
}

export async function checkLists(w: World, sources: Record<string, ListSource>, tally: ListTally): Promise<void> {
  for (const source of Object.values(sources)) {
    for (const list of source.instances(w)) {
      for (const actor of LIVE_ACTORS) await checkInstance(w, actor, w.actors.byName[actor].api, source, list, tally);
    }
  }
}
