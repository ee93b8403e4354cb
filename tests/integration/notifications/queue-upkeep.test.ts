import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig, type AppConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { addToOutbox } from "@/server/notifications/outbox";
import { NOTIFICATION_QUEUE, PGBOSS_SCHEMA, queueUpkeepOptions } from "@/server/notifications/queue";
import { sweepStalledNotifications } from "@/server/notifications/sweep-stalled-notifications";
import { startNotificationWorker } from "@/server/worker/start-notification-worker";
import { clearNotificationQueue, outboxEmail, waitFor } from "../../support/notification-servers";
import { startSmtpServer } from "../../support/smtp-server";

// The queue stays small (decision 0026): the worker's pg-boss moves finished
// delivery jobs to the archive after QUEUE_ARCHIVE_AFTER_SECONDS and deletes
// them from there after QUEUE_DELETE_AFTER_DAYS; and the SMTP accounts are
// reached through a pool of connections unless SMTP_POOL is false.

const smtp = await startSmtpServer();
afterAll(() => smtp.stop());
// Jobs of earlier files would be archived along with this file's.
beforeAll(clearNotificationQueue);

function configuration(env: Record<string, string> = {}): AppConfig {
  return parseConfig({ ...process.env, SMTP_URL: smtp.url, MAIL_FROM: "noreply@inps.example.it", ...env });
}

/** Enqueues one e-mail per recipient and lets a worker with this configuration deliver them all. */
async function deliver(config: AppConfig, recipients: string[]): Promise<string[]> {
  const ids = await prisma.$transaction((tx) => addToOutbox(tx, recipients.map(outboxEmail), config));
  const worker = await startNotificationWorker({ databaseUrl: process.env.DATABASE_URL!, config });
  try {
    await waitFor(
      async () => (await prisma.notification.count({ where: { id: { in: ids }, status: "SENT" } })) === ids.length,
      20_000,
      "the e-mails sent",
    );
  } finally {
    await worker.stop();
  }
  return ids;
}

async function where(id: string): Promise<"job" | "archive" | "gone"> {
  const [row] = await prisma.$queryRawUnsafe<{ job: boolean; archive: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM ${PGBOSS_SCHEMA}.job WHERE name = $1 AND id = $2::uuid) AS job,
            EXISTS (SELECT 1 FROM ${PGBOSS_SCHEMA}.archive WHERE name = $1 AND id = $2::uuid) AS archive`,
    NOTIFICATION_QUEUE,
    id,
  );
  return row?.job ? "job" : row?.archive ? "archive" : "gone";
}

/** Moves a job's completion, or its archiving, this many seconds into the past. */
async function backdate(table: "job" | "archive", id: string, seconds: number): Promise<void> {
  const column = table === "job" ? "completed_on" : "archived_on";
  await prisma.$executeRawUnsafe(
    `UPDATE ${PGBOSS_SCHEMA}.${table} SET ${column} = now() - make_interval(secs => $2) WHERE id = $1::uuid`,
    id,
    seconds,
  );
}

describe("the notification queue", () => {
  it("archives a delivered job after QUEUE_ARCHIVE_AFTER_SECONDS and deletes it after QUEUE_DELETE_AFTER_DAYS", async () => {
    const config = configuration({ QUEUE_ARCHIVE_AFTER_SECONDS: "60", QUEUE_DELETE_AFTER_DAYS: "1" });
    const [old, recent, fresh] = await deliver(config, ["vecchio@example.it", "recente@example.it", "nuovo@example.it"]);
    expect(await Promise.all([old, recent, fresh].map((id) => where(id!)))).toEqual(["job", "job", "job"]);

    // The worker's upkeep, run now rather than on its interval.
    const boss = new PgBoss({
      connectionString: process.env.DATABASE_URL!,
      schema: PGBOSS_SCHEMA,
      migrate: false,
      ...queueUpkeepOptions(config),
      supervise: false,
    });
    await boss.start();
    try {
      await backdate("job", old!, 90);
      await backdate("job", recent!, 30);
      await boss.maintain();
      expect(await Promise.all([old, recent, fresh].map((id) => where(id!)))).toEqual(["archive", "job", "job"]);

      await backdate("job", recent!, 90);
      await backdate("archive", old!, 24 * 3600 + 60);
      await boss.maintain();
      expect(await Promise.all([old, recent, fresh].map((id) => where(id!)))).toEqual(["gone", "archive", "job"]);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }

    // The rows are the record and stay; the sweep does not take a sent notice without its job for one in limbo.
    expect(await prisma.notification.count({ where: { id: { in: [old!, recent!, fresh!] }, status: "SENT" } })).toBe(3);
    expect(await sweepStalledNotifications(prisma, config, new Date())).toEqual({ requeued: [], failed: [] });
  });

  it("sends through one pooled connection, or opens one per message with SMTP_POOL=false", async () => {
    const recipients = ["uno@example.it", "due@example.it", "tre@example.it", "quattro@example.it", "cinque@example.it"];

    const before = smtp.connections();
    await deliver(configuration({ SMTP_POOL: "true", SMTP_POOL_MAX_CONNECTIONS: "1" }), recipients);
    expect(smtp.connections() - before).toBe(1);

    const pooled = smtp.connections();
    await deliver(configuration({ SMTP_POOL: "false" }), recipients);
    expect(smtp.connections() - pooled).toBe(recipients.length);
  });
});
