import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { portsAbove } from "./support/ports";
import { isListening, startProcess, stopProcess, waitForHttpOk } from "./support/processes";

// Ports apart from the main e2e server's, and from other runs' (support/ports.ts).
const { http: demoPort, pg: pgPort } = portsAbove(1);
const { http: productionPort } = portsAbove(2);

test.describe.configure({ mode: "serial" });

test.describe("npm start from an empty data folder, with DATABASE_URL unset", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cb-quick-start-"));
  let portal: ReturnType<typeof startProcess>;

  test.afterAll(async () => {
    if (portal) await stopProcess(portal);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("brings up the portal with demo data on the embedded database", async ({ page }) => {
    test.setTimeout(180_000);
    portal = startProcess(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      APP_ENV: "demo",
      DATA_DIR: dataDir,
      PORT: String(demoPort),
      PUBLIC_URL: `http://localhost:${demoPort}`,
      EMBEDDED_PG_PORT: String(pgPort),
    });
    await waitForHttpOk(`http://localhost:${demoPort}/api/health/ready`, 150_000);

    expect(existsSync(path.join(dataDir, "postgres", "PG_VERSION"))).toBe(true);
    await page.goto(`http://localhost:${demoPort}/accesso`);
    await expect(page.getByRole("button", { name: "Accedi come Mario Rossi" })).toBeVisible();
  });

  test("in production mode the demo sign-in and the development mailbox do not exist", async ({ page }) => {
    test.setTimeout(90_000);
    const production = startProcess(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(productionPort)], {
      APP_ENV: "production",
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${pgPort}/cb`,
      PUBLIC_URL: `http://localhost:${productionPort}`,
      NEXTAUTH_URL: `http://localhost:${productionPort}`,
      AUTH_SECRET: "p".repeat(48),
      QUESTIONNAIRE_SECRET: "q".repeat(48),
      OIDC_CONTRIBUENTI_ISSUER: "http://127.0.0.1:9/identita",
      OIDC_CONTRIBUENTI_CLIENT_ID: "cassetto",
      OIDC_CONTRIBUENTI_CLIENT_SECRET: "segreto",
      OIDC_OPERATORI_ISSUER: "http://127.0.0.1:9/intranet",
      OIDC_OPERATORI_CLIENT_ID: "fascicolo",
      OIDC_OPERATORI_CLIENT_SECRET: "segreto",
    });
    try {
      await waitForHttpOk(`http://localhost:${productionPort}/api/health/ready`, 60_000);
      const base = `http://localhost:${productionPort}`;

      await page.goto(`${base}/accesso`);
      await expect(page.getByRole("button", { name: "Entra con SPID o CIE" })).toBeVisible();
      await expect(page.getByText("Identità dimostrative")).toHaveCount(0);
      await expect(page.getByText("RSSMRA78E14H501S")).toHaveCount(0);

      // The development mailbox does not exist in production.
      expect((await page.goto(`${base}/dev/posta`))?.status()).toBe(404);

      await page.goto(`${base}/fascicolo/accesso`);
      await expect(page.getByRole("button", { name: "Entra con l'identità aziendale INPS" })).toBeVisible();
      await expect(page.getByText("MRNPLA82H15H501Q")).toHaveCount(0);

      // Forging the demo form does not sign anyone in.
      const { csrfToken } = await (await page.request.get(`${base}/api/auth/csrf`)).json();
      const forgeries: [string, string][] = [
        ["cassetto-demo", "RSSMRA78E14H501S"],
        ["fascicolo-demo", "MRNPLA82H15H501Q"],
      ];
      for (const [provider, codiceFiscale] of forgeries) {
        await page.request.post(`${base}/api/auth/callback/${provider}`, {
          form: { csrfToken, codiceFiscale, callbackUrl: "/cassetto" },
          maxRedirects: 0,
        });
      }
      const cookies = await page.context().cookies();
      expect(cookies.map((cookie) => cookie.name)).not.toContain("cb.cassetto.session-token");
      expect(cookies.map((cookie) => cookie.name)).not.toContain("cb.fascicolo.session-token");
      await page.goto(`${base}/cassetto`);
      await expect(page).toHaveURL(/\/accesso/);
    } finally {
      await stopProcess(production);
    }
  });

  test("stops the portal and its database cleanly on SIGTERM", async () => {
    expect(await stopProcess(portal)).toBe(0);
    expect(await isListening(demoPort)).toBe(false);
    expect(await isListening(pgPort)).toBe(false);
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
  });
});
