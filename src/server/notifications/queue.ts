import PgBoss from "pg-boss";
import type { Prisma } from "@/generated/prisma/client";
import type { AppConfig } from "@/server/config";

/**
 * The pg-boss queue that delivers notifications. Its schema and the queue are
 * created by a migration (prisma/migrations/*_notification_queue), so that a
 * job can be inserted in the transaction of any event (docs/decisions/0008).
 */
export const PGBOSS_SCHEMA = "pgboss";
export const NOTIFICATION_QUEUE = "notification-delivery";

/** A job names its notification, and has the notification's id as its own id. */
export type NotificationJob = { notificationId: string };

/** How long one attempt may run before pg-boss counts it as failed and retries. */
const ATTEMPT_TIMEOUT_SECONDS = 5 * 60;

/** Retries with exponential backoff: about delay × 2^n (up to twice as much) before attempt n + 2. */
export function notificationJobOptions(config: Pick<AppConfig, "NOTIFICATION_MAX_ATTEMPTS" | "NOTIFICATION_RETRY_DELAY_SECONDS">) {
  return {
    retryLimit: config.NOTIFICATION_MAX_ATTEMPTS - 1,
    retryDelay: config.NOTIFICATION_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    expireInSeconds: ATTEMPT_TIMEOUT_SECONDS,
  };
}

type UpkeepConfig = Pick<AppConfig, "QUEUE_ARCHIVE_AFTER_SECONDS" | "QUEUE_DELETE_AFTER_DAYS" | "QUEUE_MAINTENANCE_INTERVAL_SECONDS">;

/**
 * pg-boss's upkeep, for every pg-boss that runs it (the worker's): finished
 * jobs (completed or failed for good) leave `pgboss.job` for `pgboss.archive`
 * after QUEUE_ARCHIVE_AFTER_SECONDS and the archive after QUEUE_DELETE_AFTER_DAYS,
 * so that the table every fetch reads holds little more than the jobs still
 * to run (decision 0026). The Notification rows are the record and stay.
 */
export function queueUpkeepOptions(config: UpkeepConfig) {
  return {
    supervise: true,
    maintenanceIntervalSeconds: config.QUEUE_MAINTENANCE_INTERVAL_SECONDS,
    archiveCompletedAfterSeconds: config.QUEUE_ARCHIVE_AFTER_SECONDS,
    archiveFailedAfterSeconds: config.QUEUE_ARCHIVE_AFTER_SECONDS,
    deleteAfterDays: config.QUEUE_DELETE_AFTER_DAYS,
  } satisfies PgBoss.ConstructorOptions;
}

/** Runs pg-boss's SQL on a Prisma transaction, so that the job commits or rolls back with it. */
export function transactionExecutor(tx: Prisma.TransactionClient): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }),
  };
}

let sender: PgBoss | undefined;

/**
 * A pg-boss instance that is never started: it only writes jobs, always
 * through the executor of the transaction it is given (`send(…, { db })`).
 * Its own connection is never opened.
 */
export function jobSender(): PgBoss {
  sender ??= new PgBoss({
    schema: PGBOSS_SCHEMA,
    db: {
      executeSql: () => Promise.reject(new Error("Le notifiche si accodano solo nella transazione del loro evento.")),
    },
  });
  return sender;
}
