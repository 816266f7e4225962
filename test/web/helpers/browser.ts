/**
 * Real Chromium through playwright-core: Debian's /usr/bin/chromium, never a downloaded browser.
 * Without Chromium the browser suites are skipped with a message; under CI=true they fail, so CI
 * never goes green without having driven a browser.
 */
import { execFileSync } from "node:child_process";
import { describe, it } from "node:test";
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from "playwright-core";

const IN_CI = process.env.CI === "true" || process.env.CI === "1";

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** The path of `chromium` on PATH, or undefined. */
export function findChromium(): string | undefined {
  try {
    return execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const MISSING = "Chromium is not installed (apt-get install -y chromium): browser tests skipped";

/**
 * A suite that needs Chromium: run when it is installed, skipped with a message when not, and a
 * failure when CI=true.
 */
export function describeInBrowser(title: string, suite: () => void): void {
  if (findChromium()) return void describe(title, suite);
  if (IN_CI) {
    return void describe(title, () => {
      it("needs Chromium", () => {
        throw new Error(`${MISSING.split(":")[0]}; CI must install it`);
      });
    });
  }
  describe(title, { skip: MISSING }, () => {});
}

export function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(MISSING);
  return chromium.launch({ executablePath, args: ARGS, headless: true });
}

/**
 * Browser messages that are not the dashboard misbehaving: the browser logs every 4xx answer it
 * fetched, and 4xx answers are how the API says "wrong password" or "link expired".
 */
const EXPECTED = /^Failed to load resource: the server responded with a status of 4\d\d/;

/** Console errors and uncaught exceptions of every page of a context, for `expectNoConsoleErrors`. */
export function watchConsole(context: BrowserContext): string[] {
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on("console", (msg: ConsoleMessage) => {
      if ((msg.type() === "error" || msg.type() === "warning") && !EXPECTED.test(msg.text())) {
        errors.push(`${msg.type()}: ${msg.text()} (${page.url()})`);
      }
    });
    page.on("pageerror", (err) => errors.push(`uncaught: ${err.message} (${page.url()})`));
  };
  context.pages().forEach(watch);
  context.on("page", watch);
  return errors;
}
