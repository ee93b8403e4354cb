import { expect, test } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { signInAsContributor, signInAsOperator } from "./support/sign-in";

test("a contributor sees their positions grouped by gestione", async ({ page }) => {
  await signInAsContributor(page, "Giulia Bianchi");

  await expect(page).toHaveURL(/\/cassetto$/);
  await expect(page.getByRole("heading", { level: 1, name: "Ti diamo il benvenuto, Giulia Bianchi" })).toBeVisible();
  await expect(page.getByText("Codice fiscale BNCGLI85C62F205V.", { exact: false })).toBeVisible();
  const professionisti = page.getByRole("region", { name: "Gestione Separata – Liberi professionisti", exact: true });
  const committenti = page.getByRole("region", { name: "Gestione Separata – Committenti", exact: true });
  await expect(professionisti.getByText("Bianchi Giulia", { exact: true })).toBeVisible();
  await expect(committenti.getByText("Studio di architettura Bianchi Giulia")).toBeVisible();
  // One list per gestione, one position in each.
  await expect(page.getByRole("list", { name: /^Posizioni di/ })).toHaveCount(2);
  await checkPage(page);
});

test("an intermediary chooses the profile, sees the client with an active delegation and not the expired one", async ({ page }) => {
  await signInAsContributor(page, "Francesca Ricci");

  await expect(page).toHaveURL(/\/cassetto\/profilo/);
  await checkPage(page);
  await page.getByRole("button", { name: /Opera come intermediario/ }).click();

  await expect(page).toHaveURL(/\/cassetto$/);
  const client = page.getByRole("region", { name: "Mario Rossi", exact: true });
  await expect(client.getByRole("link", { name: /, matricola 7000123456AR$/ })).toBeVisible();
  await expect(page.getByText("Giulia Bianchi")).toHaveCount(0);
  await expect(page.getByText("BNCGLI85C62F205V")).toHaveCount(0);
  await checkPage(page);

  // Switching back to her own positions.
  await page.getByRole("link", { name: "Cambia profilo" }).click();
  await page.getByRole("button", { name: /Opera come titolare/ }).click();
  await expect(page.getByText("Studio Ricci Commercialisti Associati", { exact: true })).toBeVisible();
  await expect(page.getByText("7000123456AR")).toHaveCount(0);
});

test("a delegated employee sees only the company they are delegated for", async ({ page }) => {
  await signInAsContributor(page, "Sara Romano");

  await expect(page).toHaveURL(/\/cassetto$/);
  await expect(page.getByRole("region", { name: "Antonio Esposito", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "La tua azienda" })).toBeVisible();
  await expect(page.getByText("Esposito Costruzioni S.r.l.", { exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: /^Posizioni di/ }).getByRole("listitem")).toHaveCount(1);
  await checkPage(page);
});

test("an operator signs in on the office side and sees office and role", async ({ page }) => {
  await signInAsOperator(page, "Paolo Marino");

  await expect(page).toHaveURL(/\/fascicolo$/);
  await expect(page.getByRole("heading", { level: 1, name: "Benvenuto, Paolo Marino" })).toBeVisible();
  await expect(page.getByText("Operatore", { exact: true })).toBeVisible();
  await expect(page.getByText(/AOO 7000/)).toBeVisible();
  await checkPage(page);

  // The queue's search, and "Azzera i filtri" empties it again.
  await page.goto("/fascicolo/quesiti");
  await page.getByLabel("Cerca", { exact: true }).fill("RSSMRA78E14H501S");
  await page.getByRole("button", { name: "Applica i filtri" }).click();
  await expect(page).toHaveURL(/cerca=RSSMRA78E14H501S/);
  await page.getByRole("link", { name: "Azzera i filtri" }).click();
  await expect(page).toHaveURL(/\/fascicolo\/quesiti$/);
  await expect(page.getByLabel("Cerca", { exact: true })).toHaveValue("");
});

test("a contributor session does not open office pages, and an office session does not open the Cassetto", async ({ page }) => {
  await signInAsContributor(page, "Mario Rossi");
  await expect(page).toHaveURL(/\/cassetto$/);

  await page.goto("/fascicolo");
  await expect(page).toHaveURL(/\/fascicolo\/accesso/);
  await expect(page.getByRole("heading", { level: 1, name: "Accesso operatori" })).toBeVisible();

  await page.context().clearCookies();
  await signInAsOperator(page, "Elena Greco");
  await expect(page).toHaveURL(/\/fascicolo$/);
  await page.goto("/cassetto");
  await expect(page).toHaveURL(/\/accesso/);
  await expect(page.getByRole("heading", { level: 1, name: "Accesso al Cassetto Previdenziale" })).toBeVisible();
});

test("signing out of one side leaves the other signed in", async ({ page }) => {
  await signInAsContributor(page, "Mario Rossi");
  await signInAsOperator(page, "Elena Greco");

  await page.goto("/cassetto");
  await page.getByRole("button", { name: "Esci" }).click();
  await expect(page.getByText("Sei uscito dal servizio.")).toBeVisible();
  await page.goto("/cassetto");
  await expect(page).toHaveURL(/\/accesso/);

  await page.goto("/fascicolo");
  await expect(page.getByRole("heading", { level: 1, name: "Benvenuto, Elena Greco" })).toBeVisible();
  await page.getByRole("button", { name: "Esci" }).click();
  await page.goto("/fascicolo");
  await expect(page).toHaveURL(/\/fascicolo\/accesso/);
});

test("public pages and the not-found page are accessible", async ({ page }) => {
  for (const path of ["/", "/accessibilita", "/privacy", "/note-legali"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await checkPage(page);
  }
  const missing = await page.goto("/cassetto/pagina-che-non-esiste");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Pagina non trovata" })).toBeVisible();
  await checkPage(page);
});

test("the site's icons are linked from every page, and robots.txt keeps personal and intranet pages out of search engines", async ({
  page,
  request,
}) => {
  await page.goto("/");
  for (const selector of ['link[rel="icon"]', 'link[rel="apple-touch-icon"]']) {
    const href = await page.locator(selector).first().getAttribute("href");
    expect(href, selector).toBeTruthy();
    const icon = await request.get(href!);
    expect(icon.status(), href!).toBe(200);
    expect(icon.headers()["content-type"]).toMatch(/^image\//);
  }
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  const disallowed = (await robots.text()).split("\n").flatMap((line) => (line.startsWith("Disallow: ") ? [line.slice(10).trim()] : []));
  expect(disallowed).toEqual(expect.arrayContaining(["/cassetto", "/fascicolo", "/admin", "/api"]));
});
