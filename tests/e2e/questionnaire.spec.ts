import { expect, test, type Page } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { sendRequest } from "./support/requests";
import { signInAsContributor, signInAsOperator } from "./support/sign-in";

/**
 * The satisfaction questionnaire (F16) and the old entry points (F18). Luca
 * Conti answers the questionnaire without JavaScript; Sara Romano closes the
 * invitation; Mario Rossi, a holder, has none, rates the sending of a
 * request and follows an old cassetto's link. Nobody else's answers are
 * touched: the questionnaire's answers belong to no other e2e test.
 */

const OLD_PREFIX = "/artigiani-commercianti/comunicazione-bidirezionale";
const invitation = (page: Page) => page.getByRole("heading", { level: 2, name: /^Questionario di gradimento per i professionisti/ });

test("a professional answers the questionnaire without JavaScript, once", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/accesso");
  await page.getByRole("button", { name: "Accedi come Luca Conti" }).click();
  await expect(page).toHaveURL(/\/cassetto$/);
  await expect(invitation(page)).toBeVisible();
  await page.getByRole("link", { name: "Rispondi al questionario" }).click();
  await expect(page).toHaveURL(/\/cassetto\/questionario\/professionisti-2026$/);
  await checkPage(page, { axe: false });

  // Nothing chosen: refused at the first question, nothing kept.
  await page.getByRole("button", { name: "Invia le risposte" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: /Rispondere ad almeno una domanda\./ })).toBeVisible();
  await checkPage(page, { axe: false });

  await page
    .getByRole("group", { name: /Quanto è facile usare il Cassetto/ })
    .getByLabel("4")
    .check();
  await page
    .getByRole("group", { name: /tempi di risposta/ })
    .getByLabel("2")
    .check();
  await page.getByLabel("Che cosa miglioreresti?").fill("Un riepilogo mensile delle richieste dei clienti.");
  await page.getByRole("button", { name: "Invia le risposte" }).click();
  await expect(page.getByText("Grazie: le tue risposte sono state registrate in forma anonima.")).toBeVisible();
  await checkPage(page, { axe: false });

  await page.goto("/cassetto/questionario/professionisti-2026");
  await expect(page.getByText("Hai già risposto a questo questionario.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Invia le risposte" })).toHaveCount(0);
  await page.goto("/cassetto");
  await expect(page.getByRole("heading", { level: 1, name: /Ti diamo il benvenuto/ })).toBeVisible();
  await expect(invitation(page)).toHaveCount(0);
  await context.close();
});

test("a delegated employee closes the invitation; the questionnaire passes axe", async ({ page }) => {
  await signInAsContributor(page, "Sara Romano");
  await expect(invitation(page)).toBeVisible();
  await checkPage(page);
  await page.goto("/cassetto/questionario/professionisti-2026");
  await expect(page.getByRole("group", { name: /Quanto sono chiare le risposte/ })).toBeVisible();
  await checkPage(page);

  await page.goto("/cassetto");
  await page.getByRole("button", { name: "Non ora, grazie" }).click();
  await expect(page.getByText("Invito chiuso: non ti sarà più proposto per questo questionario.")).toBeVisible();
  await expect(invitation(page)).toHaveCount(0);
  await checkPage(page);
});

test("a holder has no invitation, rates the sending of a request, and an old link lands on the new page", async ({ page }) => {
  await signInAsContributor(page, "Mario Rossi");
  await expect(page).toHaveURL(/\/cassetto$/);
  await expect(invitation(page)).toHaveCount(0);

  const protocol = await sendRequest(page, "Chiedo conferma dei versamenti del terzo trimestre, per la valutazione del questionario.");
  const rating = page.getByRole("group", { name: "Quanto è stato facile inviare la richiesta?" });
  await expect(rating).toBeVisible();
  await checkPage(page);
  await rating.getByLabel(/^5/).check();
  await page.getByRole("button", { name: "Invia la valutazione" }).click();
  await expect(page.getByText("Grazie per la valutazione.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Invia la valutazione" })).toHaveCount(0);
  await checkPage(page);

  // The old cassetto's list, with its matricola: a permanent redirect, the matricola kept.
  const old = `${OLD_PREFIX}/elenco-richieste?matricola=7000123456AR`;
  const answer = await page.request.get(old, { maxRedirects: 0 });
  expect(answer.status()).toBe(308);
  // Next writes a Location on the same origin as a path; either way it resolves here.
  const origin = new URL(page.url()).origin;
  const landing = (location: string | undefined) => new URL(location ?? "", origin).href;
  expect(landing(answer.headers().location)).toBe(`${origin}/cassetto/richieste?matricola=7000123456AR`);
  const offSite = await page.request.get(`${OLD_PREFIX}/elenco-richieste?matricola=//evil.example`, { maxRedirects: 0 });
  expect(landing(offSite.headers().location)).toBe(`${origin}/cassetto/richieste`);
  await page.goto(old);
  await expect(page).toHaveURL(/\/cassetto\/richieste\?matricola=7000123456AR$/);
  await expect(page.getByRole("heading", { level: 1, name: "Le mie richieste" })).toBeVisible();
  await checkPage(page);

  // The old detail link, by protocol number: the request's page.
  await page.goto(`${OLD_PREFIX}/dettaglio-richiesta?protocollo=${encodeURIComponent(protocol)}`);
  await expect(page).toHaveURL(/\/cassetto\/richieste\/[0-9a-f-]{36}$/);
  await expect(page.getByText(protocol).first()).toBeVisible();

  // Anything else under the old prefix: the page explaining the move.
  await page.goto(`${OLD_PREFIX}/ricerca-avanzata`);
  await expect(page.getByRole("heading", { level: 1, name: "La Comunicazione Bidirezionale si è spostata" })).toBeVisible();
  await checkPage(page);
});

test("an ADMIN reads the questionnaires' results under the administration", async ({ page }) => {
  await signInAsOperator(page, "Chiara Gallo");
  await page.goto("/admin");
  await page.getByRole("link", { name: "Questionari" }).first().click();
  await expect(page).toHaveURL(/\/admin\/questionari$/);
  await expect(page.getByRole("heading", { level: 1, name: "Risultati dei questionari" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Valutazione dell'invio di una richiesta" })).toBeVisible();
  await checkPage(page);
});
