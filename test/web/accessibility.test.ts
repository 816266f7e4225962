/**
 * Every page, on a desktop and at 375 px wide: axe-core finds no serious or critical violation,
 * nothing makes the page scroll sideways, the console stays clean, and the pages work from the
 * keyboard (the skip link, the navigation drawer on phones).
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import type { Page } from "playwright-core";
import { createUser } from "../helpers/fixtures.js";
import { ADMIN_NAME, ADMIN_PASSWORD } from "../helpers/server.js";
import { expectAccessible, expectNoHorizontalScroll } from "./helpers/axe.js";
import { describeInBrowser } from "./helpers/browser.js";
import { DESKTOP, expectNoConsoleErrors, logIn, PHONE, useDashboard } from "./helpers/dashboard.js";

/** A page, how to reach it, and what shows it is ready. */
interface Stop {
  name: string;
  open: (page: Page) => Promise<unknown>;
  ready: (page: Page) => Promise<void>;
}

const heading = (name: string) => (page: Page) => page.getByRole("heading", { name, level: 1 }).waitFor();
const goto = (path: string) => (page: Page) => page.goto(path);

/** A page's main button and the dialog it opens. */
function opensDialog(name: string, path: string, button: string, dialog: string | RegExp): Stop {
  return {
    name,
    open: async (page) => {
      await page.goto(path);
      await page.getByRole("button", { name: button }).click();
    },
    ready: async (page) => void (await page.getByRole("dialog", { name: dialog }).waitFor()),
  };
}

const SETTINGS: Stop[] = [
  { name: "members", open: goto("/settings/members"), ready: heading("Members") },
  {
    name: "invite dialog",
    open: async (page) => {
      await page.goto("/settings/members");
      await page.getByRole("button", { name: "Invite member" }).click();
    },
    ready: async (page) => void (await page.getByRole("dialog", { name: "Invite a member" }).waitFor()),
  },
  {
    name: "member actions menu",
    open: async (page) => {
      await page.goto("/settings/members");
      await page
        .getByRole("button", { name: /^Actions for / })
        .first()
        .click();
    },
    ready: async (page) => void (await page.getByRole("menuitem").first().waitFor()),
  },
  {
    name: "account menu",
    open: (page) => page.getByRole("button", { name: /^Account menu for / }).click(),
    ready: async (page) => void (await page.getByRole("menuitem", { name: "Log out" }).waitFor()),
  },
  { name: "roles", open: goto("/settings/roles"), ready: heading("Roles") },
  {
    name: "role dialog",
    open: async (page) => {
      await page.goto("/settings/roles");
      await page.getByRole("button", { name: "Create role" }).click();
    },
    ready: async (page) => void (await page.getByRole("dialog", { name: "Create a role" }).waitFor()),
  },
  { name: "workspaces", open: goto("/settings/workspaces"), ready: heading("Workspaces") },
  { name: "teams", open: goto("/settings/teams"), ready: heading("Teams") },
  opensDialog("team dialog", "/settings/teams", "Create team", "Create a team"),
  { name: "stacks", open: goto("/stacks"), ready: heading("Stacks") },
  opensDialog("register stack dialog", "/stacks", "Register stack", /^Register a stack/),
  { name: "components", open: goto("/components"), ready: heading("Components") },
  opensDialog("register component dialog", "/components", "Register component", /^Register a component/),
  { name: "personal", open: goto("/settings/personal"), ready: heading("Personal settings") },
  { name: "audit log", open: goto("/settings/audit"), ready: heading("Audit log") },
  { name: "not found", open: goto("/settings/nowhere"), ready: heading("Page not found") },
];

const PUBLIC: Stop[] = [
  { name: "login", open: goto("/login"), ready: heading("Log in to Cohort") },
  {
    name: "sign-up",
    open: goto(`/signup?user=00000000-0000-4000-8000-000000000000&username=someone&token=${"ab".repeat(32)}`),
    ready: heading("Create your account"),
  },
  {
    name: "invalid link",
    open: goto("/signup?user=x&token=forged"),
    ready: heading("This invitation link is invalid, expired or already used"),
  },
];

