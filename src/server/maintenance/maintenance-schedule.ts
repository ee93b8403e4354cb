import type PgBoss from "pg-boss";
import type { AppConfig } from "@/server/config";
import { logger } from "@/server/logger";
import { runMaintenanceSweep, type MaintenanceSweepDependencies } from "./run-maintenance-sweep";

/** The pg-boss queue whose jobs are maintenance sweeps; created by the worker, not by a migration (only workers use it). */
export const MAINTENANCE_QUEUE = "maintenance-sweep";

/** A sweep that runs longer is counted as failed by pg-boss; the next one starts over. */
const SWEEP_TIMEOUT_SECONDS = 30 * 60;

/** The cron expression for a sweep every `minutes` (a divisor of 60, see config.ts). */
export function sweepCron(minutes: AppConfig["SWEEP_INTERVAL_MINUTES"]): string {
  return minutes === 60 ? "0 * * * *" : `*/${minutes} * * * *`;
}

/**
 * Registers the maintenance sweeps with a started pg-boss that runs its
 * scheduler: one job every SWEEP_INTERVAL_MINUTES (pg-boss sends a cron job
 * once whatever the number of instances), one now, at start, and this
 * instance among those that run them. The queue is "stately": at most one
 * sweep waiting and one running across all instances (runMaintenanceSweep's
 * advisory lock covers the rest).
 */
export async function scheduleMaintenanceSweeps(
  boss: PgBoss,
  dependencies: MaintenanceSweepDependencies & { config: Pick<AppConfig, "SWEEP_INTERVAL_MINUTES"> },
): Promise<void> {
  await boss.createQueue(MAINTENANCE_QUEUE, {
    name: MAINTENANCE_QUEUE,
    policy: "stately",
    retryLimit: 0,
    expireInSeconds: SWEEP_TIMEOUT_SECONDS,
  });
  await boss.schedule(MAINTENANCE_QUEUE, sweepCron(dependencies.config.SWEEP_INTERVAL_MINUTES), {}, { tz: "UTC" });
  await boss.work(MAINTENANCE_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
    try {
      await runMaintenanceSweep(dependencies);
    } catch (error) {
      logger.error({ err: error }, "Pulizia periodica non riuscita");
      throw error;
    }
  });
  // What a crash left behind goes now rather than at the next scheduled time.
  await boss.send(MAINTENANCE_QUEUE, {});
}
