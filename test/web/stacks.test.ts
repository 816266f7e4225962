/**
 * Stacks and Components, two people in two browsers (SPEC §4 rule 4, §8): alice registers
 * components and a stack, private at first, so bob does not see them; the server refuses to share a
 * stack holding private components and the page shows why; once everything is shared bob sees the
 * stack with the Shared badge, and after alice unshares it, no longer. A component in a stack cannot
 * be deleted (the server's message is shown). A reader sees the lists but no register or share
 * control.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import type { Locator, Page } from "playwright-core";
import { createActiveUser, uniqueName } from "../helpers/fixtures.js";
import { expectAccessible, expectNoHorizontalScroll } from "./helpers/axe.js";
import { describeInBrowser } from "./helpers/browser.js";
import { expectNoConsoleErrors, logIn, PHONE, useDashboard } from "./helpers/dashboard.js";

const rowOf = (page: Page, name: string): Locator => page.getByRole("row").filter({ has: page.getByText(name, { exact: true }) });

/** Opens the row's action menu and confirms `item` in its dialog; the dialog stays open on a refusal. */
async function act(page: Page, what: string, item: "Share" | "Unshare" | "Delete"): Promise<Locator> {
  await page.getByRole("button", { name: `Actions for ${what}` }).click();
  await page.getByRole("menuitem", { name: `${item}…` }).click();
  const dialog = page.getByRole("dialog", { name: `${item} ${what}?` });
  await dialog.getByRole("button", { name: item, exact: true }).click();
  return dialog;
}

async function pick(page: Page, scope: Locator, label: string, option: string | RegExp): Promise<void> {
  await scope.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option }).click();
}

async function registerComponent(page: Page, name: string, type: string): Promise<void> {
  await page.getByRole("button", { name: "Register component" }).click();
  const dialog = page.getByRole("dialog", { name: /^Register a component/ });
  await dialog.getByLabel("Name").fill(name);
  await pick(page, dialog, "Type", type);
  await dialog.getByRole("combobox", { name: "Flavor" }).fill("local");
  await dialog.getByRole("button", { name: "Add setting" }).click();
  await dialog.getByLabel("Setting 1 key").fill("path");
  await dialog.getByLabel("Setting 1 value").fill(`/tmp/${name}`);
  await dialog.getByRole("button", { name: "Register component" }).click();
  await rowOf(page, name).waitFor();
}

