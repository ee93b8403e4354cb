import { expect, test, type Browser, type Page } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { signInAsContributor, signInAsOperator } from "./support/sign-in";

/**
 * The agenda end to end (F13, F24): Anna Russo, RESPONSABILE of Napoli, opens
 * a Saturday window for video calls; Antonio Esposito books from his request
 * page with the keyboard alone; Salvatore De Luca of the same office sees
 * the booking and records it as held; both histories show it. Then a
 * booking with JavaScript disabled.
 */

const requestText = "Vorrei un appuntamento per chiarire la posizione contributiva dell'azienda nel 2025.";

async function sendRequest(page: Page): Promise<string> {
  await page.goto("/cassetto/richieste/nuova");
  await page.getByLabel("Oggetto").selectOption({ index: 1 });
  await page.getByLabel("Testo della richiesta").fill(requestText);
  await page.getByLabel("Voglio ricevere gli avvisi per e-mail").check();
  await page.getByRole("button", { name: "Invia la richiesta" }).click();
  await expect(page).toHaveURL(/\/cassetto\/richieste\/[0-9a-f-]{36}/);
  return new URL(page.url()).pathname;
}

async function openSaturdayWindow(browser: Browser): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsOperator(page, "Anna Russo");
  await page.goto("/fascicolo/agenda/disponibilita");
  await checkPage(page);
  await page.getByLabel("Giorno della settimana").selectOption({ label: "Sabato" });
  await page.getByLabel("Modalità").selectOption({ label: "Videochiamata" });
  await page.getByRole("textbox", { name: /^Dalle/ }).fill("10:00");
  await page.getByRole("textbox", { name: /^Alle/ }).fill("11:00");
  await page.getByRole("button", { name: "Aggiungi la fascia" }).click();
  await expect(page.getByText("Fascia oraria aggiunta.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Rimuovi la fascia Sabato 10:00–11:00 videochiamata" })).toBeVisible();
  await checkPage(page);
  await context.close();
}

test("a RESPONSABILE opens a window, the contributor books with the keyboard, the office records it held", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await openSaturdayWindow(browser);

  await signInAsContributor(page, "Antonio Esposito");
  const requestPath = await sendRequest(page);
  await checkPage(page);

  // Keyboard only: focus and Enter on links and buttons, Space on radios, typing in fields.
  await page.getByRole("link", { name: "Prenota un appuntamento" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/cassetto\/agenda\/prenota\?richiesta=/);
  await checkPage(page);
  await page.getByRole("radio", { name: "Videochiamata" }).focus();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Mostra i giorni liberi" }).focus();
  await page.keyboard.press("Enter");
  // The office also takes video calls on Wednesdays (demo data): the first Saturday is the new window's.
  const firstDay = page.locator("#giorni a", { hasText: /^sabato/ }).first();
  await expect(firstDay).toHaveText(/^sabato \d{1,2} \w+ \d{4}4 posti liberi$/);
  await checkPage(page);
  await firstDay.focus();
  await page.keyboard.press("Enter");

  // Focus moves to the slots, whose heading names the day, its date and its free places.
  const heading = page.getByRole("heading", { name: /^3\. Orari liberi di sabato \d{1,2} \w+ \d{4}: 4 posti liberi$/ });
  await expect(heading).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: /Orari liberi di sabato/ })).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Scegli un altro giorno" })).toBeVisible();
  await checkPage(page);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Scegli un altro giorno" })).toBeFocused();
  await page.getByRole("radio", { name: "dalle 10:00 alle 10:30 – 2 posti liberi" }).focus();
  await page.keyboard.press("Space");
  await page.getByLabel("Motivo dell'appuntamento").focus();
  await page.keyboard.type("Chiarimenti sulla posizione contributiva 2025.");
  await page.getByRole("button", { name: "Prenota l'appuntamento" }).focus();
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/cassetto\/agenda\/[0-9a-f-]{36}/);
  await expect(page.getByText("Appuntamento prenotato.", { exact: false })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/Appuntamento del sabato .* 10:00–10:30/);
  await checkPage(page);
  const day = (await page.getByRole("heading", { level: 1 }).textContent())!;

  await page.goto("/cassetto/agenda");
  const upcoming = page.getByRole("table", { name: "Prossimi appuntamenti" }).getByRole("row").filter({ hasText: "Videochiamata" });
  await expect(upcoming).toHaveCount(1);
  await checkPage(page);
  // A 10:00 slot in Rome is 08:00 or 09:00 UTC: the same calendar day.
  const bookedDay = (await upcoming.locator("time").getAttribute("datetime"))!.slice(0, 10);

  // The office: the agenda of that week shows the booking; the operator records it held.
  const context = await browser.newContext();
  const office = await context.newPage();
  await signInAsOperator(office, "Salvatore De Luca");
  await office.goto(`/fascicolo/agenda?giorno=${bookedDay}&vista=settimana`);
  await checkPage(office);
  const row = office.getByRole("row").filter({ hasText: "Chiarimenti sulla posizione contributiva 2025." });
  await expect(row).toContainText("Esposito");
  await expect(row).toContainText("Videochiamata");
  await checkPage(office);
  await row.getByLabel("Esito").selectOption("SVOLTO");
  await row.getByRole("button", { name: "Registra l'esito" }).click();
  await expect(office.getByText("Esito registrato: appuntamento svolto.")).toBeVisible();
  await checkPage(office);
  await office.getByRole("row").filter({ hasText: "Chiarimenti sulla posizione contributiva 2025." }).getByRole("link").click();
  await expect(office.getByText("Appuntamento svolto").first()).toBeVisible();
  await expect(office.getByText("Appuntamento prenotato").first()).toBeVisible();
  await checkPage(office);
  await context.close();

  await page.goto(requestPath);
  await expect(page.getByText("Appuntamento svolto").first()).toBeVisible();
  await expect(page.getByText("Appuntamento prenotato").first()).toBeVisible();
  expect(day).toContain("sabato");
  await checkPage(page);
});

test("booking works with JavaScript disabled", async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  // The demo sign-in is a plain form; axe needs JavaScript in the page, so only CSP and reflow are checked here.
  await page.goto("/accesso");
  await page.getByRole("button", { name: "Accedi come Antonio Esposito" }).click();
  await expect(page).toHaveURL(/\/cassetto$/);
  const requestPath = await sendRequest(page);
  await page.getByRole("link", { name: "Prenota un appuntamento" }).click();
  await page.getByRole("radio", { name: "In presenza" }).check();
  await page.getByRole("button", { name: "Mostra i giorni liberi" }).click();
  await expect(page.getByRole("heading", { name: /^2\. Scegli il giorno/ })).toBeVisible();
  await checkPage(page, { axe: false });
  await page.locator("#giorni a").nth(1).click();
  await expect(page.getByRole("heading", { name: /^3\. Orari liberi di / })).toBeVisible();
  await page.getByRole("radio").last().check();
  await page.getByLabel("Motivo dell'appuntamento").fill("Consegna di documenti in sede.");
  await page.getByRole("button", { name: "Prenota l'appuntamento" }).click();
  await expect(page).toHaveURL(/\/cassetto\/agenda\/[0-9a-f-]{36}/);
  await expect(page.getByText("Appuntamento prenotato.", { exact: false })).toBeVisible();
  await checkPage(page, { axe: false });

  await page.goto(requestPath);
  await expect(page.getByRole("table", { name: "Appuntamenti sulla richiesta" }).getByText("In presenza")).toBeVisible();
  await context.close();
});
