/** Steps on the members page and the sign-up page, named as a user would say them. */
import type { Locator, Page } from "playwright-core";

/** The members table's row of `name`. */
export function memberRow(page: Page, name: string): Locator {
  return page.getByRole("row").filter({ has: page.getByText(`@${name}`, { exact: true }) });
}

/** Opens the actions menu of `name` and picks `item`. */
export async function openMemberAction(page: Page, name: string, item: string): Promise<void> {
  await page.getByRole("button", { name: `Actions for ${name}` }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

/** Fills and sends the sign-up form of the link the page shows. */
export async function signUp(page: Page, fields: { fullName?: string; password: string; confirm?: string }): Promise<void> {
  if (fields.fullName !== undefined) await page.getByLabel("Full name").fill(fields.fullName);
  await page.getByLabel(/^Password/).fill(fields.password);
  await page.getByLabel(/^Repeat password/).fill(fields.confirm ?? fields.password);
  await page.getByRole("button", { name: "Create account" }).click();
}
