import { expect, type Page } from "@playwright/test";
import { checkPage } from "./page-checks";

/** Signs in on the Cassetto through the demo page, checking the page with axe on the way. */
export async function signInAsContributor(page: Page, name: string): Promise<void> {
  await page.goto("/accesso");
  await expect(page.getByRole("heading", { level: 1, name: "Accesso al Cassetto Previdenziale" })).toBeVisible();
  await checkPage(page);
  await page.getByRole("button", { name: `Accedi come ${name}` }).click();
}

/** Signs in on the Fascicolo (office side) through its own demo page. */
export async function signInAsOperator(page: Page, name: string): Promise<void> {
  await page.goto("/fascicolo/accesso");
  await expect(page.getByRole("heading", { level: 1, name: "Accesso operatori" })).toBeVisible();
  await checkPage(page);
  await page.getByRole("button", { name: `Accedi come ${name}` }).click();
}
