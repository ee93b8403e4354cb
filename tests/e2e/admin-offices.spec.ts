import { expect, test, type Page } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { signInAsContributor, signInAsOperator } from "./support/sign-in";

/**
 * Offices, competence and per-gestione settings (issue 16, decision 0044):
 * Chiara Gallo, ADMIN, changes a gestione's file limit, which the next new
 * request form shows; moves a province's competence; edits an office with
 * JavaScript disabled.
 */

async function setArtigianiMaxFiles(page: Page, value: string): Promise<void> {
  await page.goto("/admin/impostazioni");
  const form = page.locator("#gestione-ARTIGIANI_COMMERCIANTI");
  await form.getByLabel("Numero massimo di file per richiesta").fill(value);
  await form.getByRole("button", { name: "Salva le impostazioni" }).click();
  await expect(page.getByText("Impostazioni salvate: valgono per i moduli aperti da ora.")).toBeVisible();
}

test("an admin changes a gestione's file limit and a contributor's new request form shows it", async ({ page, browser }) => {
  await signInAsOperator(page, "Chiara Gallo");
  await page.goto("/admin/impostazioni");
  await expect(page.getByRole("heading", { level: 1, name: "Impostazioni per gestione" })).toBeVisible();
  await checkPage(page);

  const invalid = page.locator("#gestione-ARTIGIANI_COMMERCIANTI");
  await invalid.getByLabel("Dimensione massima di un file (MB)").fill("80");
  await invalid.getByRole("button", { name: "Salva le impostazioni" }).click();
  await expect(page.locator("#gestione-ARTIGIANI_COMMERCIANTI").getByText("Indicare una dimensione da 0,1 a 50 MB.")).toBeVisible();
  await checkPage(page);

  await setArtigianiMaxFiles(page, "7");
  const context = await browser.newContext();
  const contributor = await context.newPage();
  await signInAsContributor(contributor, "Mario Rossi");
  await contributor.goto("/cassetto/richieste/nuova");
  await expect(contributor.getByText(/Fino a 7 file, ciascuno di/)).toBeVisible();
  await context.close();
  // The seed's limit again, for the other tests.
  await setArtigianiMaxFiles(page, "3");
});

test("an admin moves a province's competence and sees it in the list of offices", async ({ page }) => {
  await signInAsOperator(page, "Chiara Gallo");
  await page.goto("/admin/sedi");
  await expect(page.getByRole("heading", { level: 1, name: "Sedi e competenza territoriale" })).toBeVisible();
  await checkPage(page);

  const form = page.locator("#competenza");
  await form.getByLabel("Gestione").selectOption({ label: "Gestione Separata – Liberi professionisti" });
  await form.getByLabel("Provincia (sigla)").fill("AO");
  await form.getByLabel("Sede che diventa competente").selectOption({ label: "Direzione provinciale di Torino (8100)" });
  await form.getByRole("button", { name: "Sposta la competenza" }).click();
  await expect(page.locator("#competenza").getByText("Scegliere che cosa succede ai quesiti aperti della provincia.")).toBeVisible();
  await checkPage(page);

  await page.locator("#competenza").getByLabel("Quesiti aperti della provincia").selectOption("RESTANO");
  await page.locator("#competenza").getByRole("button", { name: "Sposta la competenza" }).click();
  await expect(page.getByText(/Competenza spostata da Direzione provinciale di Aosta a Direzione provinciale di Torino/)).toBeVisible();
  const turin = page.getByRole("row").filter({ hasText: "8100" });
  await expect(turin.getByText("Gestione Separata – Liberi professionisti: AL, AO, AT")).toBeVisible();
  await expect(
    page.getByRole("row").filter({ hasText: "0400" }).getByText("Gestione Separata – Liberi professionisti: nessuna"),
  ).toBeVisible();

  await page.getByRole("link", { name: "Aggiungi una sede" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nuova sede" })).toBeVisible();
  await checkPage(page);
  await page.goto("/admin/sedi");
  await page.getByRole("link", { name: "Direzione provinciale di Aosta" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Direzione provinciale di Aosta" })).toBeVisible();
  await checkPage(page);
});

test("an office is edited with JavaScript disabled", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/fascicolo/accesso");
  await page.getByRole("button", { name: "Accedi come Chiara Gallo" }).click();
  await expect(page).toHaveURL(/\/fascicolo$/);
  await page.goto("/admin/sedi");
  await page.getByRole("link", { name: "Direzione provinciale di Bolzano" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Direzione provinciale di Bolzano" })).toBeVisible();
  // Axe needs JavaScript: the page is checked with it in the test above.
  await checkPage(page, { axe: false });

  await page.getByLabel("Indirizzo").fill("");
  await page.getByRole("button", { name: "Salva la sede" }).click();
  await expect(page.getByText("Indicare l'indirizzo della sede.")).toBeVisible();
  await page.getByLabel("Indirizzo").fill("Piazza Domenicani 30");
  await page.getByRole("button", { name: "Salva la sede" }).click();
  await expect(page.getByText("Sede aggiornata.")).toBeVisible();
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: "1400" })
      .getByText(/Piazza Domenicani 30, Bolzano/),
  ).toBeVisible();
  await context.close();
});

test("an OPERATORE is told the offices and settings pages do not exist", async ({ page }) => {
  await signInAsOperator(page, "Paolo Marino");
  for (const path of ["/admin/sedi", "/admin/sedi/nuova", "/admin/impostazioni"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await expect(page.getByRole("heading", { level: 1, name: "Impostazioni per gestione" })).toHaveCount(0);
});
