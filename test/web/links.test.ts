/**
 * Sign-up links that cannot be used lead to a clear page, never an error dump: expired
 * (COHORT_INVITE_TTL=1s here), already used, forged, or not a link at all. Refused links change
 * nothing: the user stays pending.
 */
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { it } from "node:test";
import type { Page } from "playwright-core";
import { createUser, USER_PASSWORD } from "../helpers/fixtures.js";
import { describeInBrowser } from "./helpers/browser.js";
import { expectNoConsoleErrors, useDashboard } from "./helpers/dashboard.js";
import { signUp } from "./helpers/members.js";

const INVALID = "This invitation link is invalid, expired or already used";

const linkOf = (user: { id: string; name: string }, token: string) =>
  `/signup?${new URLSearchParams({ user: user.id, username: user.name, token }).toString()}`;

async function expectInvalidPage(page: Page): Promise<void> {
  await page.getByRole("heading", { name: INVALID }).waitFor();
  await page.getByRole("link", { name: "Go to the login page" }).waitFor();
  assert.doesNotMatch(await page.locator("body").innerText(), /AuthorizationException|Error:|stack/i);
}

describeInBrowser("expired sign-up links", () => {
  const d = useDashboard({ env: { COHORT_INVITE_TTL: "1s" } });

  it("an expired link shows the invalid-link page and leaves the user pending", async () => {
    const invited = await createUser(d.admin);
    await sleep(1500);
    const profile = await d.profile();
    await profile.page.goto(linkOf(invited, invited.activation_token ?? ""));
    await signUp(profile.page, { password: USER_PASSWORD });
    await expectInvalidPage(profile.page);
    assert.equal((await d.admin.get(`/api/v1/users/${invited.id}`)).body.status, "pending");
    expectNoConsoleErrors(profile);
  });
});

// With the default lifetime: a link used within a one-second one could expire under a loaded machine.
describeInBrowser("unusable sign-up links", () => {
  const d = useDashboard();

  it("a forged token, a used link and a mangled link all show the invalid-link page", async () => {
    const profile = await d.profile();
    const { page } = profile;
    const forged = await createUser(d.admin);
    await page.goto(linkOf(forged, "0".repeat(64)));
    await signUp(page, { password: USER_PASSWORD });
    await expectInvalidPage(page);

    const used = await createUser(d.admin);
    const link = linkOf(used, used.activation_token ?? "");
    await page.goto(link);
    await signUp(page, { password: USER_PASSWORD });
    await page.getByRole("button", { name: `Account menu for ${used.name}` }).waitFor();
    const other = await d.profile();
    await other.page.goto(link);
    await signUp(other.page, { password: USER_PASSWORD });
    await expectInvalidPage(other.page);

    // Without a token of the right shape there is nothing to try: the page says so at once.
    for (const mangled of ["/signup", "/signup?user=abc", `/signup?user=${forged.id}&token=short`]) {
      await other.page.goto(mangled);
      await expectInvalidPage(other.page);
    }
    expectNoConsoleErrors(profile);
    expectNoConsoleErrors(other);
  });
});
