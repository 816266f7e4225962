/**
 * Settings → Personal: changing one's name, full name and email; changing the password (the
 * current one is checked, the new one typed twice); listing one's sessions and ending another one,
 * which logs that other browser out, or every other one at once.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { createActiveUser, uniqueName, type ActiveUser } from "../helpers/fixtures.js";
import { describeInBrowser } from "./helpers/browser.js";
import { expectNoConsoleErrors, logIn, useDashboard, type Profile } from "./helpers/dashboard.js";

const NEW_PASSWORD = "willow-canvas-ember-5530";

describeInBrowser("personal settings", () => {
  const d = useDashboard();

  /** A member logged in in two browsers, `here` on Settings → Personal. */
  async function loggedInTwice(): Promise<{ member: ActiveUser; here: Profile; elsewhere: Profile }> {
    const member = await createActiveUser(d.server, d.admin, ["read", "me"]);
    const here = await d.profile();
    const elsewhere = await d.profile();
    await logIn(elsewhere.page, member.user.name, member.password);
    await logIn(here.page, member.user.name, member.password);
    await here.page.goto("/settings/personal");
    return { member, here, elsewhere };
  }

  /** The other browser is sent to the login page; this one stays logged in. */
  async function assertOnlyTheOtherLoggedOut(here: Profile, elsewhere: Profile): Promise<void> {
    await elsewhere.page.goto("/settings/members");
    await elsewhere.page.getByText("Your session has ended").waitFor();
    await here.page.reload();
    await here.page.getByRole("heading", { name: "Personal settings" }).waitFor();
    expectNoConsoleErrors(here);
    expectNoConsoleErrors(elsewhere);
  }

  it("changes name, full name and email", async () => {
    const member = await createActiveUser(d.server, d.admin, ["read", "me"]);
    const profile = await d.profile();
    const { page } = profile;
    await logIn(page, member.user.name, member.password);
    await page.goto("/settings/personal");
    const renamed = uniqueName("renamed");
    await page.getByLabel("Username").fill(renamed);
    await page.getByLabel("Full name").fill("Renata Named");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByText("Email must be an email address").waitFor();
    await page.getByLabel("Email").fill(`${renamed}@example.org`);
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByText("Profile saved.").waitFor();
    await page.getByRole("button", { name: `Account menu for ${renamed}` }).waitFor();
    const stored = (await d.admin.get(`/api/v1/users/${member.user.id}`)).body;
    assert.deepEqual([stored.name, stored.full_name, stored.email], [renamed, "Renata Named", `${renamed}@example.org`]);
    expectNoConsoleErrors(profile);
  });

  it("changes the password with the current one, and ends the other sessions", async () => {
    const { member, here, elsewhere } = await loggedInTwice();
    const form = here.page.getByRole("region", { name: "Password" });

    await form.getByLabel(/^Current password/).fill("not-my-password-at-all");
    await form.getByLabel(/^New password/).fill(NEW_PASSWORD);
    await form.getByLabel(/^Repeat new password/).fill(NEW_PASSWORD);
    await form.getByRole("button", { name: "Change password" }).click();
    await form.getByText(/the one sent is missing or incorrect/).waitFor();

    await form.getByLabel(/^Current password/).fill(member.password);
    await form.getByRole("button", { name: "Change password" }).click();
    await here.page.getByText("Password changed. Your other sessions were logged out.").waitFor();
    assert.equal((await d.server.attemptLogin(member.user.name, NEW_PASSWORD)).status, 200);

    // This browser stays logged in; the other one is sent to the login page.
    await here.page.reload();
    await here.page.getByRole("heading", { name: "Personal settings" }).waitFor();
    await elsewhere.page.goto("/settings/personal");
    await elsewhere.page.getByText("Your session has ended").waitFor();
    expectNoConsoleErrors(here);
    expectNoConsoleErrors(elsewhere);
  });

  it("lists one's sessions and ends another one", async () => {
    const { here, elsewhere } = await loggedInTwice();
    const sessions = here.page.getByRole("table", { name: "Your sessions" });
    // The API-created login of createActiveUser, the other browser, and this one.
    await sessions.getByText("This session").waitFor();
    const ends = sessions.getByRole("button", { name: /^End the session of / });
    assert.equal(await ends.count(), 2);
    const rowsBefore = await sessions.getByRole("row").count();
    await ends.first().click();
    await here.page.getByText("Session ended.").waitFor();
    await ends.nth(1).waitFor({ state: "detached" });
    assert.equal(await sessions.getByRole("row").count(), rowsBefore - 1);
    await ends.first().click();
    await ends.first().waitFor({ state: "detached" });

    await assertOnlyTheOtherLoggedOut(here, elsewhere);
  });

  it("signs out every other session at once, this one staying", async () => {
    const { member, here, elsewhere } = await loggedInTwice();
    const sessions = here.page.getByRole("table", { name: "Your sessions" });
    const ends = sessions.getByRole("button", { name: /^End the session of / });
    await sessions.getByText("This session").waitFor();
    assert.equal(await ends.count(), 2);

    await here.page.getByRole("button", { name: "Sign out other sessions" }).click();
    await here.page.getByText("Your other sessions were signed out.").waitFor();
    await ends.first().waitFor({ state: "detached" });
    assert.equal(await sessions.getByText("This session").count(), 1);
    await here.page.getByRole("button", { name: "Sign out other sessions" }).waitFor({ state: "detached" });

    assert.equal((await member.api.get("/api/v1/current-user")).status, 401, "the API session ended too");
    await assertOnlyTheOtherLoggedOut(here, elsewhere);
  });
});
