/**
 * The harness of the bad-input suites (SPEC §10): one real server per suite, an admin token (so
 * access control never hides the input handling), the route catalogue, and `send`, which checks
 * every answer against the invariants: never a 5xx; every 4xx a JSON body in the wire error
 * format with a non-empty message; no stack trace or internal path in any body. `batch` proves
 * that nothing was written, and every input is counted per route for the coverage checks.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, type TestContext } from "node:test";
import fc from "fast-check";
import type { TestDialect } from "./dialects.js";
import { rawRequest, type RawReply, type RawRequest } from "./raw-http.js";
import { routeCatalogue, routeKey, type Catalogue, type CatalogueRoute } from "./route-catalogue.js";
import { ADMIN_NAME, ADMIN_PASSWORD, startTestServer, type TestServer } from "./server.js";
import { assertSameStore, snapshotStore } from "./store-snapshot.js";

/**
 * What an input may get: `refused` any 4xx; `answered` a 2xx or a 4xx (odd but possibly valid input,
 * e.g. an unknown query parameter, which lists ignore); or exactly one of the given statuses.
 */
export type Expected = "refused" | "answered" | readonly number[];

/** Stack frames, source locations and the checkout's own path: nothing a client should ever see. */
const LEAKS: readonly RegExp[] = [
  /^\s*at .+[:(]\d+:\d+\)?\s*$/m,
  /\.[cm]?[jt]s:\d+:\d+/,
  /node_modules/,
  /file:\/\//,
  new RegExp(process.cwd().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
];

/** Every string in a JSON value (or the text itself when it is not JSON), so escaped newlines count as newlines. */
function stringsOf(text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [text];
  }
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "string") out.push(v);
    else if (v && typeof v === "object") {
      for (const [k, inner] of Object.entries(v)) {
        out.push(k);
        walk(inner);
      }
    }
  };
  walk(value);
  return out;
}

export function assertNoLeak(reply: RawReply, what: string): void {
  for (const s of stringsOf(reply.text)) {
    const leak = LEAKS.find((re) => re.test(s));
    assert.equal(leak, undefined, `${what}: the body shows internals (${String(leak)}): ${reply.text.slice(0, 500)}`);
  }
}

/** `{"detail": "message"}` or `{"detail": ["ErrorName", "message"]}` (SPEC §6), as JSON. */
export function assertWireError(reply: RawReply, what: string): void {
  const context = `${what} → ${reply.status} ${reply.text.slice(0, 300)}`;
  assert.match(String(reply.headers["content-type"] ?? ""), /^application\/json/, `${context}: not labelled JSON`);
  let body: unknown;
  assert.doesNotThrow(() => (body = JSON.parse(reply.text)), `${context}: not JSON`);
  assert.ok(body && typeof body === "object" && !Array.isArray(body), `${context}: not an object`);
  assert.deepEqual(Object.keys(body), ["detail"], `${context}: not the wire error format`);
  const detail = (body as { detail: unknown }).detail;
  const nonEmpty = (v: unknown) => typeof v === "string" && v.trim().length > 0;
  const ok = nonEmpty(detail) || (Array.isArray(detail) && detail.length === 2 && detail.every(nonEmpty));
  assert.ok(ok, `${context}: detail must be a message or [name, message], both non-empty`);
}

/** A readable line for a request, short enough for a failure message. */
export function describeRequest(request: RawRequest): string {
  const body = request.body === undefined ? "" : ` ${JSON.stringify(String(request.body).slice(0, 200))}`;
  const headers = Object.entries(request.headers ?? {})
    .filter(([name]) => name !== "authorization")
    .map(([name, value]) => `${name}: ${value.slice(0, 100)}`);
  return `${request.method} ${request.path.slice(0, 300)}${headers.length ? ` [${headers.join("; ")}]` : ""}${body}`;
}

export interface BadInputSuite {
  readonly server: TestServer;
  readonly routes: readonly CatalogueRoute[];
  readonly problems: readonly string[];
  /** The admin's bearer token, for requests that build on what `send` checks. */
  readonly token: string;
  /** Names in the store (lower-cased): generated "unknown" names must never hit one. */
  readonly knownNames: ReadonlySet<string>;
  /** Sends as the admin and checks the invariants; counts the input against `route`. */
  send(route: CatalogueRoute, request: RawRequest, expected: Expected): Promise<RawReply>;
  /** Runs `fn` and fails if the store changed (outside the rows SPEC allows, store-snapshot.ts). */
  batch(what: string, fn: () => Promise<void>): Promise<void>;
  /** Checks `arbitrary`'s inputs with `check`, inside one batch. */
  property<T>(what: string, arbitrary: fc.Arbitrary<T>, numRuns: number, check: (input: T) => Promise<void>): Promise<void>;
  /** Counts an input that no route answers (e.g. HTTP broken before routing). */
  count(key: string): void;
  /** Inputs tried so far, per route key. */
  readonly tally: ReadonlyMap<string, number>;
}

/**
 * One server for the enclosing suite (per dialect), with the admin logged in once. `file` names the
 * suite in the count it prints when done, `bad-input: N inputs tried (file, Dialect)`, the figure
 * the docs quote.
 */
