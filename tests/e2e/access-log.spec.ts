import { expect, test } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { signInAsContributor, signInAsOperator } from "./support/sign-in";
import { sentRequestProtocol } from "./support/requests";

/**
 * The access log end to end (decision 0032): Mario Rossi sends a request;
 * Marco Bruno, RESPONSABILE of Roma, opens its quesito and then reads his
 * own opening in the Registro accessi, filtering by the contributor; Chiara
 * Gallo, ADMIN, finds it too with JavaScript disabled. Paolo Marino, an
 * OPERATORE, has no link to the log and is told it does not exist.
 */

const holderCodiceFiscale = "RSSMRA78E14H501S";
const responsabileCodiceFiscale = "BRNMRC69B21H501B";

test("a RESPONSABILE opens a quesito and reads the opening in the access log; an OPERATORE cannot", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signInAsContributor(page, "Mario Rossi");
  await page.goto("/cassetto/richieste/nuova");
  await page.getByLabel("Oggetto").selectOption({ index: 1 });
  await page.getByLabel("Testo della richiesta").fill("Chiedo la verifica dei contributi versati nel primo trimestre 2026.");
  await page.getByRole("button", { name: "Invia la richiesta" }).click();
  const protocol = await sentRequestProtocol(page);

  const context = await browser.newContext();
  const office = await context.newPage();
  await signInAsOperator(office, "Marco Bruno");
  await office.goto(`/fascicolo/quesiti?cerca=${encodeURIComponent(protocol)}`);
  await office.getByRole("link", { name: protocol }).click();
  await expect(office).toHaveURL(/\/fascicolo\/quesiti\/[0-9a-f-]{36}$/);
  const quesitoPath = new URL(office.url()).pathname;
  const quesitoId = quesitoPath.split("/").at(-1)!;

  await office.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: "Registro accessi" }).click();
  await expect(office.getByRole("heading", { level: 1, name: "Registro degli accessi" })).toBeVisible();
  await checkPage(office);
  const newest = office.getByRole("table").getByRole("row").nth(1);
  await expect(newest).toContainText(responsabileCodiceFiscale);
  await expect(newest).toContainText("Apertura di un quesito");
  await expect(newest).toContainText(quesitoId);
  await expect(newest).toContainText(holderCodiceFiscale);
  await expect(newest).toContainText(quesitoPath);
  await expect(newest).toContainText("Consentito");

  await office.getByLabel("Codice fiscale del contribuente").fill(holderCodiceFiscale.toLowerCase());
  await office.getByLabel("Che cosa è stato aperto").selectOption({ label: "Quesito" });
  await office.getByLabel("Identificativo").fill(quesitoId);
  await office.getByRole("button", { name: "Applica i filtri" }).click();
  await expect(office).toHaveURL(/contribuente=/);
  await expect(office.getByText("Accessi trovati: 1; in questa pagina 1, dal più recente.")).toBeVisible();
  await checkPage(office);

  await office.getByLabel("Codice fiscale del contribuente").fill("NONVALIDO");
  await office.getByRole("button", { name: "Applica i filtri" }).click();
  await expect(office.getByText("Alcuni filtri non sono validi: correggerli per vedere il registro.")).toBeVisible();
  await checkPage(office);
  await context.close();

  // The administrator, with JavaScript disabled: the filters are a plain GET form.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const admin = await plain.newPage();
  await admin.goto("/fascicolo/accesso");
  await admin.getByRole("button", { name: "Accedi come Chiara Gallo" }).click();
  await expect(admin).toHaveURL(/\/fascicolo$/);
  await admin.getByRole("link", { name: "Registro accessi" }).click();
  await admin.getByLabel("Codice fiscale dell'operatore").fill(responsabileCodiceFiscale);
  await admin.getByLabel("Identificativo").fill(quesitoId);
  await admin.getByLabel("Che cosa è stato aperto").selectOption({ label: "Quesito" });
  await admin.getByRole("button", { name: "Applica i filtri" }).click();
  await expect(admin).toHaveURL(/operatore=/);
  await expect(admin.getByText("Accessi trovati: 1; in questa pagina 1, dal più recente.")).toBeVisible();
  await expect(admin.getByRole("table")).toContainText(holderCodiceFiscale);
  await checkPage(admin, { axe: false });
  await plain.close();

  const operatorContext = await browser.newContext();
  const operator = await operatorContext.newPage();
  await signInAsOperator(operator, "Paolo Marino");
  await expect(operator).toHaveURL(/\/fascicolo$/);
  await expect(operator.getByRole("link", { name: "Registro accessi" })).toHaveCount(0);
  const refused = await operator.goto("/fascicolo/registro-accessi");
  expect(refused?.status()).toBe(404);
  await expect(operator.getByRole("heading", { level: 1, name: "Pagina non trovata" })).toBeVisible();
  await operatorContext.close();
});
