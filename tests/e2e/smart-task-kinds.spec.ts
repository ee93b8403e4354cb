import { expect, test } from "@playwright/test";
import { codeSentTo } from "./support/dev-mail";
import { checkPage } from "./support/page-checks";
import { signInAsContributor } from "./support/sign-in";
import { delegateFrancescaRicci, eventually, sendSmartTask } from "./support/smart-task";

/**
 * Smart-Task kinds beyond the first (F14, decision 0037), open to everybody by
 * the demo's seed (decision 0046). Sara Romano's own contacts and Antonio
 * Esposito's DIPENDENTE delegation to Francesca Ricci are used by no other e2e
 * test (Francesca Ricci already chooses a profile: one more, for a while, changes
 * nothing for the others).
 */

const POSITION = "Aziende – 5100234519 – Esposito Costruzioni S.r.l.";

test("a delegated employee verifies a new e-mail, files VARIAZIONE CONTATTI: Accolta, and Contatti shows the new address", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const address = "sara.romano.e2e@example.it";
  await signInAsContributor(page, "Sara Romano");
  await expect(page).toHaveURL(/\/cassetto$/);

  // The code sent to the new address, read on /dev/posta, verifies it.
  await page.goto("/cassetto/contatti");
  await page.getByLabel("Nuova e-mail").first().fill(address);
  await page.getByRole("button", { name: "Invia i codici di verifica" }).first().click();
  await expect(page.getByText(/^Abbiamo inviato un codice di verifica a: sara\.romano\.e2e@example\.it/)).toBeVisible();
  const code = await codeSentTo(page, address);
  await page.goto("/cassetto/contatti");
  await page.getByLabel(/^Codice di verifica inviato a sara\.romano\.e2e@example\.it/).fill(code);
  await page.getByRole("button", { name: "Conferma e-mail" }).click();
  await expect(page.getByText(/^Codice corretto: il nuovo recapito \(e-mail\) è verificato/)).toBeVisible();

  // The Smart-Task applies it.
  await page.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: "Smart-Task" }).click();
  const form = page.locator("form#VARIAZIONE_CONTATTI_DIPENDENTE_AZIENDALE");
  await form.getByLabel("Posizione").selectOption({ label: POSITION });
  await form.getByLabel("Nuova e-mail").fill(address);
  await checkPage(page);
  const protocol = await sendSmartTask(page, form);
  await eventually(page, page.getByRole("table", { name: "Le tue Smart-Task" }).getByRole("row").filter({ hasText: protocol }), "Accolta");

  await page.goto("/cassetto/richieste");
  const row = page.getByRole("row").filter({ hasText: protocol });
  await expect(row).toContainText("Variazione contatti dipendente aziendale");
  await expect(row).toContainText("Esito: Accolta");
  await checkPage(page);

  await page.goto("/cassetto/contatti");
  await expect(page.locator("dd", { hasText: address })).toBeVisible();
  await checkPage(page);
});

test("a company files REVOCA DELEGA DIPENDENTE: Accolta, and the employee's delegation ends", async ({ browser }) => {
  test.setTimeout(180_000);
  const company = await (await browser.newContext()).newPage();
  await signInAsContributor(company, "Antonio Esposito");
  await delegateFrancescaRicci(company, "DIPENDENTE");

  await company.goto("/cassetto/smart-task");
  const form = company.locator("form#REVOCA_DELEGA_DIPENDENTE");
  await form.getByLabel("Posizione").selectOption({ label: POSITION });
  await form.getByLabel("Delega da revocare").selectOption({ label: "A Francesca Ricci – posizioni 5100234519" });
  await form.getByLabel("Motivo della revoca (facoltativo)").fill("Fine del rapporto di lavoro.");
  await checkPage(company);
  const protocol = await sendSmartTask(company, form);

  await company.goto("/cassetto/richieste");
  const row = company.getByRole("row").filter({ hasText: protocol });
  await eventually(company, row, "Esito: Accolta");
  await expect(row).toContainText("Revoca delega dipendente");
  await checkPage(company);

  // The employee no longer reaches the company's position.
  const employee = await (await browser.newContext()).newPage();
  await signInAsContributor(employee, "Francesca Ricci");
  await employee.getByRole("button", { name: /Opera come dipendente/ }).click();
  await expect(employee).toHaveURL(/\/cassetto$/);
  await expect(employee.getByRole("region", { name: "Antonio Esposito", exact: true })).toHaveCount(0);
});
