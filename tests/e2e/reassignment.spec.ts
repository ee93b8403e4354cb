import { expect, test } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { sendRequest } from "./support/requests";
import { signInAsContributor, signInAsOperator } from "./support/sign-in";

/**
 * Reassigning a quesito has its own page, linked from the quesito's actions
 * (decision 0053): to a colleague, with a refusal at its form that keeps what
 * was typed; and, without JavaScript, to another office, after which the
 * quesito has left the office's queue and its page.
 */
test("an operator reassigns a quesito to a colleague, then it is transferred to another office without JavaScript", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signInAsContributor(page, "Mario Rossi");
  const protocol = await sendRequest(page, "Chiedo la verifica del versamento di maggio 2026, non abbinato.");

  const office = await browser.newContext();
  const operator = await office.newPage();
  await signInAsOperator(operator, "Paolo Marino");
  await operator.goto(`/fascicolo/quesiti?cerca=${encodeURIComponent(protocol)}`);
  await operator.getByRole("link", { name: protocol }).click();
  await expect(operator).toHaveURL(/\/fascicolo\/quesiti\/[0-9a-f-]{36}$/);
  const quesitoUrl = operator.url();
  await operator.getByRole("region", { name: "Riassegna o trasferisci" }).getByRole("link", { name: "Riassegna o trasferisci" }).click();
  await expect(operator).toHaveURL(`${quesitoUrl}/riassegna`);
  await expect(operator.getByRole("heading", { level: 1, name: `Riassegna il quesito ${protocol}` })).toBeVisible();
  await checkPage(operator);

  // A reason without a colleague: refused at the form, the reason kept. (The browser's own check is what stops an empty choice first.)
  const toColleague = operator.getByRole("region", { name: "Riassegna a un operatore della sede" });
  await toColleague.getByLabel("Operatore").evaluate((select) => select.removeAttribute("required"));
  await toColleague.getByLabel("Motivo").fill("Assente per ferie dal lunedì.");
  await toColleague.getByRole("button", { name: "Riassegna" }).click();
  await expect(operator).toHaveURL(/\/riassegna\?avviso=.*#modulo-riassegna-operatore$/);
  await expect(toColleague.getByText("Scegliere l'operatore o la sede a cui riassegnare.")).toBeVisible();
  await expect(toColleague.getByLabel("Motivo")).toHaveValue("Assente per ferie dal lunedì.");
  await checkPage(operator);

  await toColleague.getByLabel("Operatore").selectOption({ label: "Chiara Gallo" });
  await toColleague.getByRole("button", { name: "Riassegna" }).click();
  await expect(operator).toHaveURL(new RegExp(`^${quesitoUrl}\\?avviso=`));
  await expect(operator.getByText("Quesito riassegnato.")).toBeVisible();
  await expect(operator.getByRole("definition").filter({ hasText: "Chiara Gallo" })).toBeVisible();
  await office.close();

  const withoutJavaScript = await browser.newContext({ javaScriptEnabled: false });
  const colleague = await withoutJavaScript.newPage();
  await colleague.goto("/fascicolo/accesso");
  await colleague.getByRole("button", { name: "Accedi come Chiara Gallo" }).click();
  await colleague.goto(`${new URL(quesitoUrl).pathname}/riassegna`);
  await expect(colleague.getByText("Chiara Gallo (assegnatario attuale)")).toBeAttached();
  await checkPage(colleague, { axe: false });
  const toOffice = colleague.getByRole("region", { name: "Trasferisci a un'altra sede" });
  await toOffice.getByLabel("Sede").selectOption({ label: "Direzione provinciale di Milano (4900)" });
  await toOffice.getByLabel("Motivo").fill("Competenza territoriale: la posizione è gestita a Milano.");
  await toOffice.getByRole("button", { name: "Trasferisci" }).click();
  await expect(colleague).toHaveURL(/\/fascicolo\/quesiti\?avviso=/);
  await expect(colleague.getByText("Quesito trasferito all'altra sede: non è più nella coda di questa sede.")).toBeVisible();

  // Gone from this office: its page and its reassignment page are not found.
  for (const path of [new URL(quesitoUrl).pathname, `${new URL(quesitoUrl).pathname}/riassegna`]) {
    const response = await colleague.goto(path);
    expect(response?.status()).toBe(404);
  }
  await withoutJavaScript.close();
});
