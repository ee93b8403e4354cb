import type { PrismaClient } from "@/generated/prisma/client";
import { romeDayEnd, romeIsoDay } from "@/lib/rome-dates";
import { addWorkingDays } from "@/lib/working-days";
import type { AppConfig } from "@/server/config";
import { enqueueEventNotices } from "@/server/workflow/event-notices";
import { INTEGRATION_REMINDER_WORKING_DAYS } from "@/server/workflow/states";

/** Quesiti handled per run, at most; the next run takes the rest. */
const BATCH = 500;

/**
 * Reminds the contributor of every integration due within
 * INTEGRATION_REMINDER_WORKING_DAYS working days, once: each quesito is
 * claimed by a conditional UPDATE (`integrationRemindedAt IS NULL`, still
 * waiting, same deadline) in the transaction that writes the
 * PROMEMORIA_INTEGRAZIONE event and its notices, so that several workers
 * never remind twice (decision 0034). Returns how many were reminded.
 */
export async function remindIntegrations(
  prisma: PrismaClient,
  config: Pick<AppConfig, "PUBLIC_URL" | "NOTIFICATION_MAX_ATTEMPTS" | "NOTIFICATION_RETRY_DELAY_SECONDS">,
  now = new Date(),
): Promise<number> {
  const horizon = romeDayEnd(addWorkingDays(romeIsoDay(now), INTEGRATION_REMINDER_WORKING_DAYS));
  const due = await prisma.quesito.findMany({
    where: { integrationDueAt: { gt: now, lte: horizon }, integrationRemindedAt: null, state: "IN_ATTESA_CONTRIBUENTE" },
    orderBy: { integrationDueAt: "asc" },
    take: BATCH,
    select: { id: true, requestId: true, integrationDueAt: true },
  });
  let reminded = 0;
  for (const quesito of due) {
    const claimed = await prisma.$transaction(async (tx) => {
      const claim = await tx.quesito.updateMany({
        where: {
          id: quesito.id,
          state: "IN_ATTESA_CONTRIBUENTE",
          integrationRemindedAt: null,
          integrationDueAt: quesito.integrationDueAt,
        },
        data: { integrationRemindedAt: now },
      });
      if (claim.count === 0) return false;
      const event = await tx.requestEvent.create({
        data: {
          requestId: quesito.requestId,
          type: "PROMEMORIA_INTEGRAZIONE",
          data: { integrationDueAt: quesito.integrationDueAt?.toISOString() ?? null },
          createdAt: now,
        },
        select: { id: true },
      });
      await enqueueEventNotices(tx, event.id, config);
      return true;
    });
    if (claimed) reminded++;
  }
  return reminded;
}
