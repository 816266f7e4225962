/** Starting a Cohort server under test and logging in to it. */
import type { Build } from "./build.js";
import type { Target } from "./load.js";
import { startChild, type ServerChild } from "./child.js";
import type { BenchStore } from "./stores.js";

export const ADMIN_NAME = "default";
export const ADMIN_PASSWORD = "bench-admin-passphrase-7c1d";

export interface Cohort extends ServerChild {
  /** Logs in as the `default` admin: a new session and its bearer token. */
  login(): Promise<string>;
  /** The admin's login as a load target: every request runs argon2id. */
  loginTarget: Target;
}

export async function startCohort(build: Build, store: BenchStore): Promise<Cohort> {
  const child = await startChild(build.file("bench/cohort-server.ts"), {
    COHORT_DATABASE_URL: store.url,
    COHORT_DATA_DIR: store.dataDir,
    COHORT_DEFAULT_USER_PASSWORD: ADMIN_PASSWORD,
    // Request logs off, as the baseline logs nothing: the figures compare request handling.
    COHORT_LOG_LEVEL: "warn",
  });
  const loginTarget: Target = {
    url: `${child.url}/api/v1/login`,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "password", username: ADMIN_NAME, password: ADMIN_PASSWORD }).toString(),
  };
  return {
    ...child,
    loginTarget,
    login: async () => {
      const response = await fetch(loginTarget.url, loginTarget);
      if (response.status !== 200) throw new Error(`login answered ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { access_token: string }).access_token;
    },
  };
}

/** GETs a path with a bearer token and returns the parsed JSON, failing on anything but 200. */
export async function getJson(url: string, token: string): Promise<unknown> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}
