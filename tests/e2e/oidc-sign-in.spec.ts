import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { computeCheckCharacter } from "../../src/lib/codice-fiscale";
import { brokenAccounts, startOidcProvider, type RunningOidcProvider } from "../support/oidc-provider";
import { checkPage } from "./support/page-checks";
import { e2ePgPort, portsAbove } from "./support/ports";
import { startProcess, stopProcess, waitForHttpOk } from "./support/processes";

/**
 * Production sign-in end to end: a real OpenID provider in-process, set up
 * like an identity proxy for SPID/CIE, and the built portal in production
 * mode (`next start`) on the e2e database, signing in on both realms.
 */

// The portal in production mode runs on the e2e server's database.
const portalPort = portsAbove(7).http;
const providerPort = portsAbove(8).http;
const portal = `http://localhost:${portalPort}`;
const pgPort = e2ePgPort;

const clients = {
  cassetto: { clientId: "cassetto", clientSecret: "segreto-del-cassetto", provider: "cassetto-spid", signIn: "/accesso" },
  fascicolo: { clientId: "fascicolo", clientSecret: "segreto-del-fascicolo", provider: "fascicolo-intranet", signIn: "/fascicolo/accesso" },
} as const;

test.describe.configure({ mode: "serial" });

let identityProvider: RunningOidcProvider;
let server: ReturnType<typeof startProcess>;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  identityProvider = await startOidcProvider(
    providerPort,
    Object.values(clients).map((client) => ({
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      redirectUri: `${portal}/api/auth/callback/${client.provider}`,
      postLogoutRedirectUri: `${portal}${client.signIn}?uscita=1`,
    })),
  );
  server = startProcess(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(portalPort)], {
    APP_ENV: "production",
    DATABASE_URL: `postgresql://postgres@127.0.0.1:${pgPort}/cb`,
    PUBLIC_URL: portal,
    NEXTAUTH_URL: portal,
    AUTH_SECRET: "s".repeat(48),
    QUESTIONNAIRE_SECRET: "q".repeat(48),
    OIDC_CONTRIBUENTI_ISSUER: identityProvider.issuer,
    OIDC_CONTRIBUENTI_CLIENT_ID: clients.cassetto.clientId,
    OIDC_CONTRIBUENTI_CLIENT_SECRET: clients.cassetto.clientSecret,
    OIDC_OPERATORI_ISSUER: identityProvider.issuer,
    OIDC_OPERATORI_CLIENT_ID: clients.fascicolo.clientId,
    OIDC_OPERATORI_CLIENT_SECRET: clients.fascicolo.clientSecret,
    LOG_LEVEL: "info",
  });
  await waitForHttpOk(`${portal}/api/health/ready`, 90_000);
});

test.afterAll(async () => {
  if (server) await stopProcess(server);
  if (identityProvider) await identityProvider.close();
});

/** Starts sign-in on a realm's page and stops at the provider's login form. */
async function goToProvider(page: Page, realm: keyof typeof clients): Promise<void> {
  await page.goto(`${portal}${clients[realm].signIn}`);
  const label = realm === "cassetto" ? "Entra con SPID o CIE" : "Entra con l'identità aziendale INPS";
  await page.getByRole("button", { name: label }).click();
  await expect(page).toHaveURL(new RegExp(`^${identityProvider.issuer}/`));
}

