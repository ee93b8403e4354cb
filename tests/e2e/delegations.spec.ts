import { expect, test, type Page } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { signInAsContributor } from "./support/sign-in";

/** On the holder's Deleghe page: revokes the delegation to `delegate` with `reason`, checking the outcome and the page. */
async function revokeDelegation(holder: Page, delegate: string, reason: string): Promise<void> {
  const reasonField = holder.getByLabel(`Motivo della revoca della delega a ${delegate}`);
  await reasonField.fill(reason);
  await holder.locator("form", { has: reasonField }).getByRole("button", { name: "Revoca la delega" }).click();
  await expect(holder.getByText("Delega revocata: il delegato non può più operare sulle posizioni indicate.")).toBeVisible();
  await checkPage(holder);
}

// Luca Conti's delegation from Esposito Costruzioni is used by no other e2e test.
test("a holder revokes an intermediary's delegation and the intermediary loses the client at once", async ({ browser }) => {
  const intermediaryContext = await browser.newContext();
  const intermediary = await intermediaryContext.newPage();
  await signInAsContributor(intermediary, "Luca Conti");
  await expect(intermediary.getByRole("region", { name: "Antonio Esposito", exact: true })).toBeVisible();

  const holderContext = await browser.newContext();
  const holder = await holderContext.newPage();
  await signInAsContributor(holder, "Antonio Esposito");
  await holder.getByRole("link", { name: "Deleghe" }).click();
  await expect(holder.getByRole("heading", { level: 1, name: "Deleghe" })).toBeVisible();
  await checkPage(holder);
  await revokeDelegation(holder, "Luca Conti", "Cambio di consulente del lavoro.");

  await intermediary.goto("/cassetto");
  await expect(intermediary.getByRole("region", { name: "Antonio Esposito", exact: true })).toHaveCount(0);
  await expect(intermediary.getByRole("region", { name: "Giulia Bianchi", exact: true })).toBeVisible();
  await intermediaryContext.close();
  await holderContext.close();
});

