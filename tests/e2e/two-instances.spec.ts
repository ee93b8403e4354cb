import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../src/server/db/embedded-postgres";
import { createBucket, s3StorageEnv, startS3Server, testS3Client, type TestS3Server } from "../support/s3-server";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp-server";
import { checkPage } from "./support/page-checks";
import { portsAbove } from "./support/ports";
import { startProcess, stopProcess, waitForHttpOk } from "./support/processes";
import { pdfFile } from "./support/sample-files";
import { signInAsContributor } from "./support/sign-in";
import { sentRequestProtocol } from "./support/requests";

// Scale-out (issue 12): two app instances, each with its own notification
// worker and its own DATA_DIR, on one PostgreSQL and one S3-compatible bucket
// (s3rver in this process). Whatever one instance does, the other sees:
// requests, files, rate-limit counts; and a notice goes out once.
const { http: firstPort, pg: pgPort } = portsAbove(4);
const { http: secondPort } = portsAbove(5);
const BUCKET = "cb-due-istanze";
/** Three sign-ins per codice fiscale in ten minutes, counted across both instances. */
const SIGN_IN_LIMIT = 3;
const fileName = "estratto-conto-due-istanze.pdf";

const origin = (port: number) => `http://localhost:${port}`;

test.describe.configure({ mode: "serial" });

