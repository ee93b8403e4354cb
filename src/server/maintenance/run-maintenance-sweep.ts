import pg from "pg";
import type { PrismaClient } from "@/generated/prisma/client";
import { sweepSubjectImports } from "@/server/admin/sweep-subject-imports";
import { fileStorageFor, type FileStorage, type FileStorageConfig } from "@/server/attachments/file-storage";
import { stagingRootFor, sweepStagingFolders } from "@/server/attachments/staging-folders";
import { auditRetentionCutoff, pruneAuditLog, type AuditLogPruning } from "@/server/audit/prune-audit-log";
import type { AppConfig } from "@/server/config";
import { logger } from "@/server/logger";
import { sweepStalledNotifications, type StalledNotificationsSweep } from "@/server/notifications/sweep-stalled-notifications";
import { sweepStoredFiles, type StoredFilesSweep } from "./sweep-stored-files";

export type MaintenanceSweepConfig = FileStorageConfig &
  Pick<AppConfig, "SWEEP_GRACE_MINUTES" | "NOTIFICATION_MAX_ATTEMPTS" | "NOTIFICATION_RETRY_DELAY_SECONDS" | "AUDIT_RETENTION_MONTHS">;

export type MaintenanceSweepDependencies = {
  databaseUrl: string;
  prisma: PrismaClient;
  config: MaintenanceSweepConfig;
  /** By default the configuration's (`fileStorageFor`). */
  storage?: FileStorage;
};

export type MaintenanceSweepReport = {
  /** Staging folders deleted, by name. */
  stagingFolders: string[];
  storedFiles: StoredFilesSweep;
  notifications: StalledNotificationsSweep;
  auditLog: AuditLogPruning;
  /** Subject-tree previews removed (older than SUBJECT_IMPORT_KEPT_HOURS). */
  subjectImports: number;
};

/**
 * One PostgreSQL advisory lock for the whole sweep, held by its own session
 * (released when the session ends, even if the process is killed): with
 * several workers, one sweeps at a time and the others skip.
 */
const SWEEP_LOCK_KEY = 7_242_011_905;

/**
 * Runs the sweeps — staging folders and stored files no row refers to,
 * both older than SWEEP_GRACE_MINUTES, notifications left without a
 * delivery job, audit entries past AUDIT_RETENTION_MONTHS and subject-tree
 * previews past SUBJECT_IMPORT_KEPT_HOURS — unless
 * another instance is sweeping (then null), and logs what each removed or settled.
 */
export async function runMaintenanceSweep(
  dependencies: MaintenanceSweepDependencies,
  now = new Date(),
): Promise<MaintenanceSweepReport | null> {
  const { databaseUrl, prisma, config } = dependencies;
  const lock = new pg.Client({ connectionString: databaseUrl, application_name: "cb-maintenance-sweep" });
  await lock.connect();
  try {
    const { rows } = await lock.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [SWEEP_LOCK_KEY]);
    if (!rows[0]?.locked) {
      logger.info("Pulizia periodica già in corso in un'altra istanza: saltata");
      return null;
    }
    const cutoff = new Date(now.getTime() - config.SWEEP_GRACE_MINUTES * 60_000);
    const report: MaintenanceSweepReport = {
      stagingFolders: await sweepStagingFolders(stagingRootFor(config), cutoff),
      storedFiles: await sweepStoredFiles(prisma, dependencies.storage ?? fileStorageFor(config), cutoff),
      notifications: await sweepStalledNotifications(prisma, config, now),
      auditLog: await pruneAuditLog(prisma, auditRetentionCutoff(config.AUDIT_RETENTION_MONTHS, now)),
      subjectImports: await sweepSubjectImports(prisma, now),
    };
    logSweep(report);
    return report;
  } finally {
    // Ending the session releases the lock.
    await lock.end();
  }
}

/** Keys and ids listed in the log line, at most; the counts are always complete. */
const LOGGED_ITEMS = 100;

function logSweep(report: MaintenanceSweepReport): void {
  const { stagingFolders, storedFiles, notifications, auditLog, subjectImports } = report;
  logger.info(
    {
      stagingFoldersRemoved: stagingFolders.length,
      storedFilesRemoved: storedFiles.removed.length,
      unfinishedFilesRemoved: storedFiles.unfinished,
      notificationsRequeued: notifications.requeued.length,
      notificationsFailed: notifications.failed.length,
      auditEntriesRemoved: auditLog.removed,
      auditPrunedThroughSequence: auditLog.prunedThroughSequence.toString(),
      subjectImportsRemoved: subjectImports,
      stagingFolders: stagingFolders.slice(0, LOGGED_ITEMS),
      storedFiles: storedFiles.removed.slice(0, LOGGED_ITEMS),
      requeuedNotifications: notifications.requeued.slice(0, LOGGED_ITEMS),
      failedNotifications: notifications.failed.slice(0, LOGGED_ITEMS),
    },
    "Pulizia periodica eseguita",
  );
}
