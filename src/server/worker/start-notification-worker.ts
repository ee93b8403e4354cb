import PgBoss from "pg-boss";
import type { AppConfig } from "@/server/config";
import { createPrismaClient } from "@/server/db/create-client";
import { scheduleAppointmentReminders } from "@/server/agenda/schedule-appointment-reminders";
import { logger } from "@/server/logger";
import { scheduleMaintenanceSweeps } from "@/server/maintenance/maintenance-schedule";
import { scheduleServiceLevelSweeps } from "@/server/service-levels/schedule-service-level-sweeps";
import { scheduleResponseSummary } from "@/server/statistics/schedule-response-summary";
import { workSmartTasks } from "@/server/smart-tasks/work-smart-tasks";
import { closeDeliveryChannels, createDeliveryChannels, type DeliveryChannels } from "@/server/notifications/channels";
import { deliverNotification } from "@/server/notifications/deliver-notification";
import { NOTIFICATION_QUEUE, PGBOSS_SCHEMA, queueUpkeepOptions, type NotificationJob } from "@/server/notifications/queue";

export type NotificationWorkerOptions = {
  databaseUrl: string;
  config: AppConfig;
  /** The senders; by default those the configuration describes (`createDeliveryChannels`). */
  channels?: DeliveryChannels;
  /** How many batches are worked on at once. */
  concurrency?: number;
  /** Jobs fetched, and sent in parallel, per batch. */
  batchSize?: number;
  /** How often an idle worker looks for jobs (pg-boss allows 0.5 s at least). */
  pollingIntervalSeconds?: number;
};

export type NotificationWorker = {
  /**
   * Stops fetching, lets the jobs in hand finish, fails those still running
   * after STOP_TIMEOUT_MS (pg-boss retries them later), and closes every connection.
   */
  stop(): Promise<void>;
};

/** Part of the 10 s a process manager gives a stop (scripts/process-setup.ts), with Next.js's and the database's. */
const STOP_TIMEOUT_MS = 4_000;

/**
 * The delivery worker: takes the notification jobs from pg-boss and delivers
 * each (`deliverNotification`). A temporary failure fails the job, which
 * pg-boss retries with backoff up to NOTIFICATION_MAX_ATTEMPTS; everything
 * else completes it. Run by `npm run worker` (scripts/worker.ts), and inside
 * `npm start`. pg-boss's schema comes from the migrations: the worker checks
 * its version and never changes it. It also runs the maintenance sweeps
 * (src/server/maintenance), at start and on a schedule, the appointments'
 * reminders (src/server/agenda), the service levels' reminders and
 * escalations (src/server/service-levels), the Smart-Task jobs
 * (src/server/smart-tasks), the daily summary of the response-time figures
 * (src/server/statistics), and pg-boss's upkeep, which archives and
 * deletes finished jobs (`queueUpkeepOptions`).
 */
export async function startNotificationWorker(options: NotificationWorkerOptions): Promise<NotificationWorker> {
  const { databaseUrl, config, concurrency = 4, batchSize = 10, pollingIntervalSeconds = 0.5 } = options;
  const channels = options.channels ?? createDeliveryChannels(config);
  const prisma = createPrismaClient(databaseUrl);
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: PGBOSS_SCHEMA,
    migrate: false,
    // The maintenance sweeps run on pg-boss's cron schedule.
    schedule: true,
    // The lanes, the maintenance, reminder, service-level, Smart-Task and response-summary lanes, pg-boss's own upkeep.
    max: concurrency + 7,
    application_name: "cb-notification-worker",
    ...queueUpkeepOptions(config),
  });
  boss.on("error", (error) => logger.error({ err: error }, "Errore della coda delle notifiche"));

  const deliver = async (job: PgBoss.JobWithMetadata<NotificationJob>) => {
    const { notificationId } = job.data;
    try {
      const outcome = await deliverNotification(prisma, channels, {
        notificationId,
        lastAttempt: job.retryCount >= job.retryLimit,
      });
      if (outcome === "retry") await boss.fail(NOTIFICATION_QUEUE, job.id, { message: "Invio da ripetere" });
      if (outcome === "failed") logger.warn({ notificationId }, "Notifica non recapitata");
    } catch (error) {
      // The database failed us: the job goes back to pg-boss, which retries it.
      logger.error({ err: error, notificationId }, "Errore nella consegna di una notifica");
      await boss.fail(NOTIFICATION_QUEUE, job.id, { message: "Errore nella consegna" }).catch(() => {});
    }
  };

  try {
    await boss.start();
    for (let index = 0; index < concurrency; index++) {
      const lane = { id: "" };
      // Jobs not failed by `deliver` are completed by pg-boss when the batch returns. After a
      // batch, more jobs may be waiting: the lane fetches again at once instead of sleeping
      // through its polling interval (pg-boss polls only an idle lane).
      lane.id = await boss.work<NotificationJob>(
        NOTIFICATION_QUEUE,
        { batchSize, pollingIntervalSeconds, includeMetadata: true },
        async (jobs) => {
          await Promise.all(jobs.map(deliver));
          if (lane.id) boss.notifyWorker(lane.id);
        },
      );
    }
    await scheduleMaintenanceSweeps(boss, { databaseUrl, prisma, config });
    await scheduleAppointmentReminders(boss, prisma, config);
    await scheduleServiceLevelSweeps(boss, prisma, config);
    await workSmartTasks(boss, prisma, config);
    await scheduleResponseSummary(boss, prisma);
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await prisma.$disconnect();
    if (!options.channels) closeDeliveryChannels(channels);
    throw error;
  }

  return {
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS });
      await prisma.$disconnect();
      if (!options.channels) closeDeliveryChannels(channels);
    },
  };
}
