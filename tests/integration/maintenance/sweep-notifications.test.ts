import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NotificationStatus } from "@/generated/prisma/enums";
import { parseConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { runMaintenanceSweep } from "@/server/maintenance/run-maintenance-sweep";
import { addToOutbox } from "@/server/notifications/outbox";
import { NOTIFICATION_QUEUE, PGBOSS_SCHEMA } from "@/server/notifications/queue";
import { startNotificationWorker } from "@/server/worker/start-notification-worker";
import { clearNotificationQueue, outboxEmail, waitFor } from "../../support/notification-servers";
import { startSmtpServer, type TestSmtpServer } from "../../support/smtp-server";
import { temporaryStorageForFile } from "../../support/request-files";

// Notifications in limbo: pg-boss gave up on their job (the database failed,
// or the job timed out, on its last attempt; or the job is gone) while the row
// still says QUEUED, SENDING or FAILED_TEMPORARY. The sweep re-queues them
// within NOTIFICATION_MAX_ATTEMPTS, or fails them for good so that they show
// among the notices not delivered.

temporaryStorageForFile();
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  await clearNotificationQueue();
});
afterAll(async () => {
  await smtp?.stop();
});

function configuration() {
  return parseConfig({ ...process.env, SMTP_URL: smtp.url, MAIL_FROM: "noreply@inps.example.it", NOTIFICATION_MAX_ATTEMPTS: "6" });
}

type JobState = "created" | "retry" | "active" | "completed" | "failed" | "gone";

/** A notification whose row and job are as a crash or pg-boss left them. */
async function notificationIn(
  recipient: string,
  row: { status: NotificationStatus; attempts: number },
  job: JobState,
  startedMinutesAgo = 0,
) {
  const [id] = await prisma.$transaction((tx) => addToOutbox(tx, [outboxEmail(recipient)], configuration()));
  await prisma.notification.update({ where: { id: id! }, data: row });
  if (job === "gone") {
    await prisma.$executeRawUnsafe(`DELETE FROM ${PGBOSS_SCHEMA}.job WHERE name = $1 AND id = $2::uuid`, NOTIFICATION_QUEUE, id);
  } else {
    await prisma.$executeRawUnsafe(
      `UPDATE ${PGBOSS_SCHEMA}.job SET state = $3::${PGBOSS_SCHEMA}.job_state, started_on = now() - make_interval(mins => $4)
       WHERE name = $1 AND id = $2::uuid`,
      NOTIFICATION_QUEUE,
      id,
      job,
      startedMinutesAgo,
    );
  }
  return id!;
}

async function jobOf(id: string) {
  const rows = await prisma.$queryRawUnsafe<{ state: string; retry_limit: number }[]>(
    `SELECT state::text, retry_limit FROM ${PGBOSS_SCHEMA}.job WHERE name = $1 AND id = $2::uuid`,
    NOTIFICATION_QUEUE,
    id,
  );
  return rows[0] ?? null;
}

