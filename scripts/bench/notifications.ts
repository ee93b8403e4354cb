/**
 * `npm run bench:notifications`: how many notifications per second the
 * delivery worker sends, against a baseline in the same run. Not a test: it
 * prints figures and never fails on them.
 *
 * Starts a throwaway embedded PostgreSQL (migrated) and an in-process SMTP
 * server that accepts everything, then:
 *   1. baseline: BENCH_COUNT e-mails sent straight through the same pooled
 *      nodemailer sender, as many at a time as the worker keeps in flight;
 *   2. outbox: BENCH_COUNT notifications enqueued (rows and pg-boss jobs, in
 *      transactions of 500), then delivered by the worker, timed from its
 *      start to the last SENT row.
 * Each phase stops after BENCH_TIMEOUT_SECONDS (default 120); everything is
 * removed at the end.
 */
import { SMTPServer } from "smtp-server";
import { parseConfig } from "../../src/server/config";
import { createPrismaClient } from "../../src/server/db/create-client";
import { createThrowawayDatabase, freePort } from "../../src/server/db/throwaway-database";
import { smtpSender } from "../../src/server/notifications/channels/email";
import { addToOutbox, type OutboxMessage } from "../../src/server/notifications/outbox";
import { startNotificationWorker } from "../../src/server/worker/start-notification-worker";

const COUNT = Number(process.env.BENCH_COUNT ?? 10_000);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 120) * 1000;
const CONCURRENCY = 4;
const BATCH_SIZE = 10;
const IN_FLIGHT = CONCURRENCY * BATCH_SIZE;
const ENQUEUE_CHUNK = 500;

function rate(count: number, ms: number): string {
  return `${Math.round((count / ms) * 1000).toLocaleString("it-IT")} al secondo`;
}

async function startSmtp(): Promise<{ url: string; received: () => number; stop: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
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
  return { url: `smtp://127.0.0.1:${port}`, received: () => received, stop: () => new Promise((resolve) => server.close(resolve)) };
}

function message(index: number): OutboxMessage {
  return {
    requestId: null,
    eventId: null,
    channel: "EMAIL",
    recipient: `contribuente${index}@example.it`,
    template: "bench",
    templateVersion: 1,
    subject: `Prova di carico ${index}`,
    body: `Messaggio di prova numero ${index}.`,
    htmlBody: `<p>Messaggio di prova numero ${index}.</p>`,
  };
}

async function baseline(url: string): Promise<{ sent: number; ms: number }> {
  const sender = smtpSender({ url, from: "bench@inps.example.it", channel: "EMAIL" });
  const started = Date.now();
  let next = 0;
  let sent = 0;
  const lane = async () => {
    while (next < COUNT && Date.now() - started < TIMEOUT_MS) {
      const index = next++;
      const outgoing = message(index);
      await sender.send({ notificationId: `baseline-${index}`, ...outgoing });
      sent++;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  const ms = Date.now() - started;
  sender.close();
  return { sent, ms };
}

async function main(): Promise<void> {
  const database = await createThrowawayDatabase({ label: "bench" });
  const smtp = await startSmtp();
  const prisma = createPrismaClient(database.url);
  try {
    console.log(`Notifiche: ${COUNT.toLocaleString("it-IT")} e-mail verso un server SMTP locale; ${IN_FLIGHT} invii alla volta.`);

    const direct = await baseline(smtp.url);
    console.log(`1. nodemailer diretto (riferimento): ${direct.sent} inviate in ${direct.ms} ms, ${rate(direct.sent, direct.ms)}`);

    // Only e-mails, all to the SMTP server: nothing is captured under DATA_DIR.
    const config = parseConfig({ SMTP_URL: smtp.url, MAIL_FROM: "bench@inps.example.it" });
    const enqueueStarted = Date.now();
    for (let first = 0; first < COUNT; first += ENQUEUE_CHUNK) {
      const chunk = Array.from({ length: Math.min(ENQUEUE_CHUNK, COUNT - first) }, (_, offset) => message(first + offset));
      await prisma.$transaction((tx) => addToOutbox(tx, chunk, config), { timeout: 60_000 });
    }
    const enqueueMs = Date.now() - enqueueStarted;
    console.log(`2. accodamento (righe Notification + job pg-boss): ${COUNT} in ${enqueueMs} ms, ${rate(COUNT, enqueueMs)}`);

    const before = smtp.received();
    const workerStarted = Date.now();
    const worker = await startNotificationWorker({ databaseUrl: database.url, config, concurrency: CONCURRENCY, batchSize: BATCH_SIZE });
    let sent = 0;
    while (sent < COUNT && Date.now() - workerStarted < TIMEOUT_MS) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      sent = await prisma.notification.count({ where: { status: "SENT" } });
    }
    const workerMs = Date.now() - workerStarted;
    await worker.stop();
    const timedOut = sent < COUNT ? ` (fermato dopo ${TIMEOUT_MS / 1000} s)` : "";
    console.log(`3. worker pg-boss: ${sent} consegnate in ${workerMs} ms, ${rate(sent, workerMs)}${timedOut}`);
    console.log(`   ricevute dal server SMTP in questa fase: ${smtp.received() - before}`);
  } finally {
    await prisma.$disconnect();
    await smtp.stop();
    await database.dispose();
  }
}

await main();
