/**
 * `npm run bench:submit`: "Invia" of Nuova richiesta under load, through the
 * real HTTP route of the built server, beside the floor of the same inserts
 * sent by node-postgres in one plain transaction each. Not a test: it prints
 * figures (submissions per second, median and 95th percentile latency,
 * errors, and whether the office's protocol numbers came out unique and
 * gap-free) and never fails on them.
 *
 * Needs a build (`npm run build`; built here when missing). Starts a
 * throwaway embedded PostgreSQL (migrated, reference data loaded), one office
 * and, per submitter, a holder with an AZIENDE position there, then `next
 * start` on a free port with a temporary DATA_DIR. Each submitter holds a
 * session (its row and its cookie, minted with the server's AUTH_SECRET, as
 * the sign-in would set them; the submissions' rate limit set out of reach) and posts BENCH_PER_SUBMITTER forms one after another; all
 * submitters run at once, for each level of BENCH_CONCURRENCY (default
 * "10,50"), without files and with one file of BENCH_FILE_BYTES (default
 * 1 MB). Everything is removed at the end.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { Gestione } from "../../src/generated/prisma/enums";
import { createPrismaClient } from "../../src/server/db/create-client";
import { createThrowawayDatabase, freePort } from "../../src/server/db/throwaway-database";
import { formatProtocolNumber, romeCalendarDate } from "../../src/server/protocol/format-protocol-number";
import { seedDatabase } from "../../prisma/seed/seed-database";
import { percentile, sizeFromEnv } from "./support/numbers";
import { ensureBuild, sessionCookie, startBuiltServer, tearDown } from "./support/server";

const LEVELS = (process.env.BENCH_CONCURRENCY ?? "10,50").split(",").map((level) => {
  const value = Number(level);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error("BENCH_CONCURRENCY: numeri interi positivi separati da virgole.");
  return value;
});
const PER_SUBMITTER = sizeFromEnv("BENCH_PER_SUBMITTER", 4);
const FILE_BYTES = sizeFromEnv("BENCH_FILE_BYTES", 1024 * 1024);
const SUBMITTERS = Math.max(...LEVELS);
const PDF_HEAD = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
const TEXT = "Chiedo la verifica del versamento di marzo, non abbinato alla matricola della ditta.";

type Submitter = { personId: string; positionId: string; cookie: string };
type CaseResult = { count: number; errors: number; ms: number; latencies: number[]; firstError?: string };

function report(label: string, result: CaseResult): void {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const perSecond = (result.count / result.ms) * 1000;
  console.log(
    `  ${label.padEnd(38)} ${String(result.count).padStart(4)} invii  ${perSecond.toFixed(1).padStart(7)}/s  ` +
      `p50 ${percentile(sorted, 0.5).toFixed(0).padStart(5)} ms  p95 ${percentile(sorted, 0.95).toFixed(0).padStart(5)} ms  ` +
      `errori ${result.errors}${result.firstError ? ` (primo: ${result.firstError})` : ""}`,
  );
}

/** `lanes` loops running at once, each doing `perLane` calls of `work` one after another. */
async function runLanes(
  lanes: number,
  perLane: number,
  work: (lane: number, round: number) => Promise<string | null>,
): Promise<CaseResult> {
  const result: CaseResult = { count: 0, errors: 0, ms: 0, latencies: [] };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let round = 0; round < perLane; round++) {
        const begun = performance.now();
        const error = await work(lane, round).catch((caught: unknown) => String(caught));
        result.latencies.push(performance.now() - begun);
        result.count++;
        if (error) {
          result.errors++;
          result.firstError ??= error;
        }
      }
    }),
  );
  result.ms = performance.now() - started;
  return result;
}

function pdf(size: number): Blob {
  const head = Buffer.from(PDF_HEAD, "latin1");
  return new Blob([Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x20)])], { type: "application/pdf" });
}

/** One "Invia" through the route: null when it registered a request (303 to its page), else what went wrong. */
async function submitForm(baseUrl: string, submitter: Submitter, subjectId: string, file: Blob | null): Promise<string | null> {
  const form = new FormData();
  form.set("idempotencyKey", randomUUID());
  form.set("subjectId", subjectId);
  form.set("text", TEXT);
  form.set("email", "titolare@example.it");
  form.set("consentEmail", "on");
  if (file) form.set("allegati", file, "estratto-conto.pdf");
  const response = await fetch(`${baseUrl}/api/cassetto/richieste?posizione=${submitter.positionId}`, {
    method: "POST",
    body: form,
    headers: { cookie: submitter.cookie, origin: baseUrl },
    redirect: "manual",
  });
  await response.arrayBuffer();
  const location = response.headers.get("location") ?? "";
  if (response.status === 303 && /\/cassetto\/richieste\/[0-9a-f-]{36}\?inviata=1$/.test(location)) return null;
  return `HTTP ${response.status}${location ? ` → ${location}` : ""}`;
}

