import { expect, type Locator, type Page } from "@playwright/test";

/** Reloads until `locator` shows `text`: the Smart-Task job decides within seconds. */
export async function eventually(page: Page, locator: Locator, text: string): Promise<void> {
  await expect(async () => {
    await page.reload();
    await expect(locator).toContainText(text, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
}

/** "Invia la richiesta" on a Smart-Task form: waits for the confirmation and returns the protocol number it names. */
export async function sendSmartTask(page: Page, form: Locator): Promise<string> {
  await form.getByRole("button", { name: "Invia la richiesta" }).click();
  const sent = page.getByText(/Richiesta inviata con protocollo (INPS\.\S+):/);
  await expect(sent).toBeVisible();
  const protocol = /protocollo (INPS\.\S+):/.exec((await sent.textContent()) ?? "")?.[1] ?? "";
  expect(protocol).toMatch(/^INPS\.\d{4}\./);
  return protocol;
}

/** The signed-in holder (Antonio Esposito) delegates Francesca Ricci on Esposito Costruzioni (5100234519), from Deleghe. */
export async function delegateFrancescaRicci(holder: Page, kind: "INTERMEDIARIO" | "DIPENDENTE"): Promise<void> {
  await holder.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: "Deleghe" }).click();
  const grant = holder.locator("form#conferisci");
  await grant.getByLabel("Codice fiscale del delegato").fill("RCCFNC80P52H501Q");
  await grant.getByLabel("Tipo di delega").selectOption(kind);
  await grant.getByLabel(/matricola 5100234519$/).check();
  await grant.getByRole("button", { name: "Conferisci la delega" }).click();
  await expect(holder.getByText("Delega conferita: il delegato può operare da subito sulle posizioni indicate.")).toBeVisible();
}
