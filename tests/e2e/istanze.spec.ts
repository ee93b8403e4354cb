import { expect, test, type Browser, type Page } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { pdfFile } from "./support/sample-files";
import { signInAsContributor, signInAsOperator } from "./support/sign-in";

/**
 * Istanze online (F17): Giulia Bianchi, committente of the Gestione Separata
 * (Studio di architettura Bianchi Giulia, Monza: the Milano office), files a
 * refund — first with a wrong IBAN, an amount with a dot for decimals and
 * no receipt, which come back tied to their fields — and the office reads
 * its data; her professionisti position cannot reach the form, and someone
 * without committenti positions has no menu entry. Then a rateizzazione
 * without JavaScript. Giulia's istanze are filed by no other e2e test.
 */

const professionisti = "Gestione Separata – Liberi professionisti, matricola BNCGLI85C62F205V";
const reasons = "Il contributo di marzo 2025 è stato versato due volte con due modelli F24 distinti.";
/** The card of an istanza's data on the request and quesito pages. */
const instanceData = (page: Page) =>
  page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "Dati dell'istanza" }) });
const protocolPattern = /^INPS\.\d{4}\.\d{2}\/\d{2}\/\d{4}\.\d{7}$/;

async function protocolOfSentRequest(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/cassetto\/richieste\/[0-9a-f-]{36}\?inviata=1$/);
  const protocol = (await page.getByText(protocolPattern).first().textContent()) ?? "";
  expect(protocol).toMatch(protocolPattern);
  return protocol;
}

async function officeReadsInstance(browser: Browser, protocol: string): Promise<void> {
  const office = await (await browser.newContext()).newPage();
  await signInAsOperator(office, "Davide Colombo");
  await office.goto(`/fascicolo/quesiti?cerca=${encodeURIComponent(protocol)}`);
  await office.getByRole("link", { name: protocol }).click();
  await expect(office).toHaveURL(/\/fascicolo\/quesiti\/[0-9a-f-]{36}/);
  const data = instanceData(office);
  await expect(data.getByText("Istanza di rimborso, compilata con il modulo delle istanze online.")).toBeVisible();
  await expect(data.getByRole("definition").filter({ hasText: /^1\.234,56\s€$/ })).toBeVisible();
  await expect(data.getByRole("definition").filter({ hasText: "IT60 X054 2811 1010 0000 0123 456" })).toBeVisible();
  await expect(office.getByText("F24-marzo-2025.pdf").first()).toBeVisible();
  await checkPage(office);
}

test("a committenti holder files an instance, which the office reads as a summary", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signInAsContributor(page, "Giulia Bianchi");
  const professionistiHref = await page.getByRole("link", { name: professionisti, exact: true }).getAttribute("href");

  await page.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: "Istanze online" }).click();
  await expect(page).toHaveURL(/\/cassetto\/istanze$/);
  await expect(page.getByRole("heading", { level: 2, name: "Istanza di sgravio" })).toBeVisible();
  await checkPage(page);
  await page.getByRole("link", { name: "Compila l'istanza di rimborso" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Istanza di rimborso" })).toBeVisible();
  await expect(page.getByText("Studio di architettura Bianchi Giulia").first()).toBeVisible();
  await checkPage(page);

  await page.getByLabel("Importo da rimborsare").fill("1234.56");
  await page.getByLabel(/^Dal mese/).fill("03/2025");
  await page.getByLabel(/^Al mese/).fill("03/2025");
  await page.getByLabel("IBAN del conto di accredito").fill("IT61 X054 2811 1010 0000 0123 456");
  await page.getByLabel("Intestatario del conto").fill("Giulia Bianchi");
  await page.getByLabel("Motivi del rimborso").fill(reasons);
  await page.getByRole("button", { name: "Invia l'istanza" }).click();

  await expect(page).toHaveURL(/\/cassetto\/istanze\/rimborso\?posizione=[0-9a-f-]{36}&bozza=[0-9a-f-]{36}#riepilogo-errori$/);
  const summary = page.locator("#riepilogo-errori");
  await expect(summary.getByRole("link", { name: /^IBAN del conto di accredito: L'IBAN non è valido/ })).toBeVisible();
  await expect(summary.getByRole("link", { name: /^Importo da rimborsare: Scrivere l'importo in euro/ })).toBeVisible();
  await expect(summary.getByRole("link", { name: /^Allegati: Allegare le quietanze/ })).toBeVisible();
  await expect(page.getByLabel("Motivi del rimborso")).toHaveValue(reasons);
  await checkPage(page);

  await page.getByLabel("Importo da rimborsare").fill("1.234,56");
  await page.getByLabel("IBAN del conto di accredito").fill("IT60 X054 2811 1010 0000 0123 456");
  await page.getByLabel("Allegati", { exact: true }).setInputFiles([pdfFile("F24-marzo-2025.pdf")]);
  await page.getByRole("button", { name: "Invia l'istanza" }).click();
  const protocol = await protocolOfSentRequest(page);
  const data = instanceData(page);
  await expect(data.getByRole("definition").filter({ hasText: "da marzo 2025 a marzo 2025" })).toBeVisible();
  await expect(data.getByRole("definition").filter({ hasText: "IT60 X054 2811 1010 0000 0123 456" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Istanza di rimborso" })).toBeVisible();
  await checkPage(page);

  // Her professionisti position is no committenti position: the form is not found for it.
  const professionistiId = professionistiHref?.split("/").at(-1) ?? "";
  const response = await page.goto(`/cassetto/istanze/rimborso?posizione=${professionistiId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Pagina non trovata" })).toBeVisible();

  await officeReadsInstance(browser, protocol);

  // Mario Rossi has an artigiani position only: no menu entry.
  const other = await (await browser.newContext()).newPage();
  await signInAsContributor(other, "Mario Rossi");
  await expect(
    other.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: "Nuova richiesta" }),
  ).toBeVisible();
  await expect(other.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: "Istanze online" })).toHaveCount(
    0,
  );
});

test("an instance is filed without JavaScript, its mistakes shown at their fields", async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await page.goto("/accesso");
  await page.getByRole("button", { name: "Accedi come Giulia Bianchi" }).click();
  await page.goto("/cassetto/istanze/rateizzazione");
  await checkPage(page, { axe: false });

  await page.getByLabel("Importo del debito da rateizzare").fill("12.500,00");
  await page.getByLabel("Numero di rate mensili").fill("48");
  await page.getByLabel(/^Dal mese/).fill("06/2024");
  await page.getByLabel(/^Al mese/).fill("01/2024");
  await page.getByLabel("Motivi della richiesta").fill("Una temporanea crisi di liquidità dello studio nel 2024.");
  await page.getByRole("button", { name: "Invia l'istanza" }).click();

  await expect(page.locator("#rate-error")).toHaveText(/Indicare un numero intero da 2 a 24\./);
  await expect(page.locator("#periodoAl-error")).toHaveText(/Il mese finale non può precedere quello iniziale\./);
  await expect(page.getByLabel("Importo del debito da rateizzare")).toHaveValue("12.500,00");
  await checkPage(page, { axe: false });

  await page.getByLabel("Numero di rate mensili").fill("12");
  await page.getByLabel(/^Al mese/).fill("12/2024");
  await page.getByRole("button", { name: "Invia l'istanza" }).click();
  await protocolOfSentRequest(page);
  const data = instanceData(page);
  await expect(data.getByRole("definition").filter({ hasText: /^12\.500,00\s€$/ })).toBeVisible();
  await expect(data.getByRole("definition").filter({ hasText: /^12$/ })).toBeVisible();
  await checkPage(page, { axe: false });
});
