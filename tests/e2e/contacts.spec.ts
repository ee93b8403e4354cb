import { expect, test, type Page } from "@playwright/test";
import { codeSentTo } from "./support/dev-mail";
import { checkPage } from "./support/page-checks";
import { signInAsContributor } from "./support/sign-in";

/** Sends a request from the prefilled Nuova richiesta form, with notices by e-mail; returns its protocol number. */
async function sendRequest(page: Page, expectedEmail: string): Promise<string> {
  await page.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: "Nuova richiesta" }).click();
  await expect(page.getByLabel("E-mail", { exact: true })).toHaveValue(expectedEmail);
  await page.getByLabel("Oggetto").selectOption({ index: 1 });
  await page.getByLabel("Testo della richiesta").fill("Chiedo la verifica dei versamenti di marzo per la matricola aziendale.");
  await page.getByLabel("Voglio ricevere gli avvisi per e-mail").check();
  await page.getByRole("button", { name: "Invia la richiesta" }).click();
  await expect(page).toHaveURL(/\/cassetto\/richieste\/[0-9a-f-]{36}/);
  return (
    (await page
      .getByText(/^INPS\.\d+\.\d{2}\/\d{2}\/\d{4}\.\d{7}$/)
      .first()
      .textContent()) ?? ""
  );
}

// Antonio Esposito's contacts and requests are used by no other e2e test.
test("a holder changes the e-mail, confirms it with the code sent to it, and the next request is prefilled with it", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsContributor(page, "Antonio Esposito");
  const before = await sendRequest(page, "antonio.esposito@example.it");
  await page.getByRole("link", { name: "Contatti" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Contatti" })).toBeVisible();
  const section = page.getByRole("region", { name: "Aziende" });
  await expect(section.getByLabel("E-mail", { exact: true })).toHaveValue("antonio.esposito@example.it");
  await checkPage(page);

  // A wrong mobile is refused at its field, keeping what was typed.
  await section.getByLabel("E-mail", { exact: true }).fill("antonio.nuovo@example.it");
  await section.getByLabel("Cellulare").fill("06 123");
  await section.getByRole("button", { name: "Salva i contatti per Aziende" }).click();
  await expect(page.getByText("Indicare un numero di cellulare italiano valido, ad esempio 333 1234567.")).toBeVisible();
  await expect(section.getByLabel("E-mail", { exact: true })).toHaveValue("antonio.nuovo@example.it");
  await checkPage(page);

  await section.getByLabel("Cellulare").fill("333 000 0003");
  await section.getByRole("button", { name: "Salva i contatti per Aziende" }).click();
  await expect(
    page.getByText(/^Contatti salvati\. Abbiamo inviato un codice di verifica a: e-mail antonio\.nuovo@example\.it/),
  ).toBeVisible();
  await checkPage(page);

  const code = await codeSentTo(page, "antonio.nuovo@example.it");
  await page.goto("/cassetto/contatti");
  await page.getByLabel(/^Codice di verifica inviato a antonio\.nuovo@example\.it/).fill(code);
  await page.getByRole("button", { name: "Conferma e-mail" }).click();
  await expect(page.getByText(/^Codice corretto: il nuovo recapito \(e-mail\) è attivo/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Aziende" }).getByLabel("E-mail", { exact: true })).toHaveValue("antonio.nuovo@example.it");
  const history = page.getByRole("table", { name: "Modifiche dei contatti – Aziende" });
  await expect(history.getByRole("row").filter({ hasText: "antonio.nuovo@example.it" })).toContainText("In uso");
  await checkPage(page);

  // The next request is prefilled with the new address and its notices go there; the earlier one keeps the old.
  const after = await sendRequest(page, "antonio.nuovo@example.it");
  await expect(async () => {
    await page.goto("/dev/posta");
    const oldBox = page.getByRole("region", { name: /^antonio\.esposito@example\.it/ });
    const newBox = page.getByRole("region", { name: /^antonio\.nuovo@example\.it/ });
    await expect(oldBox.getByText(`Richiesta protocollata n. ${before}`, { exact: true })).toBeVisible({ timeout: 500 });
    await expect(newBox.getByText(`Richiesta protocollata n. ${after}`, { exact: true })).toBeVisible({ timeout: 500 });
    await expect(oldBox.getByText(`Richiesta protocollata n. ${after}`, { exact: true })).toHaveCount(0);
  }).toPass({ timeout: 30_000 });
});

test("the Contatti forms work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/accesso");
  await page.getByRole("button", { name: "Accedi come Giulia Bianchi" }).click();
  await page.goto("/cassetto/contatti");
  const studio = page.getByRole("region", { name: "Gestione Separata – Committenti" });
  await expect(studio.getByLabel("E-mail", { exact: true })).toHaveValue("studio@architettura-bianchi.example.it");

  await studio.getByLabel("Telefono fisso").fill("039 1234567");
  await studio.getByRole("button", { name: /^Salva i contatti/ }).click();
  await expect(page.getByText("Contatti aggiornati: valgono per le comunicazioni inviate da ora.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Gestione Separata – Committenti" }).getByLabel("Telefono fisso")).toHaveValue(
    "+390391234567",
  );
  await checkPage(page, { axe: false });
  await context.close();
});

// Francesca Ricci as intermediary: the address she verifies is used by no other e2e test (her contacts in force do not change).
test("a delegate verifies a new e-mail of their own with the code sent to it, for the Smart-Task that applies it", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsContributor(page, "Francesca Ricci");
  await page.getByRole("button", { name: /Opera come intermediario/ }).click();
  await expect(page).toHaveURL(/\/cassetto$/);
  await page.goto("/cassetto/contatti");
  await expect(page.getByText(/presenta la Smart-Task di variazione contatti/)).toBeVisible();
  await checkPage(page);

  await page.getByLabel("Nuova e-mail").first().fill("francesca.studio.e2e@example.it");
  await page.getByRole("button", { name: "Invia i codici di verifica" }).first().click();
  await expect(page.getByText(/^Abbiamo inviato un codice di verifica a: francesca\.studio\.e2e@example\.it/)).toBeVisible();
  await checkPage(page);

  const code = await codeSentTo(page, "francesca.studio.e2e@example.it");
  await page.goto("/cassetto/contatti");
  await page.getByLabel(/^Codice di verifica inviato a francesca\.studio\.e2e@example\.it/).fill(code);
  await page.getByRole("button", { name: "Conferma e-mail" }).click();
  await expect(page.getByText(/^Codice corretto: il nuovo recapito \(e-mail\) è verificato/)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "francesca.studio.e2e@example.it" }).first()).toContainText("Verificata");
  await checkPage(page);
});