/**
 * The floor: per submission, one transaction of plain SQL with the rows the
 * service writes (counter, request, quesito, message, attachment, the two
 * opening events and their e-mail notices; the notices' pg-boss jobs are left
 * out), over a node-postgres pool as large as the app's default.
 */
async function floor(
  pool: pg.Pool,
  officeId: string,
  officeCode: string,
  submitters: Submitter[],
  subject: { id: string; gestione: Gestione },
  withFile: boolean,
) {
  const lanes = submitters.length;
  return runLanes(lanes, PER_SUBMITTER, async (lane) => {
    const submitter = submitters[lane]!;
    const now = new Date();
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const requestId = randomUUID();
      const messageId = randomUUID();
      const counter = await client.query<{ lastValue: number }>(
        `INSERT INTO "ProtocolCounter" ("officeId", "year", "lastValue") VALUES ($1, $2, 1)
         ON CONFLICT ("officeId", "year") DO UPDATE SET "lastValue" = "ProtocolCounter"."lastValue" + 1 RETURNING "lastValue"`,
        [officeId, romeCalendarDate(now).year],
      );
      const protocolNumber = formatProtocolNumber(officeCode, now, counter.rows[0]!.lastValue);
      await client.query(
        `INSERT INTO "Request" ("id", "positionId", "subjectId", "text", "submittedById", "actingProfile", "holderId",
           "contactEmail", "consentEmail", "protocolNumber", "idempotencyKey", "createdAt", "lastActivityAt")
         VALUES ($1, $2, $3, $4, $5, 'TITOLARE', $5, 'titolare@example.it', true, $6, $7, $8, $8)`,
        [requestId, submitter.positionId, subject.id, TEXT, submitter.personId, protocolNumber, randomUUID(), now],
      );
      // The positions' gestione is the subject's, as the service checks.
      await client.query(
        `INSERT INTO "Quesito" ("id", "requestId", "officeId", "gestione", "subjectId", "receivedAt", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, $6)`,
        [randomUUID(), requestId, officeId, subject.gestione, subject.id, now],
      );
      await client.query(
        `INSERT INTO "Message" ("id", "requestId", "visibility", "body", "authorPersonId", "actingProfile", "bundleKey", "bundleSize", "bundleSha256", "createdAt")
         VALUES ($1, $2, 'PUBBLICO', $3, $4, 'TITOLARE', $5, $6, $7, $8)`,
        [
          messageId,
          requestId,
          TEXT,
          submitter.personId,
          withFile ? `bundles/${randomUUID()}` : null,
          withFile ? FILE_BYTES : null,
          withFile ? "0".repeat(64) : null,
          now,
        ],
      );
      if (withFile) {
        await client.query(
          `INSERT INTO "Attachment" ("id", "messageId", "fileName", "mimeType", "size", "sha256", "storageKey", "createdAt")
           VALUES ($1, $2, 'estratto-conto.pdf', 'application/pdf', $3, $4, $5, $6)`,
          [randomUUID(), messageId, FILE_BYTES, "0".repeat(64), `attachments/${randomUUID()}`, now],
        );
      }
      for (const type of ["PROTOCOLLATA", "SMISTATA"]) {
        const eventId = randomUUID();
        await client.query(
          `INSERT INTO "RequestEvent" ("id", "requestId", "type", "actorPersonId", "toState", "data", "createdAt")
           VALUES ($1, $2, $3, $4, 'NUOVO', $5, $6)`,
          [eventId, requestId, type, type === "PROTOCOLLATA" ? submitter.personId : null, JSON.stringify({ protocolNumber }), now],
        );
        await client.query(
          `INSERT INTO "Notification" ("id", "requestId", "eventId", "channel", "recipient", "template", "templateVersion", "subject", "body", "htmlBody", "updatedAt")
           VALUES ($1, $2, $3, 'EMAIL', 'titolare@example.it', $4, 1, $5, $6, $7, $8)`,
          [
            randomUUID(),
            requestId,
            eventId,
            type,
            `Richiesta n. ${protocolNumber}`,
            `Richiesta n. ${protocolNumber}`,
            `<p>Richiesta n. ${protocolNumber}</p>`,
            now,
          ],
        );
      }
      await client.query("COMMIT");
      return null;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  });
}

