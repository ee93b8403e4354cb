import { expect, test } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { signInAsOperator } from "./support/sign-in";

/**
 * The administration's frame (decision 0042): Chiara Gallo, ADMIN, reaches it
 * from the Fascicolo's navigation; Paolo Marino, an OPERATORE, has no link and
 * is told it does not exist. The Smart-Task enablement page is visited too.
 */

test("an ADMIN reaches the administration from the Fascicolo; an OPERATORE is told it does not exist", async ({ page, browser }) => {
  await signInAsOperator(page, "Chiara Gallo");
  await page.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: "Amministrazione" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Amministrazione" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Oggetti attivi per gestione" })).toBeVisible();
  await checkPage(page);

  // Smart-Task enablement (decision 0046): the demo opens every kind; a wrong codice fiscale is named by its line, nothing saved.
  await page.goto("/admin/smart-task");
  await expect(page.getByRole("heading", { level: 1, name: "Smart-Task" })).toBeVisible();
  await expect(page.locator("form#tipo-CANCELLAZIONE_CONTATTI_ANOMALI").getByLabel("Chi può presentarla")).toHaveValue("TUTTI");
  await checkPage(page);
  const pilot = page.locator("form#gruppo-pilota");
  await pilot.getByLabel("Codici fiscali del gruppo pilota").fill("RSSMRA78E14H501S\nRSSMRA78");
  await pilot.getByRole("button", { name: "Salva il gruppo pilota" }).click();
  await expect(pilot.getByText("Riga 2: «RSSMRA78» non è valido. Il codice fiscale deve essere di 16 caratteri.")).toBeVisible();
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
