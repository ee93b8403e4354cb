import { expect, test } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { pdfFile } from "./support/sample-files";
import { sendRequest } from "./support/requests";
import { signInAsContributor, signInAsOperator } from "./support/sign-in";

/**
 * A text pasted beyond the limit of "Testo della richiesta" — or of the
 * office's "Testo della risposta" — is never cut: the live count says by how
 * much it is over, the server refuses it with the same count and gives it
 * back whole, with the admitted file sent alongside kept.
 */

const LIMIT_MESSAGE = "1.051 caratteri oltre il limite di 4.000.";

test("a request text over the limit is counted live, refused with its count and kept whole", async ({ page }) => {
  await signInAsContributor(page, "Mario Rossi");
  await page.goto("/cassetto/richieste/nuova");
  const text = `Inizio della richiesta. ${"Testo incollato. ".repeat(294)}Fine della richiesta.`.padEnd(5051, ".");
  const field = page.getByLabel("Testo della richiesta");

  await expect(page.getByText("Al massimo 4.000 caratteri.").or(page.getByText("Restano 4.000 caratteri su 4.000."))).toBeVisible();
  await field.fill(text);
  await expect(field).toHaveValue(text);
  const count = page.locator("#text-conteggio");
  await expect(count).toHaveText(LIMIT_MESSAGE);
  await expect(field).toHaveAttribute("aria-describedby", /text-conteggio/);
  // Screen readers hear it once typing pauses, from a polite live region.
  await expect(page.locator('[aria-live="polite"]', { hasText: LIMIT_MESSAGE })).toHaveCount(1);
  await checkPage(page);

  await page.getByLabel("Oggetto").selectOption({ index: 1 });
  await page.getByLabel("Voglio ricevere gli avvisi per e-mail").check();
  await page.getByLabel("Allegati").setInputFiles([pdfFile("estratto-conto.pdf")]);
  await page.getByRole("button", { name: "Invia la richiesta" }).click();

  await expect(page).toHaveURL(/bozza=/);
  await expect(page.locator("#riepilogo-errori")).toContainText(`Il testo è troppo lungo: ${LIMIT_MESSAGE}`);
  await expect(field).toHaveValue(text);
  await expect(page.getByLabel("estratto-conto.pdf", { exact: false })).toBeChecked();
  await checkPage(page);
});

test("an office reply over the limit is refused with its count, kept whole with its admitted file, then sent", async ({
  page,
  browser,
}) => {
  await signInAsContributor(page, "Mario Rossi");
  const protocol = await sendRequest(page, "Chiedo la verifica del versamento di aprile, non ancora abbinato.");

  const office = await (await browser.newContext()).newPage();
  await signInAsOperator(office, "Paolo Marino");
  await office.goto(`/fascicolo/quesiti?cerca=${encodeURIComponent(protocol)}`);
  await office.getByRole("link", { name: protocol }).click();
  await office.getByRole("region", { name: "Prendi in carico" }).getByRole("button", { name: "Prendi in carico" }).click();
  await expect(office.getByText("In lavorazione").first()).toBeVisible();

  const text = `Gentile contribuente, ${"la verifica è conclusa. ".repeat(210)}Cordiali saluti.`.slice(0, 5051);
  expect(text).toHaveLength(5051);
  const reply = office.getByRole("region", { name: "Rispondi al contribuente" });
  const field = reply.getByLabel("Testo della risposta");
  await field.fill(text);
  await expect(reply.getByText(LIMIT_MESSAGE)).toBeVisible();
  await reply
    .getByLabel("Allegati")
    .setInputFiles([
      pdfFile("esito-verifica.pdf"),
      { name: "programma.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ\u0090\u0000 non un documento") },
    ]);
  await reply.getByRole("button", { name: "Invia la risposta" }).click();

  await expect(office).toHaveURL(/bozza=.*#modulo-risposta$/);
  const refused = office.getByRole("region", { name: "Rispondi al contribuente" });
  await expect(refused).toContainText(`La risposta è troppo lunga: ${LIMIT_MESSAGE}`);
  await expect(refused).toContainText("Il file «programma.exe» non è un documento ammesso");
  await expect(refused.getByLabel("Testo della risposta")).toHaveValue(text);
  await expect(refused.getByLabel("esito-verifica.pdf", { exact: false })).toBeChecked();
  await checkPage(office);

  await refused.getByLabel("Testo della risposta").fill("La verifica è conclusa: il versamento di aprile risulta abbinato.");
  await refused.getByRole("button", { name: "Invia la risposta" }).click();
  await expect(office.getByText("Risposta inviata al contribuente.")).toBeVisible();
  await expect(office.getByText("La verifica è conclusa: il versamento di aprile risulta abbinato.")).toBeVisible();
  await expect(office.getByRole("link", { name: "esito-verifica.pdf" })).toBeVisible();
  await office.context().close();
});
