/**
 * Settings → Teams as an admin: a team is created with a member picked from the users, given a role
 * that the member then holds (the member's own browser sees the Members section appear), renamed
 * with its members kept, emptied (the access goes with it) and deleted.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import type { Page } from "playwright-core";
import { createActiveUser, uniqueName } from "../helpers/fixtures.js";
import { ADMIN_NAME, ADMIN_PASSWORD } from "../helpers/server.js";
import { expectAccessible } from "./helpers/axe.js";
import { describeInBrowser } from "./helpers/browser.js";
import { confirmDelete, expectNoConsoleErrors, logIn, useDashboard } from "./helpers/dashboard.js";

/** Whether the member's navigation lists Members, after a fresh load (their next request). */
async function seesMembers(page: Page): Promise<boolean> {
  await page.goto("/settings/personal");
  const nav = page.getByRole("navigation", { name: "Dashboard" });
  await nav.getByRole("link", { name: "Personal" }).waitFor();
  // Members is listed once the abilities have arrived, after Personal: wait until the page has
  // fetched everything and drawn the result, or the answer would race the request.
  await page.waitForLoadState("networkidle");
  await page.evaluate("new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))");
  return (await nav.getByRole("link", { name: "Members" }).count()) > 0;
}

/** Toggles `user` in the members picker of an open team dialog. */
async function pickMember(page: Page, dialog: ReturnType<Page["getByRole"]>, user: string): Promise<void> {
  await dialog.getByRole("combobox", { name: "Members" }).fill(user);
  await page.getByRole("option", { name: new RegExp(`@${user}\\)|^${user}$`) }).click();
  await page.keyboard.press("Escape");
}

describeInBrowser("teams", () => {
  const d = useDashboard();

  it("creates a team with a member, gives it a role the member then holds, renames, empties and deletes it", async () => {
    const member = await createActiveUser(d.server, d.admin);
    const adminProfile = await d.profile();
    const memberProfile = await d.profile();
    const { page } = adminProfile;
    await logIn(page, ADMIN_NAME, ADMIN_PASSWORD);
    await logIn(memberProfile.page, member.user.name, member.password);
    assert.equal(await seesMembers(memberProfile.page), false, "without roles the member reads no users");

    const name = uniqueName("platform");
    await page.goto("/settings/teams");
    await page.getByRole("heading", { name: "Teams", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Create team" }).click();
    const create = page.getByRole("dialog", { name: "Create a team" });
    await create.getByLabel("Name").fill(name);
    await pickMember(page, create, member.user.name);
    await expectAccessible(page, "create team dialog");
    await create.getByRole("button", { name: "Create team" }).click();
    await page.getByText(`Team ${name} saved.`).waitFor();
    const row = () => page.getByRole("row").filter({ has: page.getByText(name, { exact: true }) });
    await row().getByText(member.user.name, { exact: true }).waitFor();
    await row().getByText("No roles").waitFor();

    // A role for the team, everywhere: the member reads users on their next request.
    await page.getByRole("button", { name: `Actions for team ${name}` }).click();
    await page.getByRole("menuitem", { name: "Roles…" }).click();
    const roles = page.getByRole("dialog", { name: `Roles of team ${name}` });
    await roles.getByRole("combobox", { name: "Role to give" }).click();
    await page.getByRole("option", { name: "guest", exact: true }).click();
    await expectAccessible(page, "team roles dialog");
    await roles.getByRole("button", { name: "Give role" }).click();
    await roles.getByRole("button", { name: "Revoke guest everywhere" }).waitFor();
    // One workspace only, then taken back.
    await roles.getByRole("combobox", { name: "Role to give" }).click();
    await page.getByRole("option", { name: "guest", exact: true }).click();
    await roles.getByRole("combobox", { name: "Where" }).click();
    await page.getByRole("option", { name: "Workspace default" }).click();
    await roles.getByRole("button", { name: "Give role" }).click();
    await roles.getByRole("button", { name: "Revoke guest in default" }).click();
    await roles.getByRole("button", { name: "Revoke guest in default" }).waitFor({ state: "detached" });
    await roles.getByRole("button", { name: "Cancel" }).click();
    await row().getByText("guest everywhere").waitFor();
    assert.equal(await seesMembers(memberProfile.page), true, "the team's role reaches its member");

    // Renaming keeps the members.
    const renamed = uniqueName("infra");
    await page.getByRole("button", { name: `Actions for team ${name}` }).click();
    await page.getByRole("menuitem", { name: "Edit…" }).click();
    const edit = page.getByRole("dialog", { name: `Edit team ${name}` });
    await edit.getByLabel("Name").fill(renamed);
    await edit.getByRole("button", { name: "Save team" }).click();
    const renamedRow = page.getByRole("row").filter({ has: page.getByText(renamed, { exact: true }) });
    await renamedRow.getByText(member.user.name, { exact: true }).waitFor();
    await expectAccessible(page, "teams page");

    // Removing the member takes the access away.
    await page.getByRole("button", { name: `Actions for team ${renamed}` }).click();
    await page.getByRole("menuitem", { name: "Edit…" }).click();
    const empty = page.getByRole("dialog", { name: `Edit team ${renamed}` });
    await pickMember(page, empty, member.user.name);
    await empty.getByRole("button", { name: "Save team" }).click();
    await renamedRow.getByText("No members").waitFor();
    assert.equal(await seesMembers(memberProfile.page), false, "out of the team, out of its role");

    await page.getByRole("button", { name: `Actions for team ${renamed}` }).click();
    await page.getByRole("menuitem", { name: "Delete…" }).click();
    await confirmDelete(page, "team", renamed);
    await renamedRow.waitFor({ state: "detached" });
    expectNoConsoleErrors(adminProfile);
    expectNoConsoleErrors(memberProfile);
  });

  it("a guest sees the teams but no control to change them", async () => {
    const guest = await createActiveUser(d.server, d.admin, ["read"]);
    const team = (await d.admin.post("/api/v1/teams", { name: uniqueName("readers"), users: [guest.user.id] })).body;
    const profile = await d.profile();
    const { page } = profile;
    await logIn(page, guest.user.name, guest.password);
    await page.goto("/settings/teams");
    await page
      .getByRole("row")
      .filter({ has: page.getByText(team.name, { exact: true }) })
      .waitFor();
    assert.equal(await page.getByRole("button", { name: /Create team|^Actions for team/ }).count(), 0);
    expectNoConsoleErrors(profile);
  });
});
