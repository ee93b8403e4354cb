import { expect, test } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { signInAsOperator } from "./support/sign-in";

/**
 * The administration's frame (decision 0042): Chiara Gallo, ADMIN, reaches it
 * from the Fascicolo's navigation; Paolo Marino, an OPERATORE, has no link and
 * is told it does not exist.
 */

test("an ADMIN reaches the administration from the Fascicolo; an OPERATORE is told it does not exist", async ({ page, browser }) => {
  await signInAsOperator(page, "Chiara Gallo");
  await page.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: "Amministrazione" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Amministrazione" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Oggetti attivi per gestione" })).toBeVisible();
  await checkPage(page);

  const context = await browser.newContext();
  const operator = await context.newPage();
  await signInAsOperator(operator, "Paolo Marino");
  await expect(
    operator.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: "Amministrazione" }),
  ).toHaveCount(0);
  const response = await operator.goto("/admin");
  expect(response?.status()).toBe(404);
  await expect(operator.getByRole("heading", { level: 1, name: "Amministrazione" })).toHaveCount(0);
  await checkPage(operator);
  await context.close();
});
