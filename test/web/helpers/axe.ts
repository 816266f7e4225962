/**
 * Accessibility checks with axe-core inside the page. The source is evaluated through the
 * DevTools protocol rather than added as a <script>, which the dashboard's CSP would refuse.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Serious and critical violations on the page as it is now; fails the test when there are any. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Strings, not functions: this file is compiled without the DOM's types.
  // Colours measured mid fade-in are not the colours anyone reads: let transitions finish.
  await page.evaluate("Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {})))");
  if (!(await page.evaluate("typeof window.axe !== 'undefined'"))) await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(
    `window.axe.run(document, { resultTypes: ["violations"] }).then((r) =>
      r.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`,
  )) as Violation[];
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(
    serious.map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => `${JSON.stringify(n.target)} (${n.failureSummary ?? ""})`).join(", ")}`,
    ),
    [],
    `accessibility of ${what}`,
  );
}

/** The page fits the viewport's width: nothing makes the whole page scroll sideways. */
export async function expectNoHorizontalScroll(page: Page, what: string): Promise<void> {
  const { scroll, width } = (await page.evaluate("({ scroll: document.documentElement.scrollWidth, width: window.innerWidth })")) as {
    scroll: number;
    width: number;
  };
  assert.ok(scroll <= width, `${what} is ${scroll}px wide in a ${width}px viewport`);
}
