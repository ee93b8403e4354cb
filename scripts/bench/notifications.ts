/**
 * `npm run bench:notifications`: how many notifications per second the
 * delivery worker sends, and how long each takes, with one SMTP connection
 * per message and with a pool of connections (SMTP_POOL, decision 0026),
 * against raw nodemailer with the same transport in the same run. Not a
 * test: it prints figures and never fails on them.
 *
 * Starts a throwaway embedded PostgreSQL (migrated) and an in-process SMTP
 * server that accepts everything after STARTTLS and a login, as a submission
 * server does, then, without the pool and with it:
 *   1. raw nodemailer: BENCH_COUNT e-mails sent straight through the
 *      transport the worker uses (`createSmtpTransport`), as many at a time as
 *      the worker keeps in flight; latency is one `sendMail`;
 *   2. worker: BENCH_COUNT notifications enqueued (rows and pg-boss jobs, in
 *      transactions of 500), then delivered by the worker, timed from its
 *      start to the last SENT row; latency is from the job's pick-up by a
 *      lane to the SENT row (the wait in the queue is left out: everything
 *      is enqueued before the worker starts).
 * Each phase stops after BENCH_TIMEOUT_SECONDS (default 120); everything is
 * removed at the end. SMTP_POOL_MAX_CONNECTIONS and SMTP_POOL_MAX_MESSAGES
 * apply as in production (defaults 10 and 100).
 */
import { SMTPServer } from "smtp-server";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { parseConfig, type AppConfig } from "../../src/server/config";
import { createPrismaClient } from "../../src/server/db/create-client";
import { createThrowawayDatabase, freePort } from "../../src/server/db/throwaway-database";
import { createSmtpTransport, type SmtpPooling } from "../../src/server/notifications/channels/email";
import { addToOutbox, type OutboxMessage } from "../../src/server/notifications/outbox";
import { NOTIFICATION_QUEUE } from "../../src/server/notifications/queue";
import { startNotificationWorker } from "../../src/server/worker/start-notification-worker";

const COUNT = Number(process.env.BENCH_COUNT ?? 10_000);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 120) * 1000;
const CONCURRENCY = 4;
const BATCH_SIZE = 10;
const IN_FLIGHT = CONCURRENCY * BATCH_SIZE;
const ENQUEUE_CHUNK = 500;
const FROM = "bench@inps.example.it";

function rate(count: number, ms: number): string {
  return `${Math.round((count / ms) * 1000).toLocaleString("it-IT")} al secondo`;
}