describeInBrowser("accessibility and small screens", () => {
  const d = useDashboard();

  for (const [label, viewport] of [
    ["desktop", DESKTOP],
    ["375 px", PHONE],
  ] as const) {
    it(`every page passes axe and fits the screen (${label})`, async () => {
      await createUser(d.admin); // a pending member, so the list has actions to show
      const profile = await d.profile(viewport);
      const { page } = profile;
      for (const stop of PUBLIC) {
        await stop.open(page);
        await stop.ready(page);
        await expectAccessible(page, `${stop.name} (${label})`);
        await expectNoHorizontalScroll(page, `${stop.name} (${label})`);
      }
      await logIn(page, ADMIN_NAME, ADMIN_PASSWORD);
      for (const stop of SETTINGS) {
        await stop.open(page);
        await stop.ready(page);
        await expectAccessible(page, `${stop.name} (${label})`);
        await expectNoHorizontalScroll(page, `${stop.name} (${label})`);
        await page.keyboard.press("Escape");
      }
      expectNoConsoleErrors(profile);
    });
  }

  it("on a phone the navigation opens from the burger and moves between sections", async () => {
    const profile = await d.profile(PHONE);
    const { page } = profile;
    await logIn(page, ADMIN_NAME, ADMIN_PASSWORD);
    const nav = page.getByRole("navigation", { name: "Dashboard", includeHidden: true });
    // Closed, the drawer is off-screen and out of the keyboard's reach.
    const box = await nav.boundingBox();
    assert.ok(box && box.x + box.width <= 0, `the closed drawer is off-screen (${JSON.stringify(box)})`);
    assert.notEqual(await nav.getAttribute("inert"), null, "the closed drawer is inert");
    await page.getByRole("button", { name: "Open navigation" }).click();
    assert.equal(await nav.getAttribute("inert"), null, "the open drawer is usable");
    await nav.getByRole("link", { name: "Roles" }).click();
    await page.getByRole("heading", { name: "Roles", level: 1 }).waitFor();
    await expectAccessible(page, "roles after navigating on a phone");
    expectNoConsoleErrors(profile);
  });

  it("every password field's show button is reached by Tab, named after its field, and works", async () => {
    const profile = await d.profile();
    const { page } = profile;
    await page.goto("/login");
    await page.getByLabel("Username").focus();
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate("document.activeElement.getAttribute('autocomplete')"), "current-password");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate("document.activeElement.getAttribute('aria-label')"), "Show password", "Tab reaches the button");
    assert.equal(await page.getByRole("button", { name: "Show password" }).getAttribute("aria-pressed"), "false");
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "Show password", pressed: true }).waitFor();
    assert.equal(await page.getByLabel(/^Password/).getAttribute("type"), "text");

    await logIn(page, ADMIN_NAME, ADMIN_PASSWORD);
    await page.goto("/settings/personal");
    for (const name of ["Show current password", "Show new password", "Show repeat new password"]) {
      await page.getByRole("button", { name }).waitFor();
      assert.notEqual(await page.getByRole("button", { name }).getAttribute("tabindex"), "-1", name);
    }
    expectNoConsoleErrors(profile);
  });

  it("the keyboard reaches everything: skip link first, then the page's controls", async () => {
    const profile = await d.profile();
    const { page } = profile;
    await logIn(page, ADMIN_NAME, ADMIN_PASSWORD);
    await page.goto("/settings/members");
    await page.getByRole("heading", { name: "Members", level: 1 }).waitFor();
    // The invite button appears once the caller's abilities have loaded, after the heading.
    await page.getByRole("button", { name: "Invite member" }).waitFor();
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate("document.activeElement.textContent"), "Skip to content");
    await page.keyboard.press("Enter");
    // From the main region, the next stop is the page's first control, not the navigation.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate("document.activeElement.textContent"), "Invite member");
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Invite a member" });
    await dialog.waitFor();
    assert.equal(await page.evaluate("document.activeElement.getAttribute('aria-label') ?? document.activeElement.id !== ''"), true);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expectNoConsoleErrors(profile);
  });
});
