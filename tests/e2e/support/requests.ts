import { expect, type Page } from "@playwright/test";

/**
 * Sends a request from Nuova richiesta as the signed-in contributor (their
 * only position, the first subject, notices by e-mail) and returns its
 * protocol number as the request page shows it.
 */
export async function sendRequest(page: Page, text: string): Promise<string> {
  await page.goto("/cassetto/richieste/nuova");
  await page.getByLabel("Oggetto").selectOption({ index: 1 });
  await page.getByLabel("Testo della richiesta").fill(text);
  await page.getByLabel("Voglio ricevere gli avvisi per e-mail").check();
  await page.getByRole("button", { name: "Invia la richiesta" }).click();
  return sentRequestProtocol(page);
}

/** After "Invia la richiesta": waits for the new request's page and returns its protocol number (of `office`, Roma by default) as shown. */
export async function sentRequestProtocol(page: Page, office = "7000"): Promise<string> {
  await expect(page).toHaveURL(/\/cassetto\/richieste\/[0-9a-f-]{36}/);
  const protocol =
    (await page
      .getByText(new RegExp(`^INPS\\.${office}\\.\\d{2}/\\d{2}/\\d{4}\\.\\d{7}$`))
      .first()
      .textContent()) ?? "";
  expect(protocol).not.toBe("");
  return protocol;
}
