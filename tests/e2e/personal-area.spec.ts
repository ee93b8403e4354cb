import { expect, test } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { signInAsContributor, signInAsOperator } from "./support/sign-in";
import { sentRequestProtocol } from "./support/requests";

const professionisti = "Gestione Separata – Liberi professionisti, matricola BNCGLI85C62F205V";
const committenti = "Gestione Separata – Committenti, matricola BNCGLI85C62F205V";

test("two positions sharing a matricola are told apart from the home to the list of their requests", async ({ page }) => {
  await signInAsContributor(page, "Giulia Bianchi");
  await expect(page).toHaveURL(/\/cassetto$/);
  await expect(page.getByRole("heading", { level: 2, name: "Richieste in corso" })).toBeVisible();
  await expect(page.getByRole("link", { name: professionisti, exact: true })).toBeVisible();
  await checkPage(page);

  // The committenti position has its own page with its sections as plain links.
  await page.getByRole("link", { name: committenti, exact: true }).click();
  await expect(page).toHaveURL(/\/cassetto\/posizioni\/[0-9a-f-]{36}$/);
  const positionId = page.url().split("/").at(-1) ?? "";
  await expect(page.getByRole("heading", { level: 1, name: "Studio di architettura Bianchi Giulia" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: /^Gestione Separata – Committenti$/ })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: /^BNCGLI85C62F205V$/ })).toBeVisible();
  const sections = page.getByRole("navigation", { name: "Sezioni della posizione" });
  await expect(sections.getByRole("link", { name: "Comunicazioni ricevute" })).toHaveAttribute(
    "href",
    `/cassetto/comunicazioni?posizione=${positionId}`,
  );
  await expect(sections.getByRole("link", { name: "Contatti" })).toHaveAttribute("href", "/cassetto/contatti");
  await expect(sections.getByRole("link", { name: "Nuova richiesta" })).toHaveAttribute(
    "href",
    `/cassetto/richieste/nuova?posizione=${positionId}`,
  );
  await checkPage(page);

  // Its Richieste: the list filtered by this position, not by the shared matricola.
  await sections.getByRole("link", { name: "Richieste", exact: true }).click();
  await expect(page).toHaveURL(/\/cassetto\/richieste\?posizione=/);
  expect(new URL(page.url()).search).toBe(`?posizione=${positionId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Le mie richieste" })).toBeVisible();
  const filter = page.getByLabel("Posizione", { exact: true });
  await expect(filter).toHaveValue(positionId);
  await expect(filter.locator("option:checked")).toHaveText(`${committenti} – Studio di architettura Bianchi Giulia`);
  await checkPage(page);
});

test("someone else's position page is not found", async ({ page, browser }) => {
  await signInAsContributor(page, "Giulia Bianchi");
  await page.getByRole("link", { name: professionisti, exact: true }).click();
  await expect(page).toHaveURL(/\/cassetto\/posizioni\/[0-9a-f-]{36}$/);
  const giuliasPosition = page.url();

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signInAsContributor(other, "Mario Rossi");
  await expect(other).toHaveURL(/\/cassetto$/);
  const response = await other.goto(giuliasPosition);
  expect(response?.status()).toBe(404);
  await expect(other.getByRole("heading", { level: 1, name: "Pagina non trovata" })).toBeVisible();
  await expect(other.getByText("BNCGLI85C62F205V")).toHaveCount(0);
  await checkPage(other);
  await otherContext.close();
});

test("when the office waits for the contributor, the home, the list and the request say so", async ({ page, browser }) => {
  await signInAsContributor(page, "Mario Rossi");
  await page.goto("/cassetto/richieste/nuova");
  await page.getByLabel("Oggetto").selectOption({ index: 1 });
  await page.getByLabel("Testo della richiesta").fill("Chiedo la verifica del versamento di aprile.");
  await page.getByRole("button", { name: "Invia la richiesta" }).click();
  const protocol = await sentRequestProtocol(page);
  const requestUrl = page.url();

  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  await signInAsOperator(office, "Paolo Marino");
  await office.goto(`/fascicolo/quesiti?cerca=${encodeURIComponent(protocol)}`);
  await office.getByRole("link", { name: protocol }).click();
  await office.getByRole("region", { name: "Prendi in carico" }).getByRole("button", { name: "Prendi in carico" }).click();
  await expect(office.getByText("In lavorazione").first()).toBeVisible();
  const stateForm = office.getByRole("region", { name: "Cambia stato" });
  await stateForm.getByLabel("Nuovo stato").selectOption({ label: "In attesa del contribuente" });
  await stateForm.getByLabel("Commento").fill("Serve la quietanza del versamento.");
  await stateForm.getByRole("button", { name: "Cambia stato" }).click();
  await expect(office.getByText("In attesa del contribuente").first()).toBeVisible();
  await officeContext.close();

  await page.goto("/cassetto");
  const waiting = page.getByRole("list", { name: "Richieste in attesa di un tuo riscontro" });
  await expect(waiting.getByRole("link", { name: new RegExp(protocol.replaceAll(".", "\\.")) })).toBeVisible();
  await checkPage(page);
  await page.goto("/cassetto/richieste");
  // One table for every width: at 320 px its rows reflow into boxes, each value led by its column's name.
  const row = page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: protocol }) });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("La sede attende un tuo riscontro")).toBeVisible();
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: viewport.height });
  await expect(row.getByRole("link", { name: protocol })).toBeVisible();
  await expect(row.getByText("La sede attende un tuo riscontro")).toBeVisible();
  const label = (cell: HTMLElement | SVGElement) => getComputedStyle(cell, "::before").content;
  expect(await row.getByRole("cell").nth(1).evaluate(label)).not.toBe("none");
  expect((await row.boundingBox())!.width).toBeLessThanOrEqual(320);
  await page.setViewportSize(viewport);
  expect(await row.getByRole("cell").nth(1).evaluate(label)).toBe("none");
  await page.goto(requestUrl);
  await expect(page.getByRole("status").filter({ hasText: "La sede attende un tuo riscontro." })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "La sede attende un tuo riscontro" })).toBeVisible();
  await checkPage(page);
});
