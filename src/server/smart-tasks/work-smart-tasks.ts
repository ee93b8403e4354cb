import type PgBoss from "pg-boss";
import type { PrismaClient } from "@/generated/prisma/client";
import type { AppConfig } from "@/server/config";
import { logger } from "@/server/logger";
import { processSmartTask } from "./process-smart-task";
import { SMART_TASK_QUEUE, type SmartTaskJob } from "./queue";

/**
 * Registers the Smart-Task processing with a started pg-boss: each job, sent
 * in the transaction that filed its task, runs `processSmartTask`. A failure
 * (the database away, a crash) fails the job and pg-boss retries it with
 * backoff; the task's own status makes a retry finish what is left, once.
 */
export async function workSmartTasks(
  boss: PgBoss,
  prisma: PrismaClient,
  config: Pick<AppConfig, "PUBLIC_URL" | "NOTIFICATION_MAX_ATTEMPTS" | "NOTIFICATION_RETRY_DELAY_SECONDS">,
): Promise<void> {
  await boss.work<SmartTaskJob>(SMART_TASK_QUEUE, { pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) {
      try {
        const status = await processSmartTask(prisma, config, job.data.smartTaskId);
        logger.info({ smartTaskId: job.data.smartTaskId, status }, "Smart-Task trattata");
      } catch (error) {
        logger.error({ err: error, smartTaskId: job.data.smartTaskId }, "Smart-Task: trattamento non riuscito, sarà ripetuto");
        throw error;
      }
    }
  });
}