export function useBadInputSuite(dialect: TestDialect, file: string, env: Record<string, string> = {}): BadInputSuite {
  const tally = new Map<string, number>();
  const state = {
    token: "",
    server: undefined as TestServer | undefined,
    catalogue: { routes: [], problems: [] } as Catalogue,
    knownNames: new Set<string>(),
    /** Routes that answer 503 to a plain request: the server lacks something (an unbuilt dashboard), no input caused it. */
    unavailable: new Set<string>(),
  };
  const server = (): TestServer => {
    if (!state.server) throw new Error("the suite's server starts in before(): use it inside tests");
    return state.server;
  };
  const count = (key: string) => void tally.set(key, (tally.get(key) ?? 0) + 1);

  const send = async (route: CatalogueRoute, request: RawRequest, expected: Expected): Promise<RawReply> => {
    count(routeKey(route));
    const headers = { authorization: `Bearer ${state.token}`, ...request.headers };
    const reply = await rawRequest(server().url, { ...request, headers });
    const what = describeRequest(request);
    const shown = reply.text.slice(0, 300);
    const unavailable = reply.status === 503 && state.unavailable.has(routeKey(route));
    assert.ok(reply.status < 500 || unavailable, `${what} → ${reply.status} ${shown}`);
    if (expected === "refused") assert.ok(reply.status >= 400, `${what} → ${reply.status}: bad input was accepted ${shown}`);
    else if (expected !== "answered" && !unavailable) {
      assert.ok(expected.includes(reply.status), `${what} → ${reply.status}, expected ${expected.join(" or ")}: ${shown}`);
    }
    if (reply.status >= 400 && !unavailable) assertWireError(reply, what);
    assertNoLeak(reply, what);
    return reply;
  };

  const batch = async (what: string, fn: () => Promise<void>): Promise<void> => {
    const db = server().running.runtime.ctx.db.kysely;
    const before = await snapshotStore(db);
    await fn();
    assertSameStore(before, await snapshotStore(db), what);
  };

  before(async () => {
    state.server = await startTestServer({ dialect, env });
    state.token = await state.server.login(ADMIN_NAME, ADMIN_PASSWORD);
    state.catalogue = await routeCatalogue(state.server);
    // Every parameterless GET once, outside any batch: state made when first needed (each user's
    // default stack, SPEC §6) then exists before the first snapshot.
    for (const route of state.catalogue.routes.filter((r) => r.method === "GET" && r.params.length === 0)) {
      const reply = await rawRequest(state.server.url, {
        method: "GET",
        path: route.url,
        headers: { authorization: `Bearer ${state.token}` },
      });
      if (reply.status === 503) state.unavailable.add(routeKey(route));
    }
    const db = state.server.running.runtime.ctx.db.kysely;
    const tables = ["users", "role", "team", "workspace"] as const;
    const rows = await Promise.all(tables.map((t) => db.selectFrom(t).select("name_key").execute()));
    state.knownNames = new Set(rows.flat().map((r) => r.name_key));
  });
  after(async () => {
    const total = [...tally.values()].reduce((a, b) => a + b, 0);
    console.log(`bad-input: ${total} inputs tried (${file}, ${dialect.label})`);
    await state.server?.close();
  });

  return {
    get server() {
      return server();
    },
    get routes() {
      return state.catalogue.routes;
    },
    get problems() {
      return state.catalogue.problems;
    },
    get knownNames() {
      return state.knownNames;
    },
    get token() {
      return state.token;
    },
    tally,
    count,
    send,
    batch,
    property: (what, arbitrary, numRuns, check) => batch(what, () => checkProperty(what, arbitrary, numRuns, check)),
  };
}

/** `fc.assert` over an async check, failing with the cause first: the test runner prints the counterexample but not why it failed. */
export async function checkProperty<T>(
  what: string,
  arbitrary: fc.Arbitrary<T>,
  numRuns: number,
  check: (input: T) => Promise<void>,
): Promise<void> {
  try {
    await fc.assert(fc.asyncProperty(arbitrary, check), { numRuns });
  } catch (err) {
    const cause = (err as Error).cause;
    throw new Error(`${what}: ${cause instanceof Error ? cause.message : String(cause)}\n${(err as Error).message.slice(0, 3000)}`);
  }
}

/** One subtest per route, so one route's failure neither hides nor stops the others'. */
export async function eachRoute(
  t: TestContext,
  routes: readonly CatalogueRoute[],
  fn: (route: CatalogueRoute) => Promise<void>,
): Promise<void> {
  for (const route of routes) await t.test(routeKey(route), () => fn(route));
}

/** Parameter values that match nothing: an unknown UUID, an unused name, a missing file. */
export function unknownParams(route: CatalogueRoute): Record<string, string> {
  const unknown = { uuid: randomUUID(), name: `no-such-${randomUUID().slice(0, 8)}`, wildcard: "no-such-file" };
  return Object.fromEntries(route.params.map((p) => [p.name, unknown[p.kind]]));
}

/** Fails unless every route in `routes` got at least `min` inputs: a route left out has no coverage. */
export function assertCovered(suite: BadInputSuite, routes: readonly CatalogueRoute[], min: number): void {
  const short = routes
    .filter((r) => (suite.tally.get(routeKey(r)) ?? 0) < min)
    .map((r) => `${routeKey(r)}: ${suite.tally.get(routeKey(r)) ?? 0}`);
  assert.deepEqual(short, [], `routes with fewer than ${min} generated inputs`);
}
