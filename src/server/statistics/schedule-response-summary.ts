import type PgBoss from "pg-boss";
import type { PrismaClient } from "@/generated/prisma/client";
import { logger } from "@/server/logger";
import { summariseResponseDays } from "./summarise-response-days";

/** The pg-boss queue of the response-time figures' daily summary; created by the worker. */
export const RESPONSE_SUMMARY_QUEUE = "response-figures-summary";

/** The first run summarises a year: it may take a while at a million quesiti. */
const RUN_TIMEOUT_SECONDS = 30 * 60;

/**
 * Registers the daily summary of the response-time figures
 * (`summariseResponseDays`, decision 0036 amended) with a started pg-boss
 * that runs its scheduler: every hour at minute 20 (so a day closed at
 * midnight in Rome is summarised within the hour, and late changes to the
 * last days follow within an hour), one run now, at start, on a "stately"
 * queue (one waiting, one running across all instances).
 */
export async function scheduleResponseSummary(boss: PgBoss, prisma: PrismaClient): Promise<void> {
  await boss.createQueue(RESPONSE_SUMMARY_QUEUE, {
    name: RESPONSE_SUMMARY_QUEUE,
    policy: "stately",
    retryLimit: 0,
    expireInSeconds: RUN_TIMEOUT_SECONDS,
  });
  await boss.schedule(RESPONSE_SUMMARY_QUEUE, "20 * * * *", {}, { tz: "UTC" });
  await boss.work(RESPONSE_SUMMARY_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
    try {
      const days = await summariseResponseDays(prisma);
      logger.info({ days }, "Tempi di risposta: riepilogo giornaliero aggiornato");
    } catch (error) {
      logger.error({ err: error }, "Tempi di risposta: riepilogo giornaliero non riuscito");
      throw error;
    }
  });
  await boss.send(RESPONSE_SUMMARY_QUEUE, {});
}
