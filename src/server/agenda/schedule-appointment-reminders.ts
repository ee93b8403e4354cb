import type PgBoss from "pg-boss";
import type { PrismaClient } from "@/generated/prisma/client";
import type { AppConfig } from "@/server/config";
import { logger } from "@/server/logger";
import { sendAppointmentReminders } from "./send-appointment-reminders";

/** The pg-boss queue of the reminder runs; created by the worker (only workers use it). */
export const REMINDER_QUEUE = "appointment-reminders";

/**
 * Registers the reminder run with a started pg-boss that runs its scheduler:
 * every 5 minutes (a cron job is sent once whatever the number of
 * instances), on a "stately" queue (one waiting, one running). The
 * once-only guarantee itself is in the database (sendAppointmentReminders).
 */
export async function scheduleAppointmentReminders(
  boss: PgBoss,
  prisma: PrismaClient,
  config: Pick<AppConfig, "PUBLIC_URL" | "NOTIFICATION_MAX_ATTEMPTS" | "NOTIFICATION_RETRY_DELAY_SECONDS">,
): Promise<void> {
  await boss.createQueue(REMINDER_QUEUE, { name: REMINDER_QUEUE, policy: "stately", retryLimit: 0, expireInSeconds: 10 * 60 });
  await boss.schedule(REMINDER_QUEUE, "*/5 * * * *", {}, { tz: "UTC" });
  await boss.work(REMINDER_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
    try {
      const sent = await sendAppointmentReminders(prisma, config);
      if (sent > 0) logger.info({ sent }, "Promemoria degli appuntamenti inviati");
    } catch (error) {
      logger.error({ err: error }, "Invio dei promemoria non riuscito");
      throw error;
    }
  });
}
