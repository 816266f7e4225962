/**
 * One real Cohort server (SQLite, the built dashboard) and one Chromium for a browser suite, and
 * the steps tests share: a fresh browser profile, logging in, confirming a delete, reading a
 * sign-up link.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { TestDialect } from "../../helpers/dialects.js";
import type { Api } from "../../helpers/http.js";
import { startTestServer, type TestServer } from "../../helpers/server.js";
import { launchBrowser, watchConsole } from "./browser.js";
import { ensureDashboardBuilt } from "./build.js";

/** Browser tests need one store only; the API suites cover the other dialects. */
export const SQLITE: TestDialect = {
  name: "sqlite",
  label: "SQLite",
  unavailable: undefined,
  async createDatabase() {
    const dir = await mkdtemp(join(tmpdir(), "cohort_web_"));
    return { url: `sqlite://${join(dir, "cohort.db")}`, drop: () => rm(dir, { recursive: true, force: true }) };
  },
};

export const PHONE = { width: 375, height: 740 };
export const DESKTOP = { width: 1280, height: 860 };

export interface Profile {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far in this profile. */
  consoleErrors: string[];
}

export interface Dashboard {
  server: TestServer;
  browser: Browser;
  /** A client for the API as the `default` admin, for setting things up and checking the store. */
  admin: Api;
  /** A new browser profile (its own cookies), as a second person on another machine. */
  profile(viewport?: { width: number; height: number }): Promise<Profile>;
}

/** Starts the server and the browser before the suite and stops them after. */
export function useDashboard(options: { env?: Record<string, string> } = {}): Dashboard {
  const fixture = {} as Dashboard;
  const contexts: BrowserContext[] = [];
  before(async () => {
    await ensureDashboardBuilt();
    fixture.server = await startTestServer({ dialect: SQLITE, env: options.env });
    fixture.browser = await launchBrowser();
    if (!options.env || options.env.COHORT_DEFAULT_USER_PASSWORD !== "") fixture.admin = await fixture.server.admin();
    fixture.profile = async (viewport = DESKTOP) => {
      const context = await fixture.browser.newContext({ baseURL: fixture.server.url, viewport });
      // Generous for a loaded machine, yet a missing element fails well before the test runner gives up.
      context.setDefaultTimeout(20_000);
      contexts.push(context);
      const consoleErrors = watchConsole(context);
      return { context, page: await context.newPage(), consoleErrors };
    };
  });
  after(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => {})));
    await fixture.browser?.close();
    await fixture.server?.close();
  });
  return fixture;
}

/**
 * Logs in through the login page and waits for the page it lands on (its heading): the redirect
 * from `/` loads a page's code first, and must not move the page under the test's next step.
 */
export async function logIn(page: Page, name: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Username").fill(name);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("button", { name: `Account menu for ${name}` }).waitFor();
  await page.getByRole("main").getByRole("heading", { level: 1 }).waitFor();
}

/** Confirms the dashboard's delete dialog for a named thing ("Delete team ops?" → "Delete team"). */
export async function confirmDelete(page: Page, noun: string, name: string): Promise<void> {
  await page
    .getByRole("dialog", { name: `Delete ${noun} ${name}?` })
    .getByRole("button", { name: `Delete ${noun}` })
    .click();
}

/** The path and query of a link printed for another origin (the setup link names the config's). */
export function pathOf(link: string): string {
  const url = new URL(link);
  return url.pathname + url.search;
}

export function expectNoConsoleErrors(profile: Profile): void {
  assert.deepEqual(profile.consoleErrors, [], "console errors");
}
