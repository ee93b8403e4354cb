import { expect, test, type Browser } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { pdfFile } from "./support/sample-files";
import { signInAsContributor, signInAsOperator } from "./support/sign-in";

/**
 * The office writes first (F22, F09, F10): an operator of Roma sends Mario
 * Rossi a communication with a file and an answer expected; Mario sees the
 * alert on opening the Cassetto, opens the communication (it is read, and
 * the office sees by whom) and answers it.
 */

const noticeFile = "avviso-verifica-versamenti-2025.pdf";
const text = "Si comunica l'avvio della verifica dei versamenti 2025: inviare le quietanze F24 entro la data indicata.";

/** Nuova comunicazione, from the position search; returns the quesito's address. */
async function sendCommunication(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsOperator(page, "Paolo Marino");
  await page.goto("/fascicolo/comunicazioni/nuova");
  await checkPage(page);
  await page.getByLabel("Codice fiscale, matricola o nome").fill("7000123456AR");
  await page.getByRole("button", { name: "Cerca" }).click();
  await page.getByRole("link", { name: /matricola 7000123456AR/ }).click();
  await checkPage(page);

  // A deadline in the past is refused at its field; the form comes back as typed.
  await page.getByLabel("Oggetto").selectOption({ index: 1 });
  await page.getByLabel("Testo della comunicazione").fill(text);
  await page.getByLabel("È attesa una risposta del contribuente").check();
  await page.getByLabel("Risposta attesa entro il").fill("2020-01-31");
  await page.getByRole("button", { name: "Invia la comunicazione" }).click();
  await expect(page.getByText("La data entro cui rispondere non può essere già passata.")).toBeVisible();
  await expect(page.getByLabel("Testo della comunicazione")).toHaveValue(text);
  await checkPage(page);

  const nextYear = new Date().getUTCFullYear() + 1;
  await page.getByLabel("Risposta attesa entro il").fill(`${nextYear}-01-31`);
  await page.getByLabel("Allegati").setInputFiles([pdfFile(noticeFile)]);
  await page.getByRole("button", { name: "Invia la comunicazione" }).click();

  await expect(page).toHaveURL(/\/fascicolo\/quesiti\/[0-9a-f-]{36}/);
  await expect(page.getByText(/Comunicazione inviata al contribuente: protocollo n\. INPS\.7000\./)).toBeVisible();
  await expect(page.getByText("Non ancora letta")).toBeVisible();
  await expect(page.getByText(noticeFile).first()).toBeVisible();
  await checkPage(page);
  const address = new URL(page.url()).pathname;
  await context.close();
  return address;
}

test("an office's communication reaches the contributor, is read and answered", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const quesitoPath = await sendCommunication(browser);

  await signInAsContributor(page, "Mario Rossi");
  await page.goto("/cassetto");
  const alert = page.locator("#comunicazioni-da-leggere");
  await expect(alert).toHaveAttribute("role", "alert");
  await expect(alert.getByRole("link", { name: "Hai 1 comunicazione da leggere" })).toBeVisible();
  await checkPage(page);
  await alert.getByRole("link", { name: "Hai 1 comunicazione da leggere" }).click();
  await expect(page).toHaveURL(/\/cassetto\/comunicazioni\?lettura=da-leggere$/);
  await checkPage(page);
  await page.getByRole("table").getByRole("link").first().click();

  await expect(page).toHaveURL(/\/cassetto\/richieste\/[0-9a-f-]{36}/);
  await expect(page.getByText("Ricevuta il", { exact: true })).toBeVisible();
  await expect(page.getByText("Aperta il", { exact: true })).toHaveCount(0);
  await expect(page.getByText(text)).toBeVisible();
  await expect(page.getByRole("link", { name: noticeFile })).toBeVisible();
  await checkPage(page);

  await page.getByLabel("Messaggio").fill("Allego le quietanze richieste.");
  await page.getByRole("button", { name: /Invia/ }).last().click();
  await expect(page.getByText("Allego le quietanze richieste.")).toBeVisible();

  await page.goto("/cassetto");
  await expect(page.locator("#comunicazioni-da-leggere")).toHaveCount(0);

  const office = await browser.newContext();
  const officePage = await office.newPage();
  await signInAsOperator(officePage, "Paolo Marino");
  await officePage.goto(quesitoPath);
  await expect(officePage.getByText(/^Letta il \d{2}\/\d{2}\/\d{4}.* da Mario Rossi \(Titolare delle proprie posizioni\)$/)).toBeVisible();
  await expect(officePage.getByText("Allego le quietanze richieste.")).toBeVisible();
  await checkPage(officePage);
  await office.close();
});