describeInBrowser("stacks and components", () => {
  const d = useDashboard();

  it("a private stack stays alice's; shared, bob sees it with the Shared badge; unshared, it is gone again", async () => {
    const aliceUser = await createActiveUser(d.server, d.admin, ["read", "write"]);
    const bobUser = await createActiveUser(d.server, d.admin, ["read", "write"]);
    const alice = await d.profile();
    const bob = await d.profile();
    await logIn(alice.page, aliceUser.user.name, aliceUser.password);
    await logIn(bob.page, bobUser.user.name, bobUser.password);
    const page = alice.page;

    const orchestrator = uniqueName("orch");
    const store = uniqueName("store");
    await page.goto("/components");
    await page.getByRole("heading", { name: "Components", level: 1 }).waitFor();
    await registerComponent(page, orchestrator, "Orchestrator");
    await registerComponent(page, store, "Artifact store");
    await rowOf(page, store).getByText(`/tmp/${store}`).waitFor();
    await rowOf(page, store).getByText("Private").waitFor();
    await expectAccessible(page, "components page");

    // A shared stack of private components: the server refuses, the dialog says why.
    const stack = uniqueName("stack");
    await page.goto("/stacks");
    await page.getByRole("button", { name: "Register stack" }).click();
    const register = page.getByRole("dialog", { name: /^Register a stack/ });
    await register.getByLabel("Name").fill(stack);
    await pick(page, register, "Orchestrator", new RegExp(`^${orchestrator} `));
    await pick(page, register, "Artifact store", new RegExp(`^${store} `));
    await register.getByRole("checkbox", { name: "Share with the workspace" }).check();
    await expectAccessible(page, "register stack dialog");
    await register.getByRole("button", { name: "Register stack" }).click();
    await register
      .getByRole("alert")
      .getByText(/private orchestrator .* in a shared stack/)
      .waitFor();
    await register.getByRole("checkbox", { name: "Share with the workspace" }).uncheck();
    await register.getByRole("button", { name: "Register stack" }).click();
    await rowOf(page, stack).getByText(`Orchestrator: ${orchestrator}`).waitFor();
    await rowOf(page, stack).getByText("Private").waitFor();

    await bob.page.goto("/stacks");
    await rowOf(bob.page, "default").waitFor();
    assert.equal(await rowOf(bob.page, stack).count(), 0, "alice's private stack does not exist for bob");

    // Sharing the stack alone is refused while its components are private.
    const refused = await act(page, `stack ${stack}`, "Share");
    await refused
      .getByRole("alert")
      .getByText(/can only be shared when all its components are also shared/)
      .waitFor();
    await refused.getByRole("button", { name: "Cancel" }).click();
    await page.goto("/components");
    await act(page, `orchestrator ${orchestrator}`, "Share");
    await act(page, `artifact store ${store}`, "Share");
    await rowOf(page, store).getByText("Shared").waitFor();
    // A component in a stack stays: the server's reason is shown.
    const held = await act(page, `orchestrator ${orchestrator}`, "Delete");
    await held
      .getByRole("alert")
      .getByText(/part of 1 stacks/)
      .waitFor();
    await held.getByRole("button", { name: "Cancel" }).click();

    await page.goto("/stacks");
    await act(page, `stack ${stack}`, "Share");
    await rowOf(page, stack).getByText("Shared").waitFor();

    await bob.page.reload();
    await rowOf(bob.page, stack).getByText("Shared").waitFor();
    await rowOf(bob.page, stack).getByText(aliceUser.user.name).waitFor();
    // Bob may edit or delete the team's shared stack, but only alice decides who sees it.
    await bob.page.getByRole("button", { name: `Actions for stack ${stack}` }).click();
    await bob.page.getByRole("menuitem", { name: "Delete…" }).waitFor();
    assert.equal(await bob.page.getByRole("menuitem", { name: /Share|Unshare/ }).count(), 0);
    await bob.page.keyboard.press("Escape");
    await expectAccessible(bob.page, "stacks page");

    await act(page, `stack ${stack}`, "Unshare");
    await rowOf(page, stack).getByText("Private").waitFor();
    await bob.page.reload();
    await rowOf(bob.page, "default").waitFor();
    assert.equal(await rowOf(bob.page, stack).count(), 0, "unshared, it is gone for bob");

    await act(page, `stack ${stack}`, "Delete");
    await rowOf(page, stack).waitFor({ state: "detached" });
    expectNoConsoleErrors(alice);
    expectNoConsoleErrors(bob);
  });

  it("a failing list says so with the server's message and recovers on retry", async () => {
    const profile = await d.profile();
    const { page } = profile;
    const user = await createActiveUser(d.server, d.admin, ["read", "write"]);
    await logIn(page, user.user.name, user.password);
    await page.route("**/api/v1/workspaces/*/stacks?*", (route) =>
      route.fulfill({
        status: 503,
        contentType: "application/json",
        body: JSON.stringify({ detail: ["ValueError", "The store is not reachable."] }),
      }),
    );
    await page.goto("/stacks");
    const alert = page.getByRole("alert").filter({ hasText: "Could not load stacks" });
    await alert.getByText("The store is not reachable.").waitFor();
    await page.unroute("**/api/v1/workspaces/*/stacks?*");
    await alert.getByRole("button", { name: "Try again" }).click();
    await rowOf(page, "default").waitFor();
  });

  it("a reader sees stacks and components but no register or share control; pages fit a phone", async () => {
    const owner = await createActiveUser(d.server, d.admin, ["read", "write"]);
    const ws = (await d.admin.get("/api/v1/workspaces/default")).body;
    const body = (name: string, type: string) => ({
      name,
      type,
      flavor: "local",
      user: owner.user.id,
      workspace: ws.id,
      is_shared: true,
    });
    const shared = (await owner.api.post(`/api/v1/workspaces/${ws.id}/components`, body(uniqueName("orch"), "orchestrator"))).body;
    const reader = await createActiveUser(d.server, d.admin, ["read"]);
    const profile = await d.profile(PHONE);
    const { page } = profile;
    await logIn(page, reader.user.name, reader.password);

    await page.goto("/components");
    await rowOf(page, shared.name).getByText("Shared").waitFor();
    assert.equal(await page.getByRole("button", { name: /^Register|^Actions for/ }).count(), 0);
    await expectAccessible(page, "components as a reader (375 px)");
    await expectNoHorizontalScroll(page, "components (375 px)");

    await page.goto("/stacks");
    await page.getByRole("heading", { name: "Stacks", level: 1 }).waitFor();
    await page.getByRole("region", { name: "Stacks in default" }).waitFor();
    assert.equal(await page.getByRole("button", { name: /^Register|^Actions for/ }).count(), 0);
    await expectAccessible(page, "stacks as a reader (375 px)");
    await expectNoHorizontalScroll(page, "stacks (375 px)");
    expectNoConsoleErrors(profile);
  });
});
