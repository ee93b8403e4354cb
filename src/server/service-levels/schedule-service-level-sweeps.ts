import type PgBoss from "pg-boss";
import type { PrismaClient } from "@/generated/prisma/client";
import type { AppConfig } from "@/server/config";
import { logger } from "@/server/logger";
import { escalateDueDates } from "./escalate-due-dates";
import { remindIntegrations } from "./remind-integrations";

/** The pg-boss queue of the service-level runs; created by the worker. */
export const SERVICE_LEVEL_QUEUE = "service-level-sweeps";

/**
 * Registers the service-level run with a started pg-boss that runs its
 * scheduler: every 10 minutes (a cron job is sent once whatever the number of
 * instances), on a "stately" queue (one waiting, one running). Each run
 * reminds contributors of their integrations and escalates due dates; the
 * once-only guarantee is in the database (conditional updates).
 */
export async function scheduleServiceLevelSweeps(
  boss: PgBoss,
  prisma: PrismaClient,
  config: Pick<AppConfig, "PUBLIC_URL" | "NOTIFICATION_MAX_ATTEMPTS" | "NOTIFICATION_RETRY_DELAY_SECONDS" | "SLA_WARNING_WORKING_DAYS">,
): Promise<void> {
  await boss.createQueue(SERVICE_LEVEL_QUEUE, { name: SERVICE_LEVEL_QUEUE, policy: "stately", retryLimit: 0, expireInSeconds: 10 * 60 });
  await boss.schedule(SERVICE_LEVEL_QUEUE, "*/10 * * * *", {}, { tz: "UTC" });
  await boss.work(SERVICE_LEVEL_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
    try {
      const reminded = await remindIntegrations(prisma, config);
      const escalated = await escalateDueDates(prisma, config);
      if (reminded + escalated.SCADENZA_VICINA + escalated.SCADENZA_RAGGIUNTA > 0) {
        logger.info({ reminded, ...escalated }, "Livelli di servizio: promemoria e avvisi di scadenza inviati");
      }
    } catch (error) {
      logger.error({ err: error }, "Livelli di servizio: invio di promemoria e avvisi non riuscito");
      throw error;
    }
  });
}
