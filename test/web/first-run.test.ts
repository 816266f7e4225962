/**
 * First start without COHORT_DEFAULT_USER_PASSWORD: the server prints a one-time setup link for the
 * `default` admin. Opening it, choosing the password and landing logged in is the same sign-up page
 * an invitation uses, with the strength hint as you type; the link then stops working.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { ADMIN_NAME } from "../helpers/server.js";
import { expectAccessible } from "./helpers/axe.js";
import { describeInBrowser } from "./helpers/browser.js";
import { expectNoConsoleErrors, pathOf, useDashboard } from "./helpers/dashboard.js";
import { signUp } from "./helpers/members.js";

const PASSWORD = "first-light-harbour-2291";

describeInBrowser("first-run setup link", () => {
  const d = useDashboard({ env: { COHORT_DEFAULT_USER_PASSWORD: "" } });

  it("sets the admin's password and lands logged in; the link is then spent", async () => {
    const setupLink = d.server.running.runtime.setupLink;
    assert.ok(setupLink, "a fresh store without a default password prints a setup link");
    const profile = await d.profile();
    const { page } = profile;
    await page.goto(pathOf(setupLink));
    await page.getByRole("heading", { name: "Create your account" }).waitFor();
    assert.equal(await page.getByLabel("Username").inputValue(), ADMIN_NAME);
    await expectAccessible(page, "the setup page");

    // The strength hint follows the typing in the estimator's words, and a guessable password is
    // refused before anything is sent (SPEC §5.2: the dashboard applies the server's rule).
    const activations: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/activate")) activations.push(request.url());
    });
    await page.getByLabel(/^Password/).fill("password1234");
    await page.getByText("Too easy to guess.", { exact: true }).waitFor();
    await page.getByText(/This is similar to a commonly used password/).waitFor();
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByText("Very strong.", { exact: true }).waitFor();
    await signUp(page, { fullName: "Ops Admin", password: "aaaaaaaaaaaa" });
    await page.getByText(/^Password is too easy to guess: Repeated characters like "aaa" are easy to guess/).waitFor();
    assert.deepEqual(activations, [], "the form sent nothing");

    // Mismatched passwords are caught before anything is sent.
    await signUp(page, { fullName: "Ops Admin", password: PASSWORD, confirm: `${PASSWORD}x` });
    await page.getByText("The two passwords are not the same.").waitFor();
    await signUp(page, { fullName: "Ops Admin", password: PASSWORD });

    await page.getByRole("heading", { name: "Members", level: 1 }).waitFor();
    await page.getByRole("button", { name: `Account menu for ${ADMIN_NAME}` }).waitFor();
    assert.equal((await d.server.attemptLogin(ADMIN_NAME, PASSWORD)).status, 200);

    const again = await d.profile();
    await again.page.goto(pathOf(setupLink));
    await signUp(again.page, { password: "another-password-entirely-77" });
    await again.page.getByRole("heading", { name: "This invitation link is invalid, expired or already used" }).waitFor();
    expectNoConsoleErrors(profile);
    expectNoConsoleErrors(again);
  });
});
