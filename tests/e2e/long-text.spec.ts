import { expect, test } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { pdfFile } from "./support/sample-files";
import { signInAsContributor } from "./support/sign-in";

/**
 * A text pasted beyond the limit of "Testo della richiesta" is never cut: the
 * live count says by how much it is over, the server refuses it with the same
 * count and gives it back whole, with the file sent alongside kept.
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
