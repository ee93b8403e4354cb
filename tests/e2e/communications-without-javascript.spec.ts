import { expect, test, type Browser, type Page } from "@playwright/test";
import { codeSentTo } from "./support/dev-mail";
import { checkPage } from "./support/page-checks";
import { pdfFile } from "./support/sample-files";

/**
 * The communications, Contatti and the personal area without JavaScript
 * (F09–F11, F22, F02): Davide Colombo (Milano) writes to Giulia Bianchi's
 * Liberi professionisti position with a file; Giulia sees the alert, finds it
 * by position, opens and answers it, changes her e-mail for that gestione and
 * confirms the code; the office sees by whom it was read and where its
 * notice went, and gets a refused long note back whole. Giulia's professionisti position and its contacts, and Davide
 * Colombo, are used by no other e2e test. axe needs JavaScript: these pages
 * are checked by axe in the specs that run with it.
 */

const professionisti = "Gestione Separata – Liberi professionisti, matricola BNCGLI85C62F205V";
const noticeFile = "richiesta-documenti-2025.pdf";
const text = "Si chiede di inviare le fatture emesse nel 2025 per la verifica dei contributi della Gestione Separata.";
const answer = "Allego l'elenco delle fatture emesse nel 2025.";

async function withoutJavaScript(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return context.newPage();
}

/** The demo sign-in pages are plain forms. */
async function signIn(page: Page, realm: "/accesso" | "/fascicolo/accesso", name: string): Promise<void> {
  await page.goto(realm);
  await checkPage(page, { axe: false });
  await page.getByRole("button", { name: `Accedi come ${name}` }).click();
}

