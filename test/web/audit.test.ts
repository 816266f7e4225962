/**
 * The audit log page (issue 5 item 6): an admin sees a change they just made, narrows the list by
 * action, actor, outcome and days, and exports it as JSON lines; a guest is not offered the page
 * and the API refuses them the events.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { it } from "node:test";
import type { Page } from "playwright-core";
import { assignRole, createActiveUser, uniqueName } from "../helpers/fixtures.js";
import { ADMIN_NAME, ADMIN_PASSWORD } from "../helpers/server.js";
import { expectAccessible, expectNoHorizontalScroll } from "./helpers/axe.js";
import { describeInBrowser } from "./helpers/browser.js";
import { expectNoConsoleErrors, logIn, PHONE, useDashboard } from "./helpers/dashboard.js";

/** A local day as a date field takes it, `days` from today. */
function localDay(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

const eventRows = (page: Page) => page.getByRole("table", { name: "Audit events" }).getByRole("row");

/** The actions shown that are not `action`: none once a filter on it applies. */
const otherActions = (page: Page, action: string) =>
  page
    .getByRole("table", { name: "Audit events" })
    .locator("code")
    .filter({ hasNotText: new RegExp(`^${action.replace(".", "\\.")}$`) });

/** Waits until the list says `text` (the count under it, announced to screen readers). */
const waitForSummary = (page: Page, text: RegExp | string) => page.getByText(text).waitFor();

describeInBrowser("the audit log page", () => {
  const d = useDashboard();

  it("shows a change just made, filters, pages and exports", async () => {
    const profile = await d.profile();
    const { page } = profile;
    await logIn(page, ADMIN_NAME, ADMIN_PASSWORD);

    // A change made in the dashboard, then the log, reached through the navigation.
    const name = uniqueName("audited");
    await page.goto("/settings/members");
    await page.getByRole("button", { name: "Invite member" }).click();
    const invite = page.getByRole("dialog", { name: "Invite a member" });
    await invite.getByLabel("Username").fill(name);
    await invite.getByRole("button", { name: "Create invitation link" }).click();
    await page
      .getByRole("dialog", { name: `Sign-up link for ${name}` })
      .getByRole("button", { name: "Done" })
      .click();
    await page.getByRole("navigation").getByRole("link", { name: "Audit log" }).click();
    await page.getByRole("heading", { name: "Audit log", level: 1 }).waitFor();
    const invited = eventRows(page).filter({ hasText: `user ${name}` });
    await invited.waitFor();
    assert.match(await invited.innerText(), /default[\s\S]*user\.invite[\s\S]*success/i);
    await expectAccessible(page, "audit log");

    // Action: only the matching events stay.
    await page.getByLabel("Action", { exact: true }).fill("user.invite");
    await otherActions(page, "user.invite").first().waitFor({ state: "detached" });
    await invited.waitFor();
    // Actor: nobody by that name acted.
    await page.getByLabel("Actor", { exact: true }).fill("no-such-actor");
    await page.getByText("No events match these filters.").waitFor();
    await page.getByLabel("Actor", { exact: true }).fill("default");
    await invited.waitFor();
    // Days: nothing happened tomorrow; today's invitation is in a range ending today.
    await page.getByLabel("From", { exact: true }).fill(localDay(1));
    await page.getByText("No events match these filters.").waitFor();
    await page.getByLabel("From", { exact: true }).fill(localDay(-1));
    await page.getByLabel("To", { exact: true }).fill(localDay(0));
    await invited.waitFor();
    await page.getByLabel("Outcome", { exact: true }).selectOption("denied");
    await page.getByText("No events match these filters.").waitFor();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await invited.waitFor();
    assert.equal(await page.getByLabel("Action", { exact: true }).inputValue(), "");

    // The export holds what the filters match, as JSON lines.
    await page.getByLabel("Action", { exact: true }).fill("user.invite");
    await otherActions(page, "user.invite").first().waitFor({ state: "detached" });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export JSON lines" }).click()]);
    assert.match(download.suggestedFilename(), /^cohort-audit-.*\.jsonl$/);
    const lines = (await readFile(await download.path(), "utf8")).trimEnd().split("\n");
    const events = lines.map((line) => JSON.parse(line) as { action: string; target_name: string });
    assert.ok(events.length > 0 && events.every((e) => e.action.includes("user.invite")), lines.join("\n"));
    assert.ok(events.some((e) => e.target_name === name));
    expectNoConsoleErrors(profile);
  });

  it("pages through more events than fit one page", async () => {
    const prefix = uniqueName("paged");
    for (let i = 0; i < 51; i++) await d.admin.post("/api/v1/users", { name: `${prefix}-${i}` });
    const profile = await d.profile();
    const { page } = profile;
    await logIn(page, ADMIN_NAME, ADMIN_PASSWORD);
    await page.goto("/settings/audit");
    const invites = (await d.admin.get("/api/v1/audit_events", { action: "contains:user.invite" })).body.total;
    await page.getByLabel("Action", { exact: true }).fill("user.invite");
    await waitForSummary(page, `Showing 1–50 of ${invites}`);
    await page.getByRole("button", { name: "Page 2" }).click();
    await waitForSummary(page, `Showing 51–${invites} of ${invites}`);
    expectNoConsoleErrors(profile);
  });

  it("fits a phone and passes axe there", async () => {
    const profile = await d.profile(PHONE);
    const { page } = profile;
    await logIn(page, ADMIN_NAME, ADMIN_PASSWORD);
    await page.goto("/settings/audit");
    await page.getByRole("list", { name: "Audit events" }).waitFor();
    await expectAccessible(page, "audit log (375 px)");
    await expectNoHorizontalScroll(page, "audit log (375 px)");
    expectNoConsoleErrors(profile);
  });

  it("a guest is not offered the page, and the API refuses the events", async () => {
    const guest = await createActiveUser(d.server, d.admin);
    await assignRole(d.admin, guest.user.id, "guest");
    assert.equal((await guest.api.get("/api/v1/audit_events")).status, 403);
    const profile = await d.profile();
    const { page } = profile;
    await logIn(page, guest.user.name, guest.password);
    await page.goto("/settings/personal");
    const nav = page.getByRole("navigation").first();
    await nav.getByRole("link", { name: "Members" }).waitFor();
    assert.equal(await nav.getByRole("link", { name: "Audit log" }).count(), 0);
    // Typed in by hand, the address shows the refusal, not the events.
    await page.goto("/settings/audit");
    await page.getByRole("alert").filter({ hasText: "Could not load audit events" }).waitFor();
    assert.equal(await page.getByRole("table", { name: "Audit events" }).count(), 0);
    expectNoConsoleErrors(profile);
  });
});
