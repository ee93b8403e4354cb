import { expect, test } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { signInAsContributor } from "./support/sign-in";
import { sentRequestProtocol } from "./support/requests";

// Francesca Ricci acting as intermediary: her saved filters are used by no other e2e test.
test("an intermediary saves the inbox's filters, finds them again, exports the list and deletes them", async ({ page }) => {
  await signInAsContributor(page, "Francesca Ricci");
  await page.getByRole("button", { name: /Opera come intermediario/ }).click();
  await expect(page).toHaveURL(/\/cassetto$/);
  // Her only client's position: the form names it without a choice.
  await page.goto("/cassetto/richieste/nuova");
  await checkPage(page);
  await page.getByLabel("Oggetto").selectOption({ index: 1 });
  await page.getByLabel("Testo della richiesta").fill("Richiesta inviata dallo studio per il cliente Mario Rossi.");
  await page.getByRole("button", { name: "Invia la richiesta" }).click();
  const protocol = await sentRequestProtocol(page);
  await checkPage(page);

  await page.goto("/cassetto/richieste");
  await checkPage(page);

  // The results come first; the filter form is sent only when asked for (a link, without JavaScript too) or in use.
  await expect(page.getByLabel("Cliente")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Filtri salvati" })).toHaveCount(0);
  await page.getByRole("link", { name: "Cerca, filtra e ordina le richieste" }).click();
  await expect(page).toHaveURL(/[?&]filtri=1#filtri$/);
  await expect(page.getByText("Non hai ancora salvato filtri")).toBeVisible();
  await checkPage(page);
  await page.getByLabel("Cliente").fill("rossi");
  await page.getByRole("button", { name: "Cerca" }).click();
  await expect(page).toHaveURL(/cliente=rossi/);
  await expect(page.getByLabel("Cliente")).toHaveValue("rossi");

  // A name is required (blanks do not count): the server's refusal is shown at the field.
  await page.getByLabel("Nome dei filtri").fill("   ");
  await page.getByRole("button", { name: "Salva questi filtri" }).click();
  await expect(page.getByText("Indicare un nome per i filtri da salvare.")).toBeVisible();
  await checkPage(page);

  await page.getByLabel("Nome dei filtri").fill("Clienti Rossi");
  await page.getByRole("button", { name: "Salva questi filtri" }).click();
  await expect(page.getByText("Filtri salvati come «Clienti Rossi».")).toBeVisible();
  await expect(page.getByRole("link", { name: "Clienti Rossi (in uso)" })).toBeVisible();
  await checkPage(page);

  // From the unfiltered list (the form closed, the saved filters as links), a saved filter brings the client filter back.
  await page.getByRole("link", { name: "Azzera i filtri" }).click();
  await expect(page).toHaveURL(/\/cassetto\/richieste$/);
  await expect(page.getByLabel("Cliente")).toHaveCount(0);
  await checkPage(page);
  await page.getByRole("link", { name: "Clienti Rossi" }).click();
  await expect(page.getByLabel("Cliente")).toHaveValue("rossi");

  await expect(page.getByRole("link", { name: protocol })).toBeVisible();
  await expect(page.getByText(/^[\d.]+ risultat[oi]\.$/)).toBeVisible();

  // The export of the filtered list, with the session's cookies.
  const exportHref = await page.getByRole("link", { name: /^Esporta in CSV/ }).getAttribute("href");
  const response = await page.request.get(exportHref ?? "");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const csv = await response.text();
  expect(csv.startsWith("\uFEFFProtocollo;Tipo;")).toBe(true);
  expect(csv).toContain(`${protocol};Richiesta;`);
  for (const line of csv.trim().split("\r\n").slice(1)) expect(line).toContain("Rossi");

  await page.getByRole("button", { name: "Elimina il filtro «Clienti Rossi»" }).click();
  await expect(page.getByText("Filtro «Clienti Rossi» eliminato.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Clienti Rossi" })).toHaveCount(0);
  await checkPage(page);
});
