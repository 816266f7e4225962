/**
 * Login lockouts in the dashboard (SPEC §5.1): an admin sees a locked-out member in Settings →
 * Members and lets them back in (the `unlock` ability shows the action only while the member is
 * locked); and the device cookie a browser got at its last login gets it past a lockout an
 * anonymous attacker caused, while a browser that never logged in there is still refused.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { createUser, USER_PASSWORD } from "../helpers/fixtures.js";
import { ADMIN_NAME, ADMIN_PASSWORD } from "../helpers/server.js";
import { describeInBrowser } from "./helpers/browser.js";
import { expectNoConsoleErrors, logIn, useDashboard } from "./helpers/dashboard.js";
import { memberRow } from "./helpers/members.js";

const LIMIT = 10;

describeInBrowser("login lockouts", () => {
  const d = useDashboard();

  async function lockOut(name: string): Promise<void> {
    for (let i = 0; i < LIMIT; i++) assert.equal((await d.server.attemptLogin(name, `wrong-password-${i}-xxxx`)).status, 401);
    assert.equal((await d.server.attemptLogin(name, ADMIN_PASSWORD)).status, 429, `${name} is locked out`);
  }

  it("Members offers Unlock for a locked-out member only, and unlocking lets them log in", async () => {
    const member = await createUser(d.admin, { password: USER_PASSWORD });
    const bystander = await createUser(d.admin, { password: USER_PASSWORD });
    await lockOut(member.name);

    const admin = await d.profile();
    await logIn(admin.page, ADMIN_NAME, ADMIN_PASSWORD);
    await admin.page.goto("/settings/members");
    await memberRow(admin.page, bystander.name).waitFor();
    await admin.page.getByRole("button", { name: `Actions for ${bystander.name}` }).click();
    await admin.page.getByRole("menuitem", { name: "Delete…" }).waitFor();
    assert.equal(await admin.page.getByRole("menuitem", { name: "Unlock" }).count(), 0, "a member who is not locked out");
    await admin.page.keyboard.press("Escape");

    await admin.page.getByRole("button", { name: `Actions for ${member.name}` }).click();
    await admin.page.getByRole("menuitem", { name: "Unlock" }).click();
    await admin.page.getByText(`${member.name} can log in again.`).waitFor();
    assert.equal((await d.server.attemptLogin(member.name, USER_PASSWORD)).status, 200);

    await admin.page.getByRole("button", { name: `Actions for ${member.name}` }).click();
    await admin.page.getByRole("menuitem", { name: "Delete…" }).waitFor();
    assert.equal(await admin.page.getByRole("menuitem", { name: "Unlock" }).count(), 0, "no longer locked out");
    expectNoConsoleErrors(admin);
  });

  // Locks `default` out for the rest of the window: the last test of this server.
  it("the browser `default` logged in from before gets past the lockout an attacker caused; a new browser does not", async () => {
    const own = await d.profile();
    await logIn(own.page, ADMIN_NAME, ADMIN_PASSWORD);
    await own.page.getByRole("button", { name: `Account menu for ${ADMIN_NAME}` }).click();
    await own.page.getByRole("menuitem", { name: "Log out" }).click();
    await own.page.getByRole("heading", { name: "Log in to Cohort" }).waitFor();

    await lockOut(ADMIN_NAME);
    await logIn(own.page, ADMIN_NAME, ADMIN_PASSWORD);
    expectNoConsoleErrors(own);

    const stranger = await d.profile();
    await stranger.page.goto("/login");
    await stranger.page.getByLabel("Username").fill(ADMIN_NAME);
    await stranger.page.getByLabel(/^Password/).fill(ADMIN_PASSWORD);
    await stranger.page.getByRole("button", { name: "Log in" }).click();
    await stranger.page.getByText("Too many failed login attempts. Try again later.").waitFor();
  });
});
