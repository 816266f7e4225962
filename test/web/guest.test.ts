/**
 * A guest (read and me) sees every settings page but no control it may not use, and the API refuses
 * those actions anyway when sent from the guest's own browser session (SPEC §8, §9). Mutations
 * without the CSRF header are refused too (SPEC §5.1).
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import type { Page } from "playwright-core";
import { assignRole, createActiveUser, createUser } from "../helpers/fixtures.js";
import { describeInBrowser } from "./helpers/browser.js";
import { expectNoConsoleErrors, logIn, useDashboard } from "./helpers/dashboard.js";
import { memberRow } from "./helpers/members.js";

/** A request from the page, with the session cookie, and the CSRF header unless told otherwise. */
async function fetchFromPage(page: Page, method: string, path: string, body?: unknown, csrf = true): Promise<number> {
  return (await page.evaluate(
    `(async () => {
      const token = document.cookie.split("; ").find((c) => c.startsWith("cohort_csrf="))?.split("=")[1] ?? "";
      const headers = { "content-type": "application/json", ...(${csrf} ? { "x-csrf-token": token } : {}) };
      const reply = await fetch(${JSON.stringify(path)}, { method: ${JSON.stringify(method)}, headers, body: ${JSON.stringify(JSON.stringify(body ?? null))} });
      return reply.status;
    })()`,
  )) as number;
}

describeInBrowser("the guest view", () => {
  const d = useDashboard();

  it("shows no controls a guest may not use, and the API refuses them anyway", async () => {
    const guest = await createActiveUser(d.server, d.admin);
    await assignRole(d.admin, guest.user.id, "guest");
    const other = await createUser(d.admin);
    const profile = await d.profile();
    const { page } = profile;
    await logIn(page, guest.user.name, guest.password);

    await page.goto("/settings/members");
    await memberRow(page, other.name).waitFor();
    assert.equal(await page.getByRole("button", { name: "Invite member" }).count(), 0);
    assert.equal(await page.getByRole("button", { name: /^Actions for / }).count(), 0);

    await page.goto("/settings/roles");
    await page.getByRole("row", { name: /admin/ }).waitFor();
    assert.equal(await page.getByRole("button", { name: /Create role|^Edit role|^Delete role/ }).count(), 0);

    await page.goto("/settings/workspaces");
    await page.getByRole("row", { name: /default/ }).waitFor();
    assert.equal(await page.getByRole("button", { name: /Create workspace|^Edit workspace|^Delete workspace/ }).count(), 0);

    // The guest's own profile stays theirs to edit (`me`).
    await page.goto("/settings/personal");
    await page.getByRole("button", { name: "Save profile" }).waitFor();

    const roles = (await d.admin.get("/api/v1/roles")).body.items as { id: string; name: string }[];
    const admin = roles.find((r) => r.name === "admin")?.id;
    const refused: [string, string, unknown][] = [
      ["POST", "/api/v1/users", { name: "smuggled" }],
      ["PUT", `/api/v1/users/${other.id}`, { active: false }],
      ["PUT", `/api/v1/users/${other.id}/deactivate`, undefined],
      ["DELETE", `/api/v1/users/${other.id}`, undefined],
      ["POST", "/api/v1/role_assignments", { user: guest.user.id, role: admin }],
      ["POST", "/api/v1/roles", { name: "sneaky", permissions: ["read"] }],
      ["POST", "/api/v1/workspaces", { name: "sneaky" }],
    ];
    for (const [method, path, body] of refused) {
      assert.equal(await fetchFromPage(page, method, path, body), 403, `${method} ${path}`);
    }
    assert.equal((await d.admin.get(`/api/v1/users/${other.id}`)).body.status, "pending", "nothing changed");
    expectNoConsoleErrors(profile);
  });

  it("refuses a cookie-authenticated mutation without the CSRF header", async () => {
    const member = await createActiveUser(d.server, d.admin, ["read", "me"]);
    const profile = await d.profile();
    await logIn(profile.page, member.user.name, member.password);
    assert.equal(await fetchFromPage(profile.page, "PUT", "/api/v1/current-user", { full_name: "Forged" }, false), 403);
    assert.equal(await fetchFromPage(profile.page, "PUT", "/api/v1/current-user", { full_name: "Real" }, true), 200);
    assert.equal((await d.admin.get(`/api/v1/users/${member.user.id}`)).body.full_name, "Real");
  });
});
