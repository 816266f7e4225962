/**
 * Loading and error states: while the server is slow a labelled spinner shows; when it fails the
 * page says so with the server's message and a retry, and recovers when the server does.
 */
import { it } from "node:test";
import { ADMIN_NAME, ADMIN_PASSWORD } from "../helpers/server.js";
import { describeInBrowser } from "./helpers/browser.js";
import { expectNoConsoleErrors, logIn, useDashboard } from "./helpers/dashboard.js";

describeInBrowser("loading and error states", () => {
  const d = useDashboard();

  it("shows a spinner while loading, the error with a retry, and recovers", async () => {
    const { page } = await d.profile();
    await logIn(page, ADMIN_NAME, ADMIN_PASSWORD);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/v1/users?*", async (route) => {
      await held;
      await route.fulfill({
        status: 503,
        contentType: "application/json",
        body: JSON.stringify({ detail: ["ValueError", "The store is not reachable."] }),
      });
    });
    await page.goto("/settings/members");
    await page.getByRole("status", { name: "Loading members" }).waitFor();
    release();
    const alert = page.getByRole("alert").filter({ hasText: "Could not load members" });
    await alert.getByText("The store is not reachable.").waitFor();
    await page.unroute("**/api/v1/users?*");
    await alert.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("table", { name: "Members" }).waitFor();
  });

  it("says so when the server cannot be reached at all", async () => {
    const { page } = await d.profile();
    await logIn(page, ADMIN_NAME, ADMIN_PASSWORD);
    await page.route("**/api/v1/roles?*", (route) => route.abort("connectionrefused"));
    await page.goto("/settings/roles");
    await page.getByText("Cannot reach the server. Check your connection and try again.").waitFor();
  });

  it("a page whose code cannot be fetched says so and offers a reload", async () => {
    const profile = await d.profile();
    const { page } = profile;
    await logIn(page, ADMIN_NAME, ADMIN_PASSWORD);
    // As after an update: the chunks of the build this tab started from are gone.
    const chunk = "**/assets/RolesPage-*.js";
    await page.route(chunk, (route) => route.fulfill({ status: 404, contentType: "application/json", body: "{}" }));
    await page.getByRole("link", { name: "Roles" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "This page could not be loaded" });
    await alert.waitFor();
    await page.unroute(chunk);
    await alert.getByRole("button", { name: "Reload" }).click();
    await page.getByRole("heading", { name: "Roles", level: 1 }).waitFor();
    expectNoConsoleErrors(profile);
  });
});