test("an office's communication, Contatti and the personal area work without JavaScript", async ({ browser }) => {
  test.setTimeout(300_000);

  const office = await withoutJavaScript(browser);
  await signIn(office, "/fascicolo/accesso", "Davide Colombo");
  await office.goto("/fascicolo/comunicazioni/nuova");
  await office.getByLabel("Codice fiscale, matricola o nome").fill("BNCGLI85C62F205V");
  await office.getByRole("button", { name: "Cerca" }).click();
  await checkPage(office, { axe: false });
  await office.getByRole("link", { name: new RegExp(`^${professionisti} – `) }).click();
  await office.getByLabel("Oggetto").selectOption({ index: 1 });
  await office.getByLabel("Testo della comunicazione").fill(text);
  await office.getByLabel("È attesa una risposta del contribuente").check();
  await office.getByLabel("Risposta attesa entro il").fill(`${new Date().getUTCFullYear() + 1}-01-31`);
  await office.getByLabel("Allegati").setInputFiles([pdfFile(noticeFile)]);
  await checkPage(office, { axe: false });
  await office.getByRole("button", { name: "Invia la comunicazione" }).click();
  await expect(office).toHaveURL(/\/fascicolo\/quesiti\/[0-9a-f-]{36}/);
  await expect(office.getByText(/Comunicazione inviata al contribuente: protocollo n\. INPS\.4900\./)).toBeVisible();
  await expect(office.getByText(noticeFile).first()).toBeVisible();
  await expect(office.getByRole("heading", { name: "Notifiche al contribuente" })).toBeVisible();
  await expect(office.getByText(/^E-mail a giulia\.bianchi@example\.it: (in coda|consegnata il)/)).toBeVisible();
  await checkPage(office, { axe: false });
  const quesitoPath = new URL(office.url()).pathname;

  const page = await withoutJavaScript(browser);
  await signIn(page, "/accesso", "Giulia Bianchi");
  await expect(page).toHaveURL(/\/cassetto$/);
  const alert = page.locator("#comunicazioni-da-leggere");
  await expect(alert.getByRole("link", { name: "Hai 1 comunicazione da leggere" })).toBeVisible();
  await checkPage(page, { axe: false });
  await alert.getByRole("link", { name: "Hai 1 comunicazione da leggere" }).click();
  await expect(page).toHaveURL(/\/cassetto\/comunicazioni\?lettura=da-leggere$/);

  // The position filter keeps the read filter; the other position of the same matricola has none.
  await page.getByLabel("Posizione", { exact: true }).selectOption({ label: `${professionisti} – Bianchi Giulia` });
  await page.getByRole("button", { name: "Filtra" }).click();
  await expect(page).toHaveURL(/\/cassetto\/comunicazioni\?lettura=da-leggere&posizione=[0-9a-f-]{36}$/);
  await expect(page.getByRole("table").getByRole("link")).toHaveCount(1);
  await checkPage(page, { axe: false });
  await page
    .getByLabel("Posizione", { exact: true })
    .selectOption({ label: "Gestione Separata – Committenti, matricola BNCGLI85C62F205V – Studio di architettura Bianchi Giulia" });
  await page.getByRole("button", { name: "Filtra" }).click();
  await expect(page.getByText("Non hai comunicazioni da leggere.")).toBeVisible();
  await page.goBack();

  await page.getByRole("table").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/cassetto\/richieste\/[0-9a-f-]{36}/);
  await expect(page.getByText(text)).toBeVisible();
  await expect(page.getByRole("link", { name: noticeFile })).toBeVisible();
  await checkPage(page, { axe: false });
  await page.getByLabel("Messaggio").fill(answer);
  await page.getByRole("button", { name: /Invia/ }).last().click();
  await expect(page.getByText(answer)).toBeVisible();
  await checkPage(page, { axe: false });

  // The personal area: no alert any more; the position's communications are the filtered list.
  await page.goto("/cassetto");
  await expect(page.locator("#comunicazioni-da-leggere")).toHaveCount(0);
  await page.getByRole("link", { name: professionisti, exact: true }).click();
  await expect(page).toHaveURL(/\/cassetto\/posizioni\/[0-9a-f-]{36}$/);
  const positionId = page.url().split("/").at(-1) ?? "";
  await checkPage(page, { axe: false });
  await page.getByRole("navigation", { name: "Sezioni della posizione" }).getByRole("link", { name: "Comunicazioni ricevute" }).click();
  expect(new URL(page.url()).search).toBe(`?posizione=${positionId}`);
  await expect(page.getByLabel("Posizione", { exact: true })).toHaveValue(positionId);
  await expect(page.getByRole("table").getByText(/^Letta il /)).toBeVisible();
  await checkPage(page, { axe: false });

  // Contatti: a new e-mail for this gestione, confirmed with the code sent to it.
  await page.goto("/cassetto/contatti");
  const section = page.getByRole("region", { name: "Gestione Separata – Liberi professionisti" });
  await section.getByLabel("E-mail", { exact: true }).fill("giulia.professionista@example.it");
  await section.getByRole("button", { name: /^Salva i contatti/ }).click();
  await expect(
    page.getByText(/^Contatti salvati\. Abbiamo inviato un codice di verifica a: e-mail giulia\.professionista@example\.it/),
  ).toBeVisible();
  await checkPage(page, { axe: false });
  const code = await codeSentTo(page, "giulia.professionista@example.it");
  await checkPage(page, { axe: false });
  await page.goto("/cassetto/contatti");
  await page.getByLabel(/^Codice di verifica inviato a giulia\.professionista@example\.it/).fill(code);
  await page.getByRole("button", { name: "Conferma e-mail" }).click();
  await expect(page.getByText(/^Codice corretto: il nuovo recapito \(e-mail\) è attivo/)).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Gestione Separata – Liberi professionisti" }).getByLabel("E-mail", { exact: true }),
  ).toHaveValue("giulia.professionista@example.it");
  await checkPage(page, { axe: false });

  // The office: read by Giulia, answered, and its notice delivered.
  await expect(async () => {
    await office.goto(quesitoPath);
    await expect(office.getByText(/^E-mail a giulia\.bianchi@example\.it: consegnata il \d{2}\/\d{2}\/\d{4}/)).toBeVisible({
      timeout: 500,
    });
  }).toPass({ timeout: 30_000 });
  await expect(office.getByText(/^Letta il \d{2}\/\d{2}\/\d{4}.* da Giulia Bianchi \(Titolare delle proprie posizioni\)$/)).toBeVisible();
  await expect(office.getByText(answer)).toBeVisible();
  await checkPage(office, { axe: false });

  // A refused internal note comes back whole, however long (decision 0022).
  const longNote = "Verificare le fatture del 2025 una per una con l'elenco inviato. ".repeat(160).slice(0, 10_000);
  await office.getByRole("region", { name: "Aggiungi una nota interna" }).getByLabel("Testo della nota").fill(longNote);
  await office.getByRole("button", { name: "Aggiungi la nota" }).click();
  const noteForm = office.getByRole("region", { name: "Aggiungi una nota interna" });
  await expect(noteForm.getByText(/La nota è troppo lunga/).first()).toBeVisible();
  await expect(noteForm.getByLabel("Testo della nota")).toHaveValue(longNote);
  await checkPage(office, { axe: false });
  await office.context().close();
  await page.context().close();
});