// Luca Conti and Francesca Ricci's own position (Studio Ricci, GS committenti) are used together by no other e2e test.
test("an intermediary asks for a delegation, the holder accepts it, and its revocation ends the intermediary's access", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const intermediaryContext = await browser.newContext();
  const intermediary = await intermediaryContext.newPage();
  await signInAsContributor(intermediary, "Luca Conti");
  await expect(intermediary.getByRole("region", { name: "Francesca Ricci", exact: true })).toHaveCount(0);
  await checkPage(intermediary);

  // The intermediary asks.
  await intermediary.getByRole("link", { name: "Deleghe" }).click();
  await intermediary.getByLabel("Codice fiscale del titolare").fill("RCCFNC80P52H501Q");
  await intermediary.getByLabel("Matricole delle posizioni").fill("09123450588");
  await intermediary.getByRole("button", { name: "Invia la richiesta di delega" }).click();
  await expect(intermediary.getByText(/^Richiesta di delega inviata\./)).toBeVisible();
  await expect(intermediary.getByRole("table", { name: "Le tue richieste di delega in attesa" })).toContainText(
    "In attesa dell'accettazione del titolare",
  );
  await checkPage(intermediary);

  // The holder accepts and gets the code.
  const holderContext = await browser.newContext();
  const holder = await holderContext.newPage();
  await signInAsContributor(holder, "Francesca Ricci");
  await checkPage(holder);
  await holder.getByRole("button", { name: /Opera come titolare/ }).click();
  await expect(holder).toHaveURL(/\/cassetto$/);
  await checkPage(holder);
  await holder.getByRole("link", { name: "Deleghe" }).click();
  const toAnswer = holder.getByRole("table", { name: "Richieste di delega da accettare" });
  await expect(toAnswer.getByRole("rowheader", { name: /Luca Conti/ })).toBeVisible();
  await expect(toAnswer).toContainText("09123450588");
  await checkPage(holder);
  await holder.getByRole("button", { name: "Accetta la richiesta di Luca Conti" }).click();
  const codeText = holder.getByText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await expect(codeText).toBeVisible();
  const code = (await codeText.textContent()) ?? "";
  await checkPage(holder);

  // The intermediary enters a wrong code, then the right one.
  await intermediary.goto("/cassetto/deleghe");
  const codeField = intermediary.getByLabel("Codice di verifica ricevuto da Francesca Ricci");
  const wrongCode = code === "AAAA-AAAA" ? "BBBB-BBBB" : "AAAA-AAAA";
  await codeField.fill(wrongCode);
  await intermediary.getByRole("button", { name: "Conferma la delega" }).click();
  await expect(intermediary.getByText("Codice di verifica errato: restano 4 tentativi.")).toBeVisible();
  await expect(codeField).toHaveValue(wrongCode);
  await checkPage(intermediary);
  await codeField.fill(code.toLowerCase());
  await intermediary.getByRole("button", { name: "Conferma la delega" }).click();
  await expect(intermediary.getByText(/^Codice corretto: la delega è attiva\./)).toBeVisible();
  await checkPage(intermediary);
  await expect(
    intermediary.getByRole("table", { name: "Deleghe ricevute" }).getByRole("rowheader", { name: /Francesca Ricci/ }),
  ).toBeVisible();

  // The intermediary sends a request for the new client.
  await intermediary.goto("/cassetto");
  await expect(intermediary.getByRole("region", { name: "Francesca Ricci", exact: true })).toBeVisible();
  await checkPage(intermediary);
  await intermediary.goto("/cassetto/richieste/nuova");
  await checkPage(intermediary);
  const position = await intermediary.locator("option", { hasText: "09123450588" }).getAttribute("value");
  await intermediary.getByLabel("Posizione contributiva").selectOption(position ?? "");
  await intermediary.getByRole("button", { name: "Continua" }).click();
  await expect(intermediary.getByLabel("Testo della richiesta")).toBeVisible();
  await checkPage(intermediary);
  await intermediary.getByLabel("Oggetto").selectOption({ index: 1 });
  await intermediary.getByLabel("Testo della richiesta").fill("Per conto della cliente: verifica dei versamenti dei compensi 2026.");
  await intermediary.getByLabel("Voglio ricevere gli avvisi per e-mail").check();
  await intermediary.getByRole("button", { name: "Invia la richiesta" }).click();
  await expect(intermediary).toHaveURL(/\/cassetto\/richieste\/[0-9a-f-]{36}/);
  const requestUrl = intermediary.url();
  const protocol =
    (await intermediary
      .getByText(/^INPS\.\d{4}\.\d{2}\/\d{2}\/\d{4}\.\d{7}$/)
      .first()
      .textContent()) ?? "";
  expect(protocol).not.toBe("");
  await checkPage(intermediary);

  // The holder finds it, presented by the intermediary on her behalf.
  await holder.goto("/cassetto/richieste");
  await checkPage(holder);
  await holder.getByRole("link", { name: protocol }).click();
  await expect(holder.getByText("Luca Conti (intermediario) per conto di Francesca Ricci")).toBeVisible();
  await checkPage(holder);

  // The holder revokes; the intermediary loses the client and the request at once.
  await holder.goto("/cassetto/deleghe");
  await checkPage(holder);
  await revokeDelegation(holder, "Luca Conti", "Pratica conclusa.");

  await intermediary.goto("/cassetto");
  await expect(intermediary.getByRole("region", { name: "Francesca Ricci", exact: true })).toHaveCount(0);
  await checkPage(intermediary);
  await intermediary.goto("/cassetto/richieste?cliente=RCCFNC80P52H501Q");
  await expect(intermediary.getByText("Nessuna richiesta o comunicazione corrisponde ai filtri indicati.")).toBeVisible();
  await checkPage(intermediary);
  await expect(intermediary.getByRole("link", { name: protocol })).toHaveCount(0);
  const response = await intermediary.goto(requestUrl);
  expect(response?.status()).toBe(404);
  await checkPage(intermediary);
  await intermediaryContext.close();
  await holderContext.close();
});
