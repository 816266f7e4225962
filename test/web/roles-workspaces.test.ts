/**
 * Settings → Roles and → Workspaces as an admin: custom roles are created, edited and deleted;
 * the built-in ones are read-only; workspaces are created, renamed and deleted, except `default`,
 * whose name stays and which cannot be deleted.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { uniqueName } from "../helpers/fixtures.js";
import { ADMIN_NAME, ADMIN_PASSWORD } from "../helpers/server.js";
import { describeInBrowser } from "./helpers/browser.js";
import { confirmDelete, expectNoConsoleErrors, logIn, useDashboard } from "./helpers/dashboard.js";

describeInBrowser("roles and workspaces", () => {
  const d = useDashboard();

  it("creates, edits and deletes a custom role; built-ins are read-only", async () => {
    const profile = await d.profile();
    const { page } = profile;
    await logIn(page, ADMIN_NAME, ADMIN_PASSWORD);
    await page.goto("/settings/roles");
    for (const builtin of ["admin", "guest"]) {
      await page
        .getByRole("row", { name: new RegExp(`^${builtin}`) })
        .getByText("Built-in")
        .waitFor();
      assert.equal(await page.getByRole("button", { name: new RegExp(`(Edit|Delete) role ${builtin}$`) }).count(), 0);
    }

    const name = uniqueName("auditor");
    await page.getByRole("button", { name: "Create role" }).click();
    const create = page.getByRole("dialog", { name: "Create a role" });
    await create.getByLabel("Name").fill(name);
    await create.getByRole("checkbox", { name: "read" }).check();
    await create.getByRole("button", { name: "Create role" }).click();
    await page.getByText(`Role ${name} saved.`).waitFor();
    const row = page.getByRole("row", { name: new RegExp(`^${name}`) });
    await row.getByText("read", { exact: true }).waitFor();

    await page.getByRole("button", { name: `Edit role ${name}` }).click();
    const edit = page.getByRole("dialog", { name: `Edit role ${name}` });
    await edit.getByRole("checkbox", { name: "me" }).check();
    await edit.getByRole("button", { name: "Save role" }).click();
    await row.getByText("me", { exact: true }).waitFor();

    // A name that is taken is refused with the server's message.
    await page.getByRole("button", { name: "Create role" }).click();
    await create.getByLabel("Name").fill("admin");
    await create.getByRole("button", { name: "Create role" }).click();
    await create.getByText(/Role already exists/).waitFor();
    await create.getByRole("button", { name: "Cancel" }).click();

    await page.getByRole("button", { name: `Delete role ${name}` }).click();
    await confirmDelete(page, "role", name);
    await row.waitFor({ state: "detached" });
    expectNoConsoleErrors(profile);
  });

  it("creates, renames and deletes a workspace; default keeps its name and stays", async () => {
    const profile = await d.profile();
    const { page } = profile;
    await logIn(page, ADMIN_NAME, ADMIN_PASSWORD);
    await page.goto("/settings/workspaces");
    await page.getByRole("row", { name: /^default/ }).waitFor();
    assert.equal(await page.getByRole("button", { name: "Delete workspace default" }).count(), 0);
    await page.getByRole("button", { name: "Edit workspace default" }).click();
    const editDefault = page.getByRole("dialog", { name: "Edit workspace default" });
    assert.equal(await editDefault.getByLabel("Name").getAttribute("readonly"), "");
    await editDefault.getByLabel("Description").fill("Where everything starts.");
    await editDefault.getByRole("button", { name: "Save workspace" }).click();
    await page
      .getByRole("row", { name: /^default/ })
      .getByText("Where everything starts.")
      .waitFor();

    const name = uniqueName("lab");
    await page.getByRole("button", { name: "Create workspace" }).click();
    const create = page.getByRole("dialog", { name: "Create a workspace" });
    await create.getByLabel("Name").fill(name);
    await create.getByLabel("Description").fill("Experiments.");
    await create.getByRole("button", { name: "Create workspace" }).click();
    await page.getByRole("row", { name: new RegExp(`^${name}`) }).waitFor();

    const renamed = `${name}-renamed`;
    await page.getByRole("button", { name: `Edit workspace ${name}` }).click();
    const edit = page.getByRole("dialog", { name: `Edit workspace ${name}` });
    await edit.getByLabel("Name").fill(renamed);
    await edit.getByRole("button", { name: "Save workspace" }).click();
    await page.getByRole("row", { name: new RegExp(`^${renamed}`) }).waitFor();

    await page.getByRole("button", { name: `Delete workspace ${renamed}` }).click();
    await confirmDelete(page, "workspace", renamed);
    await page.getByRole("row", { name: new RegExp(`^${renamed}`) }).waitFor({ state: "detached" });
    assert.equal((await d.admin.get(`/api/v1/workspaces/${renamed}`)).status, 404);
    expectNoConsoleErrors(profile);
  });
});
