import { expect, test } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { signInAsOperator } from "./support/sign-in";

/**
 * Operators and roles, and the audit trail (issue 16, decision 0045): Chiara
 * Gallo, ADMIN, adds an operator with JavaScript disabled, then deactivates
 * them while they are signed in: their next click goes to sign-in. The audit
 * trail shows both changes and exports them as CSV.
 */

const CODICE_FISCALE = "VRDGLI85M41H501O";

test("an admin adds and deactivates an operator, whose next click goes to sign-in; the audit trail shows and exports it", async ({
  browser,
}) => {
  // Adding, without JavaScript: a plain form, post-redirect-get.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await plain.newPage();
  await noScript.goto("/fascicolo/accesso");
  await noScript.getByRole("button", { name: "Accedi come Chiara Gallo" }).click();
  await noScript.goto("/admin/operatori");
  const form = noScript.locator("#nuovo-operatore");
  await form.getByLabel("Codice fiscale").fill("VRDGLI85M41H501X");
  await form.getByRole("textbox", { name: "Nome (obbligatorio)", exact: true }).fill("Giulia");
  await form.getByLabel("Cognome").fill("Verdi");
  await form.getByLabel("Email di lavoro").fill("giulia.verdi@inps.example.it");
  await form.getByLabel("Sede").selectOption({ index: 1 });
  await form.getByLabel("Ruolo").selectOption({ label: "Operatore" });
  await form.getByRole("button", { name: "Aggiungi l'operatore" }).click();
  // Refused by the server at its field, with what was typed kept.
  await expect(form.getByText("Alcuni dati non sono validi: correggere i campi indicati.")).toBeVisible();
  await expect(form.getByLabel("Cognome")).toHaveValue("Verdi");
  await form.getByLabel("Codice fiscale").fill(CODICE_FISCALE.toLowerCase());
  await form.getByRole("button", { name: "Aggiungi l'operatore" }).click();
  await expect(noScript.getByText(`Operatore ${CODICE_FISCALE} aggiunto: può accedere al Fascicolo elettronico.`)).toBeVisible();
  await plain.close();

  // The new operator signs in and works.
  const operatorContext = await browser.newContext();
  const operator = await operatorContext.newPage();
  await signInAsOperator(operator, "Giulia Verdi");
  await expect(operator).toHaveURL(/\/fascicolo$/);

  // The admin deactivates them.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAsOperator(admin, "Chiara Gallo");
  await expect(admin).toHaveURL(/\/fascicolo$/);
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "Operatori e ruoli" }).first().click();
  await expect(admin.getByRole("heading", { level: 1, name: "Operatori e ruoli" })).toBeVisible();
  await checkPage(admin);
  await admin.getByRole("button", { name: "Disattiva Giulia Verdi" }).click();
  await expect(admin.getByText(`Operatore ${CODICE_FISCALE} disattivato: le sue sessioni sono terminate.`)).toBeVisible();
  await expect(admin.getByRole("button", { name: "Riattiva Giulia Verdi" })).toBeVisible();
  await checkPage(admin);

  // Their next click goes to sign-in.
  await operator.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link").first().click();
  await expect(operator).toHaveURL(/\/fascicolo\/accesso/);
  await expect(operator.getByRole("button", { name: "Accedi come Giulia Verdi" })).toHaveCount(0);
  await operatorContext.close();

  // The audit trail shows both changes, searchable by the operator's codice fiscale.
  await admin.getByRole("link", { name: "Registro delle modifiche" }).first().click();
  await expect(admin.getByRole("heading", { level: 1, name: "Registro delle modifiche" })).toBeVisible();
  await admin.getByLabel("Che cosa è stato modificato").selectOption({ label: "Operatore" });
  await admin.getByLabel("Identificativo").fill(CODICE_FISCALE);
  await admin.getByRole("button", { name: "Applica i filtri" }).click();
  await expect(admin.getByText("Modifiche trovate: 2; in questa pagina 2, dalla più recente.")).toBeVisible();
  const rows = admin.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText("Disattivazione");
  await expect(rows.nth(1)).toContainText("Attivo");
  await expect(rows.nth(2)).toContainText("Creazione");
  await expect(rows.nth(2)).toContainText("Giulia");
  await checkPage(admin);

  const downloading = admin.waitForEvent("download");
  await admin.getByRole("link", { name: "Scarica CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^registro-modifiche-\d{4}-\d{2}-\d{2}\.csv$/);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const lines = Buffer.concat(chunks)
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(lines).toHaveLength(3);
  expect(lines[0]).toMatch(/^Data e ora;Operatore;Codice fiscale operatore;/);
  expect(lines[1]).toContain("Disattivazione;Operatore;VRDGLI85M41H501O;Attivo: sì → no");
  await adminContext.close();
});

test("an OPERATORE finds no operators' page and no audit trail", async ({ page }) => {
  await signInAsOperator(page, "Paolo Marino");
  await expect(page).toHaveURL(/\/fascicolo$/);
  for (const path of ["/admin/operatori", "/admin/registro-modifiche", "/admin/registro-modifiche/esportazione"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});
