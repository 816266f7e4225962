/**
 * The invitation flow as two people on two machines would go through it (two browser profiles):
 * the admin invites a member with a role and copies the link; the member signs up with it, lands
 * logged in and can log in again later; the admin changes the member's roles, which the member
 * sees on the next page; a regenerated link replaces the old one; deactivate, reactivate, delete.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import type { Page } from "playwright-core";
import { createUser, uniqueName, USER_PASSWORD } from "../helpers/fixtures.js";
import { ADMIN_NAME, ADMIN_PASSWORD } from "../helpers/server.js";
import { describeInBrowser } from "./helpers/browser.js";
import { expectNoConsoleErrors, logIn, useDashboard, type Profile } from "./helpers/dashboard.js";
import { memberRow, openMemberAction, signUp } from "./helpers/members.js";

describeInBrowser("invitation flow", () => {
  const d = useDashboard();

  async function adminOnMembers(): Promise<Profile> {
    const admin = await d.profile();
    await admin.context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await logIn(admin.page, ADMIN_NAME, ADMIN_PASSWORD);
    await admin.page.goto("/settings/members");
    return admin;
  }

  /** Invites `name` with exactly the given roles through the dialog; returns the link shown. */
  async function invite(page: Page, name: string, roles: string[]): Promise<string> {
    await page.getByRole("button", { name: "Invite member" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite a member" });
    await dialog.getByLabel("Username").fill(name);
    // The server's default role is preselected; pick exactly `roles`.
    await dialog.getByRole("combobox", { name: "Roles" }).click();
    for (const option of await page.getByRole("option").all()) {
      const label = (await option.textContent()) ?? "";
      const wanted = roles.some((r) => label.startsWith(`${r} (`));
      if (wanted !== ((await option.getAttribute("aria-selected")) === "true")) await option.click();
    }
    await page.keyboard.press("Escape");
    await dialog.getByRole("button", { name: "Create invitation link" }).click();
    const linkDialog = page.getByRole("dialog", { name: `Sign-up link for ${name}` });
    const link = await linkDialog.getByLabel("Sign-up link").inputValue();
    assert.match(link, new RegExp(`^${d.server.url}/signup\\?user=[0-9a-f-]{36}&username=${name}&token=[0-9a-f]{64}$`));
    await linkDialog.getByRole("button", { name: "Copy" }).click();
    await linkDialog.getByRole("button", { name: "Copied" }).waitFor();
    assert.equal(await page.evaluate("navigator.clipboard.readText()"), link);
    await linkDialog.getByRole("button", { name: "Done" }).click();
    return link;
  }

  it("invite → sign up in another profile → log in → roles change → deactivate, reactivate, delete", async () => {
    const admin = await adminOnMembers();
    const name = uniqueName("newbie");
    const link = await invite(admin.page, name, ["guest"]);
    await memberRow(admin.page, name).getByText("Pending").waitFor();

    // The invited member, in a browser of their own.
    const member = await d.profile();
    await member.page.goto(link);
    assert.equal(await member.page.getByLabel("Username").inputValue(), name, "the username is prefilled");
    await signUp(member.page, { fullName: "New Bie", password: USER_PASSWORD });
    await member.page.getByRole("heading", { name: "Members", level: 1 }).waitFor();
    assert.equal(await member.page.getByRole("button", { name: "Invite member" }).count(), 0, "a guest cannot invite");

    // They can log in again later.
    await member.page.getByRole("button", { name: `Account menu for ${name}` }).click();
    await member.page.getByRole("menuitem", { name: "Log out" }).click();
    await member.page.getByRole("heading", { name: "Log in to Cohort" }).waitFor();
    await logIn(member.page, name, USER_PASSWORD);

    // The admin sees them active with their role, then makes them an admin.
    await admin.page.reload();
    const row = memberRow(admin.page, name);
    await row.getByText("Active").waitFor();
    await row.getByText("guest", { exact: true }).waitFor();
    await openMemberAction(admin.page, name, "Change roles…");
    const rolesDialog = admin.page.getByRole("dialog", { name: `Roles of ${name}` });
    await rolesDialog.getByRole("checkbox", { name: "admin" }).check();
    await rolesDialog.getByRole("checkbox", { name: "guest" }).uncheck();
    await rolesDialog.getByRole("button", { name: "Save roles" }).click();
    await rolesDialog.waitFor({ state: "hidden" });
    await row.getByText("admin", { exact: true }).waitFor();
    assert.equal(await row.getByText("guest", { exact: true }).count(), 0);

    // The member's next page already reflects the new role.
    await member.page.goto("/settings/members");
    await member.page.getByRole("button", { name: "Invite member" }).waitFor();

    // Deactivated: the member's session ends at once.
    await openMemberAction(admin.page, name, "Deactivate…");
    await admin.page
      .getByRole("dialog", { name: `Deactivate ${name}?` })
      .getByRole("button", { name: "Deactivate" })
      .click();
    await row.getByText("Deactivated").waitFor();
    await member.page.goto("/settings/personal");
    await member.page.getByText("Your session has ended").waitFor();

    // Reactivated: they log in with their old password.
    await openMemberAction(admin.page, name, "Reactivate");
    await row.getByText("Active").waitFor();
    await logIn(member.page, name, USER_PASSWORD);

    // Deleted: gone from the list and unable to log in.
    await openMemberAction(admin.page, name, "Delete…");
    await admin.page
      .getByRole("dialog", { name: `Delete ${name}?` })
      .getByRole("button", { name: "Delete member" })
      .click();
    await row.waitFor({ state: "detached" });
    assert.equal((await d.server.attemptLogin(name, USER_PASSWORD)).status, 401);

    expectNoConsoleErrors(admin);
    expectNoConsoleErrors(member);
  });

  it("a regenerated link replaces the old one", async () => {
    const admin = await adminOnMembers();
    const name = uniqueName("regen");
    const oldLink = await invite(admin.page, name, []);
    await openMemberAction(admin.page, name, "Regenerate invitation link…");
    await admin.page
      .getByRole("dialog", { name: `New invitation link for ${name}` })
      .getByRole("button", { name: "Regenerate link" })
      .click();
    const linkDialog = admin.page.getByRole("dialog", { name: `Sign-up link for ${name}` });
    const newLink = await linkDialog.getByLabel("Sign-up link").inputValue();
    assert.notEqual(newLink, oldLink);
    await linkDialog.getByRole("button", { name: "Done" }).click();

    const member = await d.profile();
    await member.page.goto(oldLink);
    await signUp(member.page, { password: USER_PASSWORD });
    await member.page.getByRole("heading", { name: "This invitation link is invalid, expired or already used" }).waitFor();
    await member.page.goto(newLink);
    await signUp(member.page, { password: USER_PASSWORD });
    await member.page.getByRole("heading", { name: "Personal settings" }).waitFor();
    expectNoConsoleErrors(admin);
    expectNoConsoleErrors(member);
  });

  it("searches members by username and pages through them", async () => {
    const prefix = uniqueName("crowd");
    for (let i = 0; i < 23; i++) await createUser(d.admin, { name: `${prefix}-${String(i).padStart(2, "0")}` });
    const admin = await adminOnMembers();
    await admin.page.getByRole("searchbox", { name: "Search members by username" }).fill(prefix);
    await admin.page.getByText("Showing 1–20 of 23").waitFor();
    await memberRow(admin.page, `${prefix}-00`).waitFor();
    await admin.page.getByRole("button", { name: "Page 2" }).click();
    await admin.page.getByText("Showing 21–23 of 23").waitFor();
    await memberRow(admin.page, `${prefix}-22`).waitFor();
    await admin.page.getByRole("searchbox", { name: "Search members by username" }).fill(`${prefix}-nobody`);
    await admin.page.getByText(`No member's username contains “${prefix}-nobody”.`).waitFor();
    expectNoConsoleErrors(admin);
  });
});