describe("the maintenance sweep of notifications", () => {
  it("re-queues the notices whose job will not run, within the attempts left, fails the others for good and leaves the rest alone", async () => {
    const lastAttemptDbFailed = await notificationIn("ultimo@example.it", { status: "SENDING", attempts: 6 }, "failed");
    const lastAttemptTimedOut = await notificationIn("scaduto@example.it", { status: "FAILED_TEMPORARY", attempts: 6 }, "active", 10);
    const gaveUpEarly = await notificationIn("a-meta@example.it", { status: "FAILED_TEMPORARY", attempts: 2 }, "failed");
    const workerDied = await notificationIn("interrotto@example.it", { status: "SENDING", attempts: 1 }, "active", 10);
    const jobGone = await notificationIn("senza-job@example.it", { status: "QUEUED", attempts: 0 }, "gone");
    const completedUnrecorded = await notificationIn("completato@example.it", { status: "SENDING", attempts: 3 }, "completed");
    const sending = await notificationIn("in-invio@example.it", { status: "SENDING", attempts: 1 }, "active", 1);
    const waiting = await notificationIn("in-coda@example.it", { status: "QUEUED", attempts: 0 }, "created");
    const retrying = await notificationIn("da-ripetere@example.it", { status: "FAILED_TEMPORARY", attempts: 2 }, "retry");
    const sent = await notificationIn("inviato@example.it", { status: "SENT", attempts: 1 }, "completed");
    const before = await prisma.notification.findMany({
      where: { id: { in: [sending, waiting, retrying, sent] } },
      orderBy: { id: "asc" },
    });

    const now = new Date();
    const report = await runMaintenanceSweep({ databaseUrl: process.env.DATABASE_URL!, prisma, config: configuration() }, now);

    expect(report?.notifications.failed.sort()).toEqual([lastAttemptDbFailed, lastAttemptTimedOut].sort());
    expect(report?.notifications.requeued.sort()).toEqual([gaveUpEarly, workerDied, jobGone, completedUnrecorded].sort());

    for (const id of [lastAttemptDbFailed, lastAttemptTimedOut]) {
      const row = await prisma.notification.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({
        status: "FAILED_PERMANENT",
        failedAt: now,
        failureReason: "Recapito non riuscito dopo 6 tentativi: il servizio di invio non ha completato l'ultimo tentativo.",
      });
      expect(row.lastError).toMatch(/Tentativo interrotto/);
    }
    // A new job each, allowing only the attempts left out of 6.
    expect(await jobOf(gaveUpEarly)).toEqual({ state: "created", retry_limit: 3 });
    expect(await jobOf(workerDied)).toEqual({ state: "created", retry_limit: 4 });
    expect(await jobOf(jobGone)).toEqual({ state: "created", retry_limit: 5 });
    expect(await jobOf(completedUnrecorded)).toEqual({ state: "created", retry_limit: 2 });
    expect(await prisma.notification.findUniqueOrThrow({ where: { id: workerDied } })).toMatchObject({
      status: "FAILED_TEMPORARY",
      attempts: 1,
    });
    expect(await prisma.notification.findUniqueOrThrow({ where: { id: jobGone } })).toMatchObject({ status: "QUEUED", attempts: 0 });
    // Those with a job that will still run are untouched.
    expect(
      await prisma.notification.findMany({ where: { id: { in: [sending, waiting, retrying, sent] } }, orderBy: { id: "asc" } }),
    ).toEqual(before);

    // A second sweep finds nothing in limbo.
    const again = await runMaintenanceSweep({ databaseUrl: process.env.DATABASE_URL!, prisma, config: configuration() });
    expect(again?.notifications).toEqual({ requeued: [], failed: [] });

    // The worker delivers the re-queued ones; the failed ones stay failed.
    await prisma.$executeRawUnsafe(`DELETE FROM ${PGBOSS_SCHEMA}.job WHERE name = $1 AND id = ANY($2::uuid[])`, NOTIFICATION_QUEUE, [
      sending,
      waiting,
      retrying,
    ]);
    await prisma.notification.updateMany({ where: { id: { in: [sending, waiting, retrying] } }, data: { status: "SENT" } });
    const worker = await startNotificationWorker({ databaseUrl: process.env.DATABASE_URL!, config: configuration() });
    try {
      const requeued = [gaveUpEarly, workerDied, jobGone, completedUnrecorded];
      await waitFor(
        async () => (await prisma.notification.count({ where: { id: { in: requeued }, status: "SENT" } })) === requeued.length,
        20_000,
        "the re-queued notices sent",
      );
      expect(smtp.received.map((received) => received.envelopeTo.join()).sort()).toEqual(
        ["a-meta@example.it", "completato@example.it", "interrotto@example.it", "senza-job@example.it"].sort(),
      );
      expect(
        await prisma.notification.count({ where: { id: { in: [lastAttemptDbFailed, lastAttemptTimedOut] }, status: "FAILED_PERMANENT" } }),
      ).toBe(2);
    } finally {
      await worker.stop();
    }
  });
});
