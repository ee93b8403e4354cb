import { expect, test } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { signInAsContributor, signInAsOperator } from "./support/sign-in";
import { delegateFrancescaRicci, eventually, sendSmartTask } from "./support/smart-task";

/**
 * Smart-Task (F14): Antonio Esposito delegates Francesca Ricci as his
 * intermediary on Esposito Costruzioni; she files REVOCA DELEGA
 * INTERMEDIARIO with JavaScript disabled; the portal's job accepts it and
 * revokes the delegation; both see the outcome with its checks, and Salvatore
 * De Luca of the Naples office reads it in Antonio Esposito's file and under
 * the queue's Smart-Task filter. The delegation from Antonio Esposito to
 * Francesca Ricci is used by no other e2e test.
 */

test("an intermediary's REVOCA DELEGA INTERMEDIARIO is accepted: the delegation ends, both parties and the office see the outcome", async ({
  browser,
}) => {
  test.setTimeout(240_000);

  // The holder delegates Francesca Ricci on Esposito Costruzioni.
  const holder = await (await browser.newContext()).newPage();
  await signInAsContributor(holder, "Antonio Esposito");
  await delegateFrancescaRicci(holder, "INTERMEDIARIO");

  // The intermediary finds the page (checked with axe, which needs JavaScript)…
  const intermediary = await (await browser.newContext()).newPage();
  await signInAsContributor(intermediary, "Francesca Ricci");
  await intermediary.getByRole("button", { name: /Opera come intermediario/ }).click();
  await intermediary.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: "Smart-Task" }).click();
  await expect(intermediary.getByRole("heading", { level: 1, name: "Smart-Task" })).toBeVisible();
  await checkPage(intermediary);

  // …and files the task without JavaScript.
  const noScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await noScript.goto("/accesso");
  await noScript.getByRole("button", { name: "Accedi come Francesca Ricci" }).click();
  await noScript.getByRole("button", { name: /Opera come intermediario/ }).click();
  await noScript.goto("/cassetto/smart-task");
  const form = noScript.locator("form#REVOCA_DELEGA_INTERMEDIARIO");
  await form.getByLabel("Posizione").selectOption({ label: "Aziende – 5100234519 – Esposito Costruzioni S.r.l." });
  await form.getByLabel("Delega da revocare").selectOption({ label: "Da Antonio Esposito – posizioni 5100234519" });
  await form.getByLabel("Motivo della revoca (facoltativo)").fill("Fine del mandato professionale.");
  const protocol = await sendSmartTask(noScript, form);
  expect(protocol).toMatch(/^INPS\.5100\./);

  const ownTasks = intermediary.getByRole("table", { name: "Le tue Smart-Task" });
  await eventually(intermediary, ownTasks.getByRole("row").filter({ hasText: protocol }), "Accolta");
  await expect(ownTasks).toContainText("Superato: La delega è in vigore");
  await checkPage(intermediary);
  // The delegation is gone: the client is no longer among hers.
  await intermediary.goto("/cassetto");
  await expect(intermediary.getByRole("region", { name: "Antonio Esposito", exact: true })).toHaveCount(0);

  // The holder sees it in Le mie richieste, with kind and outcome, and its checks on the request's page.
  await holder.goto("/cassetto/richieste");
  const row = holder.getByRole("row").filter({ hasText: protocol });
  await expect(row).toContainText("Smart-Task ›");
  await expect(row).toContainText("Revoca delega intermediario");
  await expect(row).toContainText("Esito: Accolta");
  await row.getByRole("link").first().click();
  await expect(holder.getByRole("heading", { name: "Smart-Task: Revoca delega intermediario" })).toBeVisible();
  await expect(holder.getByText("Superato: La delega riguarda chi presenta la richiesta")).toBeVisible();
  await expect(holder.getByRole("heading", { name: "Scrivi alla sede" })).toHaveCount(0);
  await expect(holder.getByRole("heading", { name: "Appuntamenti con la sede" })).toHaveCount(0);
  await checkPage(holder);

  // The office reads it in the contributor's file and under the queue's filter.
  const office = await (await browser.newContext()).newPage();
  await signInAsOperator(office, "Salvatore De Luca");
  await expect(office).toHaveURL(/\/fascicolo$/);
  await office.goto("/fascicolo/contribuenti/SPSNTN70S03F839H");
  const timeline = office.getByRole("list", { name: "Cronologia del contribuente" });
  const item = timeline.getByRole("listitem").filter({ hasText: protocol }).filter({ hasText: "Smart-Task trattata dal portale: Accolta" });
  await expect(item).toContainText("Superato: La delega copre la posizione della richiesta");
  await expect(
    timeline.getByRole("listitem").filter({ hasText: "Delega revocata" }).filter({ hasText: "Da Antonio Esposito a Francesca Ricci" }),
  ).toBeVisible();
  await checkPage(office);
  await office.goto("/fascicolo/quesiti?stato=tutti&tipo=smart_task");
  await expect(office.getByText(protocol)).toBeVisible();
  await checkPage(office);
  // Its quesito page: the Smart-Task's checks and outcome, read by the office.
  await office.getByRole("link", { name: protocol }).click();
  await expect(office.getByRole("heading", { level: 1 })).toContainText(protocol);
  await checkPage(office);
});
