import { expect, test, type Browser } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { sendRequest } from "./support/requests";
import { signInAsContributor, signInAsOperator } from "./support/sign-in";

/**
 * Service levels (B4) end to end: the contributor reads when the answer is
 * due; the office asks for an integration with a deadline, and the
 * contributor sees the request and its deadline; the Scrivania counts the
 * quesito waiting for the contributor and links to the queue filtered so.
 */

const plainDay = String.raw`\d{1,2} [a-z]+ \d{4}`;

async function askForIntegration(browser: Browser, protocol: string): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsOperator(page, "Paolo Marino");
  await page.goto(`/fascicolo/quesiti?cerca=${encodeURIComponent(protocol)}&ordine=scadenza`);
  await expect(page.getByRole("columnheader", { name: "Risposta entro il" })).toBeVisible();
  await checkPage(page);
  await page.getByRole("link", { name: protocol }).click();
  await expect(page.getByText("Risposta entro il")).toBeVisible();
  await page.getByRole("region", { name: "Prendi in carico" }).getByRole("button", { name: "Prendi in carico" }).click();
  await expect(page.getByText("In lavorazione").first()).toBeVisible();

  const integration = page.getByRole("region", { name: "Richiedi un'integrazione" });
  await integration.getByLabel("Termine per il contribuente (giorni lavorativi)").fill("0");
  await integration.getByLabel("Che cosa serve").fill("Inviare la quietanza del modello F24 di marzo 2026.");
  await integration.getByRole("button", { name: "Invia la richiesta di integrazione" }).click();
  // A deadline of 0 days is refused at its field, the text kept.
  await expect(page.getByText("Indicare un numero intero di giorni lavorativi da 1 a 90.").first()).toBeVisible();
  await checkPage(page);
  const retry = page.getByRole("region", { name: "Richiedi un'integrazione" });
  await expect(retry.getByLabel("Che cosa serve")).toHaveValue("Inviare la quietanza del modello F24 di marzo 2026.");
  await retry.getByLabel("Termine per il contribuente (giorni lavorativi)").fill("10");
  await retry.getByRole("button", { name: "Invia la richiesta di integrazione" }).click();
  await expect(page.getByText(/Richiesta di integrazione inviata/)).toBeVisible();
  await expect(page.getByText("In attesa del contribuente").first()).toBeVisible();
  await expect(page.getByText(/termine sospeso/)).toBeVisible();
  await checkPage(page);

  await page.goto("/fascicolo");
  const counts = page.getByRole("region", { name: "I quesiti in breve" });
  await expect(counts.getByRole("link", { name: /Scaduti/ })).toBeVisible();
  await checkPage(page);
  await counts.getByRole("link", { name: /In attesa del contribuente/ }).click();
  await expect(page).toHaveURL(/stato=in_attesa/);
  await expect(page.getByRole("link", { name: protocol })).toBeVisible();
  await checkPage(page);
  await context.close();
}

test("the contributor reads the due date and the integration the office asks for", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signInAsContributor(page, "Mario Rossi");
  const protocol = await sendRequest(page, "Chiedo quando sarà abbinato il versamento F24 di marzo 2026.");
  await expect(page.getByText(new RegExp(`^Ricevuta il ${plainDay} · risposta prevista entro il ${plainDay}$`))).toBeVisible();
  await checkPage(page);

  await askForIntegration(browser, protocol);

  await page.reload();
  await expect(page.getByText(new RegExp(`^Presa in carico il ${plainDay} · risposta prevista entro il ${plainDay}`))).toBeVisible();
  await expect(page.getByText(new RegExp(`La sede ti chiede un'integrazione entro il ${plainDay}\\.`))).toBeVisible();
  await expect(page.getByText("Inviare la quietanza del modello F24 di marzo 2026.").first()).toBeVisible();
  await checkPage(page);
});
