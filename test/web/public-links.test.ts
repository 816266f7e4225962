/**
 * The dashboard shows the sign-up links the server makes on its public address (COHORT_BASE_URL),
 * not on the address this browser happens to reach it by (a private one, behind a proxy).
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { uniqueName } from "../helpers/fixtures.js";
import { ADMIN_NAME, ADMIN_PASSWORD } from "../helpers/server.js";
import { describeInBrowser } from "./helpers/browser.js";
import { expectNoConsoleErrors, logIn, useDashboard } from "./helpers/dashboard.js";
import { openMemberAction } from "./helpers/members.js";

const PUBLIC_URL = "https://cohort.example.com";

describeInBrowser("sign-up links on the public address", () => {
  const d = useDashboard({ env: { COHORT_BASE_URL: PUBLIC_URL } });

  it("the invitation and the regenerated link start with COHORT_BASE_URL", async () => {
    const profile = await d.profile();
    const { page } = profile;
    await logIn(page, ADMIN_NAME, ADMIN_PASSWORD);
    await page.goto("/settings/members");
    const name = uniqueName("public");
    await page.getByRole("button", { name: "Invite member" }).click();
    const invite = page.getByRole("dialog", { name: "Invite a member" });
    await invite.getByLabel("Username").fill(name);
    await invite.getByRole("button", { name: "Create invitation link" }).click();
    const shown = page.getByRole("dialog", { name: `Sign-up link for ${name}` });
    const link = await shown.getByLabel("Sign-up link").inputValue();
    assert.ok(!d.server.url.startsWith(PUBLIC_URL));
    assert.match(link, new RegExp(`^${PUBLIC_URL}/signup\\?user=[0-9a-f-]{36}&username=${name}&token=[0-9a-f]{64}$`));
    await shown.getByRole("button", { name: "Done" }).click();

    await openMemberAction(page, name, "Regenerate invitation link…");
    await page
      .getByRole("dialog", { name: `New invitation link for ${name}` })
      .getByRole("button", { name: "Regenerate link" })
      .click();
    const regenerated = await page
      .getByRole("dialog", { name: `Sign-up link for ${name}` })
      .getByLabel("Sign-up link")
      .inputValue();
    assert.notEqual(regenerated, link);
    assert.ok(regenerated.startsWith(`${PUBLIC_URL}/signup?`), regenerated);
    expectNoConsoleErrors(profile);
  });
});
