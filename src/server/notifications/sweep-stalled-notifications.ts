import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import type { AppConfig } from "@/server/config";
import { afterAttemptsReason } from "./deliver-notification";
import { enqueueDelivery } from "./outbox";
import { NOTIFICATION_QUEUE, notificationJobOptions, PGBOSS_SCHEMA } from "./queue";

export type StalledNotificationsSweep = {
  /** Given a new delivery job, with the attempts they have left. */
  requeued: string[];
  /** Failed for good: no attempt left. */
  failed: string[];
};

type SweepConfig = Pick<AppConfig, "NOTIFICATION_MAX_ATTEMPTS" | "NOTIFICATION_RETRY_DELAY_SECONDS">;

const BATCH_SIZE = 100;
/** A bound on one sweep's work; what is left waits for the next sweep. */
const MAX_BATCHES = 100;

const INTERRUPTED = "Tentativo interrotto (processo fermato, tempo scaduto o database non disponibile): nessun esito registrato.";
const GIVEN_UP_REASON = "Il servizio di invio non ha completato l'ultimo tentativo.";

/**
 * Whether the notification in `id` still has a delivery job that will run:
 * waiting, to be retried, or running within its time limit. A job that
 * completed, failed for good, was archived or ran past its limit will not.
 */
function hasLiveJob(id: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM ${Prisma.raw(PGBOSS_SCHEMA)}.job AS job
    WHERE job.name = ${NOTIFICATION_QUEUE} AND job.id = ${id}
      AND (job.state IN ('created', 'retry') OR (job.state = 'active' AND job.started_on + job.expire_in > now())))`;
}

const UNSETTLED = Prisma.sql`('QUEUED', 'SENDING', 'FAILED_TEMPORARY')`;

/**
 * Settles one stalled notification, under its row lock (the worker's claim
 * waits for it): a new job with the attempts left, or FAILED_PERMANENT with
 * a reason, so that it shows among the notices not delivered. Null when it
 * is no longer stalled (delivered, or re-queued by another sweeper).
 */
async function settle(prisma: PrismaClient, config: SweepConfig, id: string, now: Date): Promise<"requeued" | "failed" | null> {
  return prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ attempts: number; lastError: string | null }[]>`
      SELECT attempts, "lastError" FROM "Notification" WHERE id = ${id}::uuid AND status IN ${UNSETTLED} FOR UPDATE`;
    if (!row) return null;
    // A new statement: it sees the jobs committed while this one waited for the lock.
    const [job] = await tx.$queryRaw<{ live: boolean }[]>`SELECT ${hasLiveJob(Prisma.sql`${id}::uuid`)} AS live`;
    if (job?.live) return null;
    const attemptsLeft = config.NOTIFICATION_MAX_ATTEMPTS - row.attempts;
    const lastError = row.lastError ?? INTERRUPTED;
    if (attemptsLeft > 0) {
      // The dead job holds the notification's id, which the new one takes.
      await tx.$executeRaw`DELETE FROM ${Prisma.raw(PGBOSS_SCHEMA)}.job WHERE name = ${NOTIFICATION_QUEUE} AND id = ${id}::uuid`;
      await enqueueDelivery(tx, id, { ...notificationJobOptions(config), retryLimit: attemptsLeft - 1 });
      await tx.notification.update({
        where: { id },
        data: { status: row.attempts === 0 ? "QUEUED" : "FAILED_TEMPORARY", lastError: row.attempts === 0 ? null : lastError },
      });
      return "requeued";
    }
    await tx.notification.update({
      where: { id },
      data: { status: "FAILED_PERMANENT", failedAt: now, lastError, failureReason: afterAttemptsReason(row.attempts, GIVEN_UP_REASON) },
    });
    return "failed";
  });
}

/**
 * Finds the notifications left in limbo — QUEUED, SENDING or FAILED_TEMPORARY
 * with no delivery job that will run, as when the database failed or the job
 * timed out on its last attempt and pg-boss gave up — and settles each
 * (`settle`): re-queued within NOTIFICATION_MAX_ATTEMPTS, or failed for good.
 */
export async function sweepStalledNotifications(prisma: PrismaClient, config: SweepConfig, now: Date): Promise<StalledNotificationsSweep> {
  const result: StalledNotificationsSweep = { requeued: [], failed: [] };
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const stalled = await prisma.$queryRaw<{ id: string }[]>`
      SELECT n.id::text AS id FROM "Notification" AS n
      WHERE n.status IN ${UNSETTLED} AND NOT ${hasLiveJob(Prisma.sql`n.id`)}
      ORDER BY n."updatedAt" LIMIT ${BATCH_SIZE}`;
    for (const { id } of stalled) {
      const outcome = await settle(prisma, config, id, now);
      if (outcome) result[outcome === "requeued" ? "requeued" : "failed"].push(id);
    }
    if (stalled.length < BATCH_SIZE) break;
  }
  return result;
}
