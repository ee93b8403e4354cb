import { expect, test, type Browser, type Page } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { pdfFile, pngFile } from "./support/sample-files";
import { signInAsContributor, signInAsOperator } from "./support/sign-in";
import { sentRequestProtocol } from "./support/requests";

/**
 * The heart of the product, end to end: a contributor sends a request with two
 * files; an operator of the competent office (Roma, 7000) finds it, takes it,
 * replies with a file, adds an internal note and closes it; the contributor
 * sees every step but the internal note.
 */

/** axe needs the page's own timers: pages of the context without JavaScript get the CSP and reflow checks, and axe in the run that has it. */
type Checks = { axe: boolean };

// Long names without a break point: request and quesito pages must still reflow at 320 px.
const statementFile = "estratto-conto-contributivo-posizione-7000123456AR-marzo-2026-versamenti-non-abbinati.pdf";
const outcomeFile = "esito-verifica-versamento-F24-marzo-2026-posizione-7000123456AR-abbinato.pdf";

async function sendRequest(page: Page, text: string, { axe }: Checks): Promise<string> {
  await page.goto("/cassetto/richieste/nuova");
  await checkPage(page, { axe });
  // Mario Rossi has one position: the form skips the choice and names it.
  await expect(page.getByText("7000123456AR – Rossi Mario – Termoidraulica")).toBeVisible();

  await page.getByLabel("Oggetto").selectOption({ index: 1 });
  await page.getByLabel("Testo della richiesta").fill(text);
  await page.getByLabel("Voglio ricevere gli avvisi per e-mail").check();
  await page.getByLabel("Allegati").setInputFiles([pdfFile(statementFile), pngFile("ricevuta-f24.png")]);
  await checkPage(page, { axe });
  await page.getByRole("button", { name: "Invia la richiesta" }).click();

  const protocol = await sentRequestProtocol(page);
  await expect(page.getByText("Aperta", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: statementFile })).toBeVisible();
  await expect(page.getByRole("link", { name: "ricevuta-f24.png" })).toBeVisible();
  await checkPage(page, { axe });
  return protocol;
}

async function workAsOperator(browser: Browser, protocol: string): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsOperator(page, "Paolo Marino");
  await page.goto(`/fascicolo/quesiti?cerca=${encodeURIComponent(protocol)}`);
  await checkPage(page);
  await page.getByRole("link", { name: protocol }).click();
  await expect(page.getByText(statementFile)).toBeVisible();
  await checkPage(page);

  await page.getByRole("region", { name: "Prendi in carico" }).getByRole("button", { name: "Prendi in carico" }).click();
  await expect(page.getByText("In lavorazione").first()).toBeVisible();

  const reply = page.getByRole("region", { name: "Rispondi al contribuente" });
  await reply.getByLabel("Testo della risposta").fill("Abbiamo verificato il versamento: risulta ora abbinato.");
  await reply.getByLabel("Allegati").setInputFiles([pdfFile(outcomeFile)]);
  await reply.getByRole("button", { name: "Invia la risposta" }).click();
  await expect(page.getByText("Abbiamo verificato il versamento: risulta ora abbinato.")).toBeVisible();

  const note = page.getByRole("region", { name: "Aggiungi una nota interna" });
  await note.getByLabel("Testo della nota").fill("Nota riservata: controllato con l'ufficio riscossione.");
  await note.getByRole("button", { name: "Aggiungi la nota" }).click();
  await expect(page.getByText("Nota riservata: controllato con l'ufficio riscossione.")).toBeVisible();

  const closing = page.getByRole("region", { name: "Chiudi il quesito" });
  await closing.getByLabel("Esito").selectOption({ label: "Accolta" });
  await closing.getByLabel("Commento").fill("Versamento abbinato alla posizione.");
  await closing.getByRole("button", { name: "Chiudi il quesito" }).click();
  await expect(page.getByText("Chiuso", { exact: true }).first()).toBeVisible();
  await checkPage(page);
  await context.close();
}

async function checkOutcomeAsContributor(page: Page, protocol: string, { axe }: Checks): Promise<void> {
  await page.goto("/cassetto/richieste");
  await checkPage(page, { axe });
  await page.getByRole("link", { name: protocol }).click();
  await expect(page.getByText("Chiusa", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Abbiamo verificato il versamento: risulta ora abbinato.")).toBeVisible();
  await expect(page.getByRole("link", { name: outcomeFile })).toBeVisible();
  await expect(page.getByText("Accolta").first()).toBeVisible();
  await expect(page.getByText("Versamento abbinato alla posizione.").first()).toBeVisible();
  await expect(page.getByText(/Nota riservata/)).toHaveCount(0);
  await expect(page.getByText(/In carico|Presa in carico/).first()).toBeVisible();

  const download = await page.request.get((await page.getByRole("link", { name: outcomeFile }).getAttribute("href")) ?? "");
  expect(download.status()).toBe(200);
  expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await checkPage(page, { axe });
}

/** The development mailbox shows the contributor's notices for every step (delivered by the in-process worker). */
async function checkNotices(page: Page, protocol: string): Promise<void> {
  const subjects = [
    `Richiesta protocollata n. ${protocol}`,
    `Richiesta n. ${protocol} assegnata alla sede competente`,
    `Richiesta n. ${protocol} presa in carico`,
    `Nuova risposta alla richiesta n. ${protocol}`,
    `Richiesta n. ${protocol} chiusa`,
  ];
  await expect(async () => {
    await page.goto("/dev/posta");
    const mailbox = page.getByRole("region", { name: /^mario\.rossi@example\.it/ });
    for (const subject of subjects) await expect(mailbox.getByText(subject, { exact: true })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 30_000 });
  await checkPage(page);
}

test("a request travels from the contributor to the office and back", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signInAsContributor(page, "Mario Rossi");
  const protocol = await sendRequest(page, "Il versamento F24 di marzo 2026 non risulta abbinato alla mia posizione.", {
    axe: true,
  });
  await workAsOperator(browser, protocol);
  await checkOutcomeAsContributor(page, protocol, { axe: true });
  await checkNotices(page, protocol);
});

test("the same exchange works with JavaScript disabled for the contributor", async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  // The demo sign-in is itself a plain form: it works without JavaScript too.
  await page.goto("/accesso");
  await page.getByRole("button", { name: "Accedi come Mario Rossi" }).click();
  await expect(page).toHaveURL(/\/cassetto$/);
  const protocol = await sendRequest(page, "Senza JavaScript: chiedo la verifica del versamento di aprile 2026.", {
    axe: false,
  });
  await workAsOperator(browser, protocol);
  await checkOutcomeAsContributor(page, protocol, { axe: false });
  await context.close();
});