test.describe("two app instances on one database and one object store", () => {
  const work = mkdtempSync(path.join(tmpdir(), "cb-two-instances-"));
  let database: EmbeddedPostgres | undefined;
  let s3: TestS3Server | undefined;
  let smtp: TestSmtpServer | undefined;
  const portals: ReturnType<typeof startProcess>[] = [];
  let protocol = "";

  function startPortal(port: number, databaseUrl: string, s3Endpoint: string, smtpUrl: string) {
    const portal = startProcess(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      APP_ENV: "demo",
      PORT: String(port),
      PUBLIC_URL: origin(port),
      // Each instance its own local folder: nothing may be shared through it.
      DATA_DIR: path.join(work, `istanza-${port}`),
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: "segreto-condiviso-dalle-istanze-".padEnd(48, "x"),
      QUESTIONNAIRE_SECRET: "segreto-dei-questionari-condiviso-".padEnd(48, "x"),
      SMTP_URL: smtpUrl,
      RATE_LIMIT_SIGN_IN: `${SIGN_IN_LIMIT}/600`,
      LOG_LEVEL: "warn",
      ...s3StorageEnv(s3Endpoint, BUCKET),
    });
    portals.push(portal);
    return portal;
  }

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    // Run as root, PostgreSQL runs as the `postgres` user, who must reach the cluster inside.
    chmodSync(work, 0o755);
    mkdirSync(path.join(work, "database"), { mode: 0o755 });
    database = await startEmbeddedPostgres({ dataDir: path.join(work, "database"), port: pgPort });
    s3 = await startS3Server();
    await createBucket(s3.endpoint, BUCKET);
    smtp = await startSmtpServer();
    // One after the other: the first applies the migrations and loads the demo data.
    startPortal(firstPort, database.url, s3.endpoint, smtp.url);
    await waitForHttpOk(`${origin(firstPort)}/api/health/ready`, 150_000);
    startPortal(secondPort, database.url, s3.endpoint, smtp.url);
    await waitForHttpOk(`${origin(secondPort)}/api/health/ready`, 120_000);
  });

  test.afterAll(async () => {
    await Promise.all(portals.map((portal) => stopProcess(portal)));
    await database?.stop();
    await s3?.stop();
    await smtp?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  /** A browser session of its own on the instance at `port`. */
  const sessionOn = (browser: Browser, port: number): Promise<BrowserContext> => browser.newContext({ baseURL: origin(port) });

  test("a request sent through the first instance is read, and its file downloaded, through the second", async ({ browser }) => {
    test.setTimeout(180_000);
    const first = await sessionOn(browser, firstPort);
    const sender = await first.newPage();
    await signInAsContributor(sender, "Mario Rossi");
    await sender.goto("/cassetto/richieste/nuova");
    await sender.getByLabel("Oggetto").selectOption({ index: 1 });
    await sender.getByLabel("Testo della richiesta").fill("Inviata alla prima istanza, letta dalla seconda.");
    await sender.getByLabel("Voglio ricevere gli avvisi per e-mail").check();
    await sender.getByLabel("Allegati").setInputFiles([pdfFile(fileName)]);
    await checkPage(sender);
    await sender.getByRole("button", { name: "Invia la richiesta" }).click();
    protocol = await sentRequestProtocol(sender);
    await first.close();

    const second = await sessionOn(browser, secondPort);
    const reader = await second.newPage();
    await signInAsContributor(reader, "Mario Rossi");
    await reader.goto("/cassetto/richieste");
    await checkPage(reader);
    await reader.getByRole("link", { name: protocol }).click();
    await expect(reader.getByText("Inviata alla prima istanza, letta dalla seconda.")).toBeVisible();
    await checkPage(reader);
    const href = (await reader.getByRole("link", { name: fileName }).getAttribute("href")) ?? "";
    const download = await reader.request.get(href);
    expect(download.status()).toBe(200);
    expect(await download.body()).toEqual(pdfFile(fileName).buffer);
    await second.close();

    // The bytes live in the bucket, on neither instance's disk.
    const client = testS3Client(s3!.endpoint);
    const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    client.destroy();
    const keys = (listed.Contents ?? []).map((object) => object.Key);
    expect(keys).toEqual(expect.arrayContaining([expect.stringMatching(/^attachments\//), expect.stringMatching(/^bundles\//)]));
    for (const port of [firstPort, secondPort]) expect(existsSync(path.join(work, `istanza-${port}`, "files"))).toBe(false);
  });

  test("with a worker in each instance, every notice of the request is delivered once", async () => {
    test.setTimeout(60_000);
    const subjects = [`Richiesta protocollata n. ${protocol}`, `Richiesta n. ${protocol} assegnata alla sede competente`];
    const delivered = () => smtp!.received.filter((received) => received.envelopeTo.includes("mario.rossi@example.it"));
    await expect.poll(() => delivered().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(subjects.length);
    // Both workers poll the queue twice a second: long enough for a second delivery to show.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(
      delivered()
        .map((received) => received.mail.subject)
        .sort(),
    ).toEqual([...subjects].sort());
  });

  test("a rate limit counted on one instance holds on the other", async ({ browser }) => {
    test.setTimeout(120_000);
    const ports = [firstPort, secondPort, firstPort];
    for (const port of ports) {
      const context = await sessionOn(browser, port);
      const page = await context.newPage();
      await signInAsContributor(page, "Giulia Bianchi");
      await expect(page).toHaveURL(/\/cassetto(\/|$)/);
      await context.close();
    }
    // The limit's last sign-ins went through the first instance; the second refuses the next.
    const context = await sessionOn(browser, secondPort);
    const page = await context.newPage();
    await signInAsContributor(page, "Giulia Bianchi");
    await expect(page.getByText("Troppi tentativi di accesso in poco tempo: riprovare tra qualche minuto.")).toBeVisible();
    await checkPage(page);
    await context.close();
  });

  test("a gestione renamed elsewhere is shown renamed by an instance that keeps reference data in memory", async ({ browser }) => {
    test.setTimeout(60_000);
    const context = await sessionOn(browser, secondPort);
    const page = await context.newPage();
    await signInAsContributor(page, "Mario Rossi");
    await page.goto("/cassetto");
    // Twice: the second view is served from the instance's reference cache (decision 0050).
    await page.reload();
    await expect(page.getByText("(rinominata)")).toHaveCount(0);

    // As another instance or an administrator's script would: the table's trigger tells every listening instance.
    const client = new pg.Client({ connectionString: database!.url });
    await client.connect();
    await client.query(`UPDATE "GestioneSettings" SET "label" = "label" || ' (rinominata)'`);
    try {
      await expect
        .poll(
          async () => {
            await page.reload();
            return page.getByText("(rinominata)").count();
          },
          { timeout: 10_000 },
        )
        .toBeGreaterThan(0);
    } finally {
      await client.query(`UPDATE "GestioneSettings" SET "label" = replace("label", ' (rinominata)', '')`);
      await client.end();
    }
    await context.close();
  });
});