/** On the provider's login form: the login decides the claims (a codice fiscale, or a broken account). */
async function logInAtProvider(page: Page, login: string): Promise<void> {
  await page.locator("input[name=login]").fill(login);
  await page.locator("input[name=password]").fill("qualsiasi");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

async function signIn(page: Page, realm: keyof typeof clients, login: string): Promise<void> {
  await goToProvider(page, realm);
  await logInAtProvider(page, login);
}

const sessionCookie = async (context: BrowserContext, realm: keyof typeof clients) =>
  (await context.cookies(portal)).find((cookie) => cookie.name === `cb.${realm}.session-token`);

/** The security events the portal wrote since `from` (its log is JSON lines on stdout). */
function securityEvents(from: number): Array<Record<string, unknown>> {
  return server.output
    .slice(from)
    .join("")
    .split("\n")
    .filter((line) => line.includes('"channel":"security"'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A valid codice fiscale nobody else uses: a contributor first seen at this sign-in. */
function newCodiceFiscale(): string {
  const body = `NVOCTR90A01H${String(Date.now() % 1000).padStart(3, "0")}`;
  return body + computeCheckCharacter(body);
}

test("a contributor signs in through the identity provider and lands on their positions", async ({ page }) => {
  const logFrom = server.output.length;
  await signIn(page, "cassetto", "BNCGLI85C62F205V");

  await expect(page).toHaveURL(`${portal}/cassetto`);
  await expect(page.getByRole("heading", { level: 1, name: /^Ti diamo il benvenuto, / })).toBeVisible();
  await expect(page.getByRole("region", { name: "Gestione Separata – Liberi professionisti", exact: true })).toBeVisible();
  await checkPage(page);
  expect(securityEvents(logFrom)).toContainEqual(
    expect.objectContaining({ type: "sign-in", realm: "cassetto", codiceFiscale: "BNCGLI85C62F205V" }),
  );
  expect(server.output.slice(logFrom).join("")).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
});

test("sign-out ends the session on the portal and at the provider", async ({ page, browser }) => {
  await signIn(page, "cassetto", newCodiceFiscale());
  await expect(page.getByRole("heading", { level: 1, name: /^Ti diamo il benvenuto, / })).toBeVisible();
  const copied = await sessionCookie(page.context(), "cassetto");
  expect(copied).toBeDefined();

  const logFrom = server.output.length;
  await page.getByRole("button", { name: "Esci", exact: true }).click();
  // The provider's own logout (RP-initiated), then back to the portal.
  await expect(page).toHaveURL(new RegExp(`^${identityProvider.issuer}/`));
  await page.getByRole("button", { name: "Yes, sign me out" }).click();
  await expect(page).toHaveURL(`${portal}/accesso?uscita=1`);
  await expect(page.getByText("Sei uscito dal servizio.")).toBeVisible();
  expect(securityEvents(logFrom)).toContainEqual(expect.objectContaining({ type: "sign-out", realm: "cassetto" }));

  // The copied cookie opens nothing any more.
  const elsewhere = await browser.newContext();
  await elsewhere.addCookies([copied!]);
  const replay = await elsewhere.newPage();
  await replay.goto(`${portal}/cassetto`);
  await expect(replay).toHaveURL(/\/accesso/);
  await elsewhere.close();

  // The provider asks for the login again: its session ended too.
  await goToProvider(page, "cassetto");
  await expect(page.locator("input[name=login]")).toBeVisible();
});

test("claims without a valid codice fiscale are refused with an Italian page, and logged", async ({ page }) => {
  const cases = [
    [brokenAccounts.missing, "non ha comunicato il codice fiscale"],
    [brokenAccounts.malformed, "in un formato non previsto"],
    [brokenAccounts.invalid, "non è valido"],
  ] as const;
  for (const [login, message] of cases) {
    const logFrom = server.output.length;
    await page.context().clearCookies();
    await signIn(page, "cassetto", login);
    await expect(page).toHaveURL(/\/accesso\?error=/);
    await expect(page.getByRole("alert").or(page.locator("[role=status]")).filter({ hasText: message })).toBeVisible();
    expect(await sessionCookie(page.context(), "cassetto")).toBeUndefined();
    expect(securityEvents(logFrom)).toContainEqual(expect.objectContaining({ type: "sign-in-refused", realm: "cassetto" }));
  }
  await checkPage(page);
  await page.goto(`${portal}/cassetto`);
  await expect(page).toHaveURL(/\/accesso/);
});

test("state, nonce and PKCE are checked: a callback with another flow's value is refused", async ({ page }) => {
  // What the portal's security log says of each: the check that failed, never the values compared.
  const reasons = {
    state: /^OAUTH_CALLBACK_ERROR: state mismatch$/,
    nonce: /^OAUTH_CALLBACK_ERROR: nonce mismatch$/,
    pkce: /^OAUTH_CALLBACK_ERROR: invalid_grant/,
  };
  for (const check of ["state", "nonce", "pkce"] as const) {
    const cookieName = `cb.cassetto.${check}`;
    await page.context().clearCookies();
    // An abandoned flow leaves its own state, nonce and code verifier...
    await goToProvider(page, "cassetto");
    const stale = (await page.context().cookies(portal)).find((cookie) => cookie.name === cookieName);
    expect(stale, cookieName).toBeDefined();
    // ...which replace this flow's own before the provider sends the browser back.
    await goToProvider(page, "cassetto");
    await page.context().addCookies([stale!]);
    const logFrom = server.output.length;
    await logInAtProvider(page, "SPSNTN70S03F839H");

    await expect(page).toHaveURL(/\/accesso\?.*error=OAuthCallback/);
    await expect(page.getByText("L'accesso non è stato confermato dal gestore dell'identità o è scaduto.")).toBeVisible();
    expect(await sessionCookie(page.context(), "cassetto"), check).toBeUndefined();
    expect(securityEvents(logFrom), check).toContainEqual(
      expect.objectContaining({ type: "sign-in-refused", realm: "cassetto", reason: expect.stringMatching(reasons[check]) }),
    );
  }
});

test("an operator signs in through the intranet provider; someone who is not an operator is refused", async ({ page }) => {
  await signIn(page, "fascicolo", "BRNMRC69B21H501B");
  await expect(page).toHaveURL(`${portal}/fascicolo`);
  await expect(page.getByRole("heading", { level: 1, name: "Benvenuto, Marco Bruno" })).toBeVisible();
  // The Cassetto is another realm: no session there.
  await page.goto(`${portal}/cassetto`);
  await expect(page).toHaveURL(/\/accesso/);

  await page.context().clearCookies();
  await signIn(page, "fascicolo", "RSSMRA78E14H501S");
  await expect(page).toHaveURL(/\/fascicolo\/accesso\?error=operator-not-enabled/);
  await expect(page.getByText("Identità non abilitata all'accesso al Fascicolo")).toBeVisible();
  await checkPage(page);
});
