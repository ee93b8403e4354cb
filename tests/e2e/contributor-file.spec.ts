import { expect, test } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { signInAsContributor, signInAsOperator } from "./support/sign-in";

/**
 * The contributor's file (F23): Francesca Ricci sends a request and changes
 * her fax; Elena Greco of the Rome office finds her by name from the
 * Scrivania and sees, in one timeline, the request, the contact change and
 * the delegation Mario Rossi gave her; the kind filter works without
 * JavaScript. Francesca Ricci's fax is used by no other e2e test.
 */

const fax = "06 5550133";
const text = "Chiedo il prospetto dei contributi versati per lo studio nel 2025.";

test("an operator finds a contributor by name and reads one timeline of requests, delegations and contact changes", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);

  await signInAsContributor(page, "Francesca Ricci");
  await page.getByRole("button", { name: /Opera come titolare/ }).click();
  await expect(page).toHaveURL(/\/cassetto$/);
  await page.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: "Nuova richiesta" }).click();
  await page.getByLabel("Oggetto").selectOption({ index: 1 });
  await page.getByLabel("Testo della richiesta").fill(text);
  await page.getByRole("button", { name: "Invia la richiesta" }).click();
  await expect(page).toHaveURL(/\/cassetto\/richieste\/[0-9a-f-]{36}/);
  const protocol =
    (await page
      .getByText(/^INPS\.\d+\.\d{2}\/\d{2}\/\d{4}\.\d{7}$/)
      .first()
      .textContent()) ?? "";
  await page.getByRole("link", { name: "Contatti" }).click();
  const section = page.getByRole("region", { name: "Gestione Separata – Committenti" });
  await section.getByLabel("Fax").fill(fax);
  await section.getByRole("button", { name: "Salva i contatti per Gestione Separata – Committenti" }).click();
  await expect(page.getByText(/^Contatti aggiornati/)).toBeVisible();

  const office = await (await browser.newContext()).newPage();
  await signInAsOperator(office, "Elena Greco");
  await expect(office).toHaveURL(/\/fascicolo$/);
  await office.getByLabel("Codice fiscale, matricola, nome o numero di protocollo").fill("ricci francesca");
  await office.getByRole("button", { name: "Cerca", exact: true }).click();
  // The only match: straight to the file.
  await expect(office).toHaveURL(/\/fascicolo\/contribuenti\/RCCFNC80P52H501Q$/);
  await expect(office.getByRole("heading", { level: 1, name: "Francesca Ricci" })).toBeVisible();
  await expect(office.getByRole("table", { name: /Posizioni intestate/ })).toContainText("09123450588");
  const timeline = office.getByRole("list", { name: "Cronologia del contribuente" });
  const request = timeline.getByRole("listitem").filter({ hasText: `Richiesta ${protocol}` });
  await expect(request).toContainText("Nuovo");
  await expect(request.getByRole("link", { name: protocol })).toBeVisible();
  await expect(timeline.getByRole("listitem").filter({ hasText: "Fax modificato" })).toContainText("+39065550133");
  await expect(
    timeline.getByRole("listitem").filter({ hasText: "Delega conferita" }).filter({ hasText: "Da Mario Rossi a Francesca Ricci" }),
  ).toBeVisible();
  await checkPage(office);

  // From the file to the quesito, and back from the quesito to the file.
  await request.getByRole("link", { name: protocol }).click();
  await expect(office.getByRole("heading", { level: 1, name: `Quesito ${protocol}` })).toBeVisible();
  await office.getByRole("link", { name: "Francesca Ricci" }).click();
  await expect(office.getByRole("heading", { level: 1, name: "Francesca Ricci" })).toBeVisible();

  // The kind filter is a plain GET form.
  const noScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await noScript.goto("/fascicolo/accesso");
  await noScript.getByRole("button", { name: "Accedi come Elena Greco" }).click();
  await noScript.goto("/fascicolo/contribuenti/RCCFNC80P52H501Q");
  await noScript.getByLabel("Deleghe").check();
  await noScript.getByRole("button", { name: "Applica i filtri" }).click();
  await expect(noScript).toHaveURL(/\?tipo=deleghe/);
  const filtered = noScript.getByRole("list", { name: "Cronologia del contribuente" });
  await expect(filtered.getByRole("listitem").filter({ hasText: "Delega conferita" }).first()).toBeVisible();
  await expect(filtered.getByRole("listitem").filter({ hasText: protocol })).toHaveCount(0);
  await expect(filtered.getByRole("listitem").filter({ hasText: "Fax modificato" })).toHaveCount(0);
  await expect(noScript.getByLabel("Deleghe")).toBeChecked();
  await checkPage(noScript, { axe: false });
});
