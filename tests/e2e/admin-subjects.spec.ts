import { expect, test, type Page } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { sentRequestProtocol } from "./support/requests";
import { signInAsContributor, signInAsOperator } from "./support/sign-in";

/**
 * Subject trees (issue 16, decision 0043): Chiara Gallo, ADMIN, adds a
 * subject of Artigiani e Commercianti routed to Milano (4900); Mario Rossi,
 * whose position is served by Roma (7000), sends a request on it, and it
 * lands in Milano's queue (Davide Colombo), not Roma's. On the way, every
 * admin page of the trees goes through axe, and an import is previewed.
 */

const GESTIONE = "Artigiani e Commercianti";

async function openTree(page: Page): Promise<void> {
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: "Oggetti" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Oggetti delle richieste" })).toBeVisible();
  await checkPage(page);
  await page.getByRole("link", { name: GESTIONE }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Oggetti – ${GESTIONE}` })).toBeVisible();
}

async function addSubject(page: Page, code: string, label: string, { axe = true } = {}): Promise<void> {
  const form = page.locator("form#nuovo");
  await form.getByLabel("Codice").fill(code);
  await form.getByLabel("Descrizione").fill(label);
  await form.getByLabel("Area").selectOption({ label: "AC-VERS – Versamenti" });
  await form.getByLabel("Sede che risponde").selectOption({ label: "4900 – Direzione provinciale di Milano" });
  await form.getByLabel("Tempo massimo di risposta (giorni lavorativi)").fill("10");
  await checkPage(page, { axe });
  await form.getByRole("button", { name: "Aggiungi l'oggetto" }).click();
  await expect(page.getByText(`Oggetto ${code} aggiunto`)).toBeVisible();
}

test("a subject routed to another office: the contributor's request lands in that office's queue", async ({ page, browser }) => {
  // Four people and seven pages checked with axe, one after the other.
  test.slow();
  await signInAsOperator(page, "Chiara Gallo");
  await openTree(page);
  await checkPage(page);

  // Refused first: a label a spreadsheet would run as a formula, shown at its field with what was typed.
  const form = page.locator("form#nuovo");
  await form.getByLabel("Codice").fill("AC-VERS-90");
  await form.getByLabel("Descrizione").fill("=1+1");
  await form.getByRole("button", { name: "Aggiungi l'oggetto" }).click();
  await expect(page.locator("form#nuovo").getByText(/non può iniziare con =, \+, - o @/)).toBeVisible();
  await expect(page.locator("form#nuovo").getByLabel("Codice")).toHaveValue("AC-VERS-90");
  await checkPage(page);

  await addSubject(page, "AC-VERS-90", "Versamento da verificare a Milano");
  await page.getByRole("link", { name: "Modifica AC-VERS-90" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Oggetto AC-VERS-90" })).toBeVisible();
  const subjectId = new URL(page.url()).pathname.split("/").at(-1)!;
  await checkPage(page);

  // The import: a file with a repeated code is refused row by row, nothing applied.
  await page.goto("/admin/argomenti/ARTIGIANI_COMMERCIANTI/importazione");
  await checkPage(page);
  const csv = ["codice;descrizione;area;ordine;attivo;sede;giorni_risposta", "AC-X;Area X;;0;sì;;", "AC-X;Doppia;;1;sì;;"].join("\r\n");
  await page.getByLabel("File dell'albero").setInputFiles({ name: "albero.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Mostra le modifiche" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Anteprima dell'importazione" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Codice AC-X ripetuto (già alla riga 2)." })).toBeVisible();
  await checkPage(page);

  // The exported tree with one label changed: previewed, then applied as previewed.
  const exported = await page.request.get("/admin/argomenti/ARTIGIANI_COMMERCIANTI/esportazione?formato=json");
  const tree = (await exported.json()) as { subjects: { code: string; label: string }[] };
  const renamed = tree.subjects.map((subject) =>
    subject.code === "AC-DELE" ? { ...subject, label: "Deleghe di servizio (rinominata)" } : subject,
  );
  await page.goto("/admin/argomenti/ARTIGIANI_COMMERCIANTI/importazione");
  await page.getByLabel("File dell'albero").setInputFiles({
    name: "albero.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ ...tree, subjects: renamed })),
  });
  await page.getByRole("button", { name: "Mostra le modifiche" }).click();
  await expect(page.getByRole("rowheader", { name: "AC-DELE" })).toBeVisible();
  await checkPage(page);
  await page.getByRole("button", { name: "Applica le 1 modifiche" }).click();
  await expect(page.getByText("Importazione applicata: 1 oggetti modificati.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Deleghe di servizio (rinominata)" })).toBeVisible();

  const contributorContext = await browser.newContext();
  const contributor = await contributorContext.newPage();
  await signInAsContributor(contributor, "Mario Rossi");
  await contributor.goto("/cassetto/richieste/nuova");
  await contributor.getByLabel("Oggetto").selectOption({ label: "Versamento da verificare a Milano" });
  await contributor.getByLabel("Testo della richiesta").fill("Chiedo la verifica del versamento di aprile, instradato a Milano.");
  await contributor.getByLabel("Voglio ricevere gli avvisi per e-mail").check();
  await contributor.getByRole("button", { name: "Invia la richiesta" }).click();
  const protocol = await sentRequestProtocol(contributor, "4900");
  await contributorContext.close();

  const milanContext = await browser.newContext();
  const milan = await milanContext.newPage();
  await signInAsOperator(milan, "Davide Colombo");
  await milan.goto(`/fascicolo/quesiti?cerca=${encodeURIComponent(protocol)}`);
  await expect(milan.getByRole("link", { name: protocol })).toBeVisible();
  await milanContext.close();

  const romeContext = await browser.newContext();
  const rome = await romeContext.newPage();
  await signInAsOperator(rome, "Paolo Marino");
  await rome.goto(`/fascicolo/quesiti?cerca=${encodeURIComponent(protocol)}`);
  await expect(rome.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(rome.getByRole("link", { name: protocol })).toHaveCount(0);
  await romeContext.close();

  // The audit trail shows the subject's creation, with the office it is routed to.
  await page.goto("/admin/registro-modifiche");
  await page.getByLabel("Che cosa è stato modificato").selectOption({ label: "Argomento" });
  await page.getByLabel("Identificativo").fill(subjectId);
  await page.getByRole("button", { name: "Applica i filtri" }).click();
  const created = page.getByRole("table").getByRole("row").nth(1);
  await expect(created).toContainText("Creazione");
  await expect(created).toContainText("Versamento da verificare a Milano");
  await checkPage(page);
});

test("the add form works without JavaScript; an OPERATORE is told the trees do not exist", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  // axe needs the page's own scripts: without JavaScript the pages get the CSP and reflow checks only.
  await page.goto("/fascicolo/accesso");
  await page.getByRole("button", { name: "Accedi come Chiara Gallo" }).click();
  await expect(page).toHaveURL(/\/fascicolo$/);
  await page.goto("/admin/argomenti/ARTIGIANI_COMMERCIANTI");
  await addSubject(page, "AC-VERS-91", "Oggetto aggiunto senza JavaScript", { axe: false });
  await expect(page.getByRole("cell", { name: "Oggetto aggiunto senza JavaScript" })).toBeVisible();
  await context.close();

  const operatorContext = await browser.newContext();
  const operator = await operatorContext.newPage();
  await signInAsOperator(operator, "Paolo Marino");
  for (const path of [
    "/admin/argomenti",
    "/admin/argomenti/ARTIGIANI_COMMERCIANTI",
    "/admin/argomenti/ARTIGIANI_COMMERCIANTI/importazione",
  ]) {
    const response = await operator.goto(path);
    expect(response?.status()).toBe(404);
  }
  const download = await operator.request.get("/admin/argomenti/ARTIGIANI_COMMERCIANTI/esportazione?formato=json");
  expect(download.status()).toBe(404);
  await operatorContext.close();
});
