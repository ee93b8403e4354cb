import { expect, test } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { signInAsOperator } from "./support/sign-in";

/**
 * Questionnaire campaigns and the agenda's defaults administered (issue 16,
 * decision 0047): Chiara Gallo, ADMIN, creates a campaign, is told at the
 * field what is missing, closes it early; sets the agenda's defaults with
 * JavaScript disabled.
 */

test("an admin creates a questionnaire campaign, told at the field what is missing, and closes it early", async ({ page }) => {
  await signInAsOperator(page, "Chiara Gallo");
  await page.goto("/admin/questionari");
  await page.getByRole("link", { name: "Nuovo questionario" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nuovo questionario" })).toBeVisible();
  await checkPage(page);

  const code = `prova-${Date.now()}`;
  const form = page.locator("#nuovo");
  await form.getByLabel("Codice").fill(code);
  await form.getByLabel("A chi è rivolto").selectOption("PROFESSIONISTI");
  await form.getByLabel("Titolo").fill("Questionario di prova");
  await form.getByLabel("Presentazione").fill("Volontario e anonimo.");
  await form.getByLabel("Primo giorno").fill("2026-01-01");
  await form.getByRole("button", { name: "Crea il questionario" }).click();
  await expect(page.locator("#nuovo").getByText("Indicare almeno una domanda.")).toBeVisible();
  await expect(page.locator("#nuovo").getByLabel("Titolo")).toHaveValue("Questionario di prova");
  await checkPage(page);

  const first = page.locator("#nuovo fieldset").first();
  await first.getByLabel("Come si risponde").selectOption("scala");
  await first.getByLabel("Testo della domanda").fill("Quanto è facile usare il portale?");
  await first.getByLabel("Per la scala: che cosa significa 1").fill("per niente");
  await first.getByLabel("Per la scala: che cosa significa 5").fill("molto");
  await page.locator("#nuovo").getByRole("button", { name: "Crea il questionario" }).click();
  await expect(page.getByText("Questionario creato.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Questionario di prova" })).toBeVisible();
  await checkPage(page);

  await page.getByRole("button", { name: "Chiudi ora" }).click();
  await expect(page.getByText("Questionario chiuso: da ora non si può più rispondere.")).toBeVisible();
  await expect(page.getByText("Chiuso", { exact: true })).toBeVisible();
});

test("the agenda's defaults are set with JavaScript disabled", async ({ browser, page }) => {
  await signInAsOperator(page, "Chiara Gallo");
  await page.goto("/admin/agenda");
  await expect(page.getByRole("heading", { level: 1, name: "Agenda: valori predefiniti" })).toBeVisible();
  await checkPage(page);

  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await plain.goto("/fascicolo/accesso");
  await plain.getByRole("button", { name: "Accedi come Chiara Gallo" }).click();
  await expect(plain).toHaveURL(/\/fascicolo$/);
  await plain.goto("/admin/agenda");
  // Axe needs JavaScript: the page is checked with it above.
  await checkPage(plain, { axe: false });
  await plain.getByLabel("Posti per orario").fill("0");
  await plain.getByRole("button", { name: "Salva i valori predefiniti" }).click();
  await expect(plain.getByText("Posti per orario: almeno 1.")).toBeVisible();
  await expect(plain.getByLabel("Posti per orario")).toHaveValue("0");
  // The seed's value again, for the other tests.
  await plain.getByLabel("Posti per orario").fill("1");
  await plain.getByRole("button", { name: "Salva i valori predefiniti" }).click();
  await expect(plain.getByText(/Valori predefiniti salvati: valgono per le sedi/)).toBeVisible();
  await context.close();
});

test("an OPERATORE is told the campaigns' and agenda defaults' pages do not exist", async ({ page }) => {
  await signInAsOperator(page, "Paolo Marino");
  for (const path of ["/admin/agenda", "/admin/questionari/nuovo", "/admin/questionari/professionisti-2026"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});
