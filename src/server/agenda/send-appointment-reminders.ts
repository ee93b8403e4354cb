import type { PrismaClient } from "@/generated/prisma/client";
import type { AppConfig } from "@/server/config";
import { enqueueAppointmentNotices } from "./appointment-notices";

/** Reminders go this long before the start. */
export const REMINDER_HOURS = 24;
/** Appointments reminded per run, at most; the next run takes the rest. */
const BATCH = 500;

/**
 * Sends the reminder of every booked appointment starting within the next
 * 24 hours that has not had one. Each is claimed by a conditional UPDATE
 * (`reminderSentAt IS NULL`) in the transaction that writes its notices: with
 * several workers running at once, each reminder is written once
 * (decision 0028). Returns how many were sent.
 */
export async function sendAppointmentReminders(
  prisma: PrismaClient,
  config: Pick<AppConfig, "PUBLIC_URL" | "NOTIFICATION_MAX_ATTEMPTS" | "NOTIFICATION_RETRY_DELAY_SECONDS">,
  now = new Date(),
): Promise<number> {
  const due = await prisma.appointment.findMany({
    where: { status: "PRENOTATO", reminderSentAt: null, startsAt: { gt: now, lte: new Date(now.getTime() + REMINDER_HOURS * 3_600_000) } },
    orderBy: { startsAt: "asc" },
    take: BATCH,
    select: { id: true },
  });
  let sent = 0;
  for (const { id } of due) {
    const claimed = await prisma.$transaction(async (tx) => {
      const claim = await tx.appointment.updateMany({
        where: { id, status: "PRENOTATO", reminderSentAt: null },
        data: { reminderSentAt: now },
      });
      if (claim.count === 0) return false;
      await enqueueAppointmentNotices(tx, id, "PROMEMORIA", null, config);
      return true;
    });
    if (claimed) sent++;
  }
  return sent;
}