/** Whether the office's protocol numbers of this run are 1…n without a gap or a repeat. */
async function protocolCheck(pool: pg.Pool, officeId: string): Promise<string> {
  const { rows } = await pool.query<{ count: string; distinct: string; max: string | null }>(
    `SELECT count(*) AS count, count(DISTINCT r."protocolNumber") AS distinct,
            max(split_part(r."protocolNumber", '.', 4)::int) AS max
       FROM "Request" r JOIN "Quesito" q ON q."requestId" = r."id" WHERE q."officeId" = $1`,
    [officeId],
  );
  const { count, distinct, max } = rows[0]!;
  const ok = count === distinct && String(max ?? 0) === count;
  return `${count} richieste, numeri di protocollo ${ok ? "unici e senza salti" : `NON regolari (distinti ${distinct}, massimo ${max})`}`;
}

async function main(): Promise<void> {
  ensureBuild();
  const database = await createThrowawayDatabase({ label: "bench" });
  const dataDir = await mkdtemp(path.join(tmpdir(), "cb-bench-submit-"));
  const prisma = createPrismaClient(database.url);
  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  let server: ChildProcess | undefined;
  try {
    await seedDatabase(prisma, { includeDemo: false });
    const subject = await prisma.subject.findFirstOrThrow({
      where: { gestione: "AZIENDE", parentId: { not: null }, active: true },
      orderBy: { code: "asc" },
    });
    const secret = randomBytes(48).toString("base64url");
    const submitters: Submitter[] = [];
    const offices = new Map<string, { id: string; code: string }>();
    for (const [index, kind] of ["app", "floor"].entries()) {
      const office = await prisma.office.create({
        data: { code: `98${index}0`, name: `Sede di prova ${kind}`, region: "Lazio", city: "Roma" },
      });
      offices.set(kind, office);
    }
    const appOffice = offices.get("app")!;
    for (let index = 0; index < SUBMITTERS; index++) {
      const person = await prisma.person.create({
        data: {
          codiceFiscale: `BNCSUB${String(index).padStart(5, "0")}X`.slice(0, 16),
          givenName: "Titolare",
          familyName: `Prova${index}`,
        },
      });
      const position = await prisma.position.create({
        data: {
          gestione: "AZIENDE",
          matricola: String(7_000_000_000 + index),
          denominazione: `Ditta ${index}`,
          province: "RM",
          holderId: person.id,
          officeId: appOffice.id,
        },
      });
      const cookie = await sessionCookie(prisma, secret, { personId: person.id });
      submitters.push({ personId: person.id, positionId: position.id, cookie });
    }

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    server = await startBuiltServer({
      port,
      databaseUrl: database.url,
      dataDir,
      secret,
      extra: {
        // Every submitter posts from 127.0.0.1: the per-address limit would measure itself.
        RATE_LIMIT_SUBMISSIONS: "999999/600",
      },
    });
    // Warm-up: the route's first call compiles and connects.
    await submitForm(baseUrl, submitters[0]!, subject.id, null);

    console.log(
      `Invio di richieste: ${PER_SUBMITTER} invii per ciascun mittente, tutti verso una sede; file di ${(FILE_BYTES / 1024 / 1024).toFixed(1)} MB.`,
    );
    const floorOffice = offices.get("floor")!;
    for (const level of LEVELS) {
      for (const withFile of [false, true]) {
        const file = withFile ? pdf(FILE_BYTES) : null;
        const label = `${level} mittenti, ${withFile ? "un file" : "senza file"}`;
        console.log(`${label}:`);
        const app = await runLanes(level, PER_SUBMITTER, (lane) => submitForm(baseUrl, submitters[lane]!, subject.id, file));
        report("route HTTP (next start)", app);
        const plain = await floor(pool, floorOffice.id, floorOffice.code, submitters.slice(0, level), subject, withFile);
        report("SQL diretto, una transazione (floor)", plain);
      }
    }
    console.log(`Sede dell'app: ${await protocolCheck(pool, appOffice.id)}.`);
  } finally {
    await tearDown({ server, pool, prisma, database, dataDir });
  }
}

await main();