async function startSmtp(): Promise<{ url: string; received: () => number; stop: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    // As a submission server: STARTTLS (smtp-server's own test certificate) and a login on each connection.
    authOptional: true,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    logger: false,
    closeTimeout: 100,
    onData(stream, _session, callback) {
      stream.on("end", () => {
        received++;
        callback();
      });
      stream.resume();
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `smtp://bench:segreto@127.0.0.1:${port}/?tls.rejectUnauthorized=false`,
    received: () => received,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

function message(index: number, template: string): OutboxMessage {
  return {
    requestId: null,
    eventId: null,
    channel: "EMAIL",
    recipient: `contribuente${index}@example.it`,
    template,
    templateVersion: 1,
    subject: `Prova di carico ${index}`,
    body: `Messaggio di prova numero ${index}.`,
    htmlBody: `<p>Messaggio di prova numero ${index}.</p>`,
  };
}

type Figures = { sent: number; ms: number; latencies: number[] };

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

function report(label: string, figures: Figures): string {
  const sorted = [...figures.latencies].sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(1).replace(".", ",")} ms`;
  const timedOut = figures.sent < COUNT ? ` (fermato dopo ${TIMEOUT_MS / 1000} s)` : "";
  return (
    `${label}: ${figures.sent} in ${figures.ms} ms, ${rate(figures.sent, figures.ms)}; ` +
    `latenza p50 ${ms(percentile(sorted, 0.5))}, p95 ${ms(percentile(sorted, 0.95))}${timedOut}`
  );
}

async function rawNodemailer(url: string, pooling: SmtpPooling): Promise<Figures> {
  const transport = createSmtpTransport(url, pooling);
  const started = Date.now();
  const latencies: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < COUNT && Date.now() - started < TIMEOUT_MS) {
      const outgoing = message(next++, "raw");
      const sending = performance.now();
      await transport.sendMail({
        from: FROM,
        to: outgoing.recipient,
        subject: outgoing.subject ?? "",
        text: outgoing.body,
        html: outgoing.htmlBody ?? "",
      });
      latencies.push(performance.now() - sending);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  const ms = Date.now() - started;
  transport.close();
  return { sent: latencies.length, ms, latencies };
}

async function worker(databaseUrl: string, prisma: PrismaClient, config: AppConfig, template: string): Promise<Figures> {
  for (let first = 0; first < COUNT; first += ENQUEUE_CHUNK) {
    const chunk = Array.from({ length: Math.min(ENQUEUE_CHUNK, COUNT - first) }, (_, offset) => message(first + offset, template));
    await prisma.$transaction((tx) => addToOutbox(tx, chunk, config), { timeout: 60_000 });
  }
  const started = Date.now();
  const running = await startNotificationWorker({ databaseUrl, config, concurrency: CONCURRENCY, batchSize: BATCH_SIZE });
  let sent = 0;
  while (sent < COUNT && Date.now() - started < TIMEOUT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    sent = await prisma.notification.count({ where: { template, status: "SENT" } });
  }
  const ms = Date.now() - started;
  await running.stop();
  // What a phase stopped by the timeout left waiting must not be sent by the next one.
  await prisma.$executeRaw`DELETE FROM pgboss.job WHERE name = ${NOTIFICATION_QUEUE} AND state IN ('created', 'retry')`;
  // The job, still in pgboss.job (archived only after QUEUE_ARCHIVE_AFTER_SECONDS), says when a lane picked it up.
  const rows = await prisma.$queryRaw<{ ms: number }[]>`
    SELECT (EXTRACT(EPOCH FROM n."sentAt" - job.started_on) * 1000)::float8 AS ms
    FROM "Notification" AS n JOIN pgboss.job AS job ON job.id = n.id
    WHERE n.template = ${template} AND n.status = 'SENT'`;
  return { sent, ms, latencies: rows.map((row) => row.ms) };
}

async function main(): Promise<void> {
  const database = await createThrowawayDatabase({ label: "bench" });
  const smtp = await startSmtp();
  const prisma = createPrismaClient(database.url);
  try {
    const unpooled = parseConfig({ ...process.env, SMTP_URL: smtp.url, MAIL_FROM: FROM, SMTP_POOL: "false" });
    const pooled = parseConfig({ ...process.env, SMTP_URL: smtp.url, MAIL_FROM: FROM, SMTP_POOL: "true" });
    const pool = `pool di ${pooled.SMTP_POOL_MAX_CONNECTIONS} connessioni, ${pooled.SMTP_POOL_MAX_MESSAGES} messaggi ciascuna`;
    console.log(`Notifiche: ${COUNT.toLocaleString("it-IT")} e-mail per fase verso un server SMTP locale; ${IN_FLIGHT} invii alla volta.`);
    console.log(report("1. nodemailer diretto, una connessione per messaggio", await rawNodemailer(smtp.url, unpooled)));
    console.log(report(`2. nodemailer diretto, ${pool}`, await rawNodemailer(smtp.url, pooled)));
    // Only e-mails, all to the SMTP server: nothing is captured under DATA_DIR.
    console.log(
      report("3. worker pg-boss, una connessione per messaggio", await worker(database.url, prisma, unpooled, "bench-senza-pool")),
    );
    console.log(report(`4. worker pg-boss, ${pool}`, await worker(database.url, prisma, pooled, "bench-con-pool")));
    console.log(`   ricevute dal server SMTP: ${smtp.received()}`);
  } finally {
    await prisma.$disconnect();
    await smtp.stop();
    await database.dispose();
  }
}

await main();
