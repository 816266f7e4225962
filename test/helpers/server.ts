/**
 * A real Cohort server for API tests: the production `startServer` on an ephemeral port, against a
 * fresh database of the chosen dialect, with the `default` admin active under a known password.
 * Nothing of ours is mocked; tests talk to it over HTTP.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import { loadConfig } from "../../src/server/config.js";
import { startServer, type RunningServer } from "../../src/server/main.js";
import type { TestDialect } from "./dialects.js";
import { apiClient, expectStatus, type Api, type Reply } from "./http.js";

export const ADMIN_NAME = "default";
export const ADMIN_PASSWORD = "cohort-test-admin-9f2k-passphrase";

export interface TestServerOptions {
  dialect: TestDialect;
  /** COHORT_* settings. The admin password is set unless this overrides it. */
  env?: Record<string, string>;
}

export interface TestServer {
  readonly url: string;
  /** The server itself, for what HTTP does not show (the route table, the setup link). */
  readonly running: RunningServer;
  /** A client without credentials. */
  readonly anon: Api;
  /** A client sending `token` as its bearer token. */
  api(token: string): Api;
  /** POST /login with the form ZenML's clients send; the reply as it came. */
  attemptLogin(name: string, password: string): Promise<Reply>;
  /** Logs in (expecting success) and returns the access token. */
  login(name: string, password: string): Promise<string>;
  /** A client logged in as the `default` admin (a new session each call). */
  admin(): Promise<Api>;
  close(): Promise<void>;
}

export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const db = await options.dialect.createDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), "cohort_data_"));
  const cleanup = async () => {
    await db.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  let running: RunningServer;
  try {
    // Only the given settings, never the developer's own COHORT_* environment.
    const env = { COHORT_DEFAULT_USER_PASSWORD: ADMIN_PASSWORD, ...options.env };
    running = await startServer(loadConfig(env, { host: "127.0.0.1", port: 0, databaseUrl: db.url, dataDir }), { logger: false });
  } catch (err) {
    await cleanup();
    throw err;
  }
  const anon = apiClient(running.url);
  const attemptLogin = (name: string, password: string) =>
    anon.request("POST", "/api/v1/login", { form: { grant_type: "password", username: name, password } });
  const login = async (name: string, password: string) =>
    (expectStatus(await attemptLogin(name, password), 200, `login as ${name}`).body as { access_token: string }).access_token;
  return {
    url: running.url,
    running,
    anon,
    api: (token) => apiClient(running.url, token),
    attemptLogin,
    login,
    admin: async () => apiClient(running.url, await login(ADMIN_NAME, ADMIN_PASSWORD)),
    close: async () => {
      try {
        await running.close();
      } finally {
        await cleanup();
      }
    },
  };
}

export interface ServerFixture {
  server: TestServer;
  /** A client logged in as the `default` admin. */
  admin: Api;
}

/**
 * One server for the enclosing suite (tests in it share the server and build their own users):
 * started in `before`, closed in `after`. Read the fields inside tests, not at declaration.
 */
export function useTestServer(options: TestServerOptions): ServerFixture {
  const fixture = {} as ServerFixture;
  before(async () => {
    fixture.server = await startTestServer(options);
    fixture.admin = await fixture.server.admin();
  });
  after(async () => {
    await fixture.server?.close();
  });
  return fixture;
}

/**
 * A suite's server started with no default password, as a fresh deployment without
 * COHORT_DEFAULT_USER_PASSWORD: `default` is pending and `running.runtime.setupLink` holds its
 * one-time link.
 */
export function usePendingAdminServer(dialect: TestDialect): { server: TestServer } {
  const fixture = {} as { server: TestServer };
  before(async () => {
    fixture.server = await startTestServer({ dialect, env: { COHORT_DEFAULT_USER_PASSWORD: "" } });
  });
  after(async () => {
    await fixture.server?.close();
  });
  return fixture;
}
