import { expect, test } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { signInAsContributor } from "./support/sign-in";

// Antonio Esposito's requests: the contacts and agenda specs send their own and search none.
test("a contributor searches the text of the requests and sees the words found, highlighted", async ({ page }) => {
  await signInAsContributor(page, "Antonio Esposito");
  await page.goto("/cassetto/richieste/nuova");
  await page.getByLabel("Oggetto").selectOption({ index: 1 });
  await page
    .getByLabel("Testo della richiesta")
    .fill("Vorrei sapere quando arriva il pagamento dell'indennità di disoccupazione agricola <b>del mese scorso</b>.");
  await page.getByRole("button", { name: "Invia la richiesta" }).click();
  await expect(page).toHaveURL(/\/cassetto\/richieste\/[0-9a-f-]{36}/);
  const protocol =
    (await page
      .getByText(/^INPS\.\d{4}\.\d{2}\/\d{2}\/\d{4}\.\d{7}$/)
      .first()
      .textContent()) ?? "";
  expect(protocol).not.toBe("");

  await page.goto("/cassetto/richieste");
  await page.getByText("Cerca, filtra e ordina le richieste").click();
  // Another form of the words, without the accent.
  await page.getByLabel("Cerca nel testo").fill("pagamenti indennita agricole");
  await page.getByRole("button", { name: "Cerca", exact: true }).click();
  await expect(page).toHaveURL(/testo=pagamenti/);
  const row = page.getByRole("row", { name: new RegExp(protocol.replaceAll(".", "\\.")) });
  for (const word of ["pagamento", "indennità", "agricola"]) await expect(row.locator("mark", { hasText: word }).first()).toBeVisible();
  // The text's markup is shown as text, never as HTML.
  await expect(row.locator("b")).toHaveCount(0);
  await checkPage(page);

  // Only stop words: the answer is at the field.
  await page.getByLabel("Cerca nel testo").fill("il di per");
  await page.getByRole("button", { name: "Cerca", exact: true }).click();
  await expect(page.getByText(/^Errore: Nessun termine utile nella ricerca/)).toBeVisible();
  await checkPage(page);
});
