import type { PrismaClient } from "@/generated/prisma/client";
import { DeliveryError, type DeliveryChannels } from "./channels";

export type DeliveryAttempt = {
  notificationId: string;
  /** pg-boss will not try again after this attempt (its retry limit is reached). */
  lastAttempt: boolean;
};

/**
 * - "sent": handed to the provider;
 * - "failed": failed for good (refused, or the last attempt), with its reason;
 * - "retry": failed for now: the caller fails the job and pg-boss retries it;
 * - "skipped": nothing to do (already sent or failed for good, or gone with its request).
 */
export type DeliveryOutcome = "sent" | "failed" | "retry" | "skipped";

const MAX_ERROR_LENGTH = 1000;

/** "Recapito non riuscito dopo 3 tentativi: " and the reason, for a notice given up after its attempts. */
export function afterAttemptsReason(attempts: number, reason: string): string {
  const count = `${attempts} ${attempts === 1 ? "tentativo" : "tentativi"}`;
  return `Recapito non riuscito dopo ${count}: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
}

/**
 * One delivery attempt of one notification, for the worker. The row is
 * claimed (SENDING, one more attempt) unless it is already final, so that a
 * job delivered twice sends once; the outcome is recorded on the row (B6):
 * SENT with the provider's message id, FAILED_TEMPORARY with the error, or
 * FAILED_PERMANENT with the error and an Italian reason shown to the
 * contributor and to the office.
 */
export async function deliverNotification(
  prisma: PrismaClient,
  channels: DeliveryChannels,
  attempt: DeliveryAttempt,
): Promise<DeliveryOutcome> {
  const [notification] = await prisma.notification.updateManyAndReturn({
    where: { id: attempt.notificationId, status: { in: ["QUEUED", "SENDING", "FAILED_TEMPORARY"] } },
    data: { status: "SENDING", attempts: { increment: 1 } },
    select: { id: true, channel: true, recipient: true, subject: true, body: true, htmlBody: true, icsAttachment: true, attempts: true },
  });
  if (!notification) return "skipped";

  try {
    const receipt = await channels[notification.channel].send({
      notificationId: notification.id,
      channel: notification.channel,
      recipient: notification.recipient,
      subject: notification.subject,
      body: notification.body,
      htmlBody: notification.htmlBody,
      icsAttachment: notification.icsAttachment,
    });
    await prisma.notification.update({
      where: { id: notification.id },
      data: { status: "SENT", sentAt: new Date(), providerMessageId: receipt.providerMessageId, lastError: null },
    });
    return "sent";
  } catch (error) {
    const failure =
      error instanceof DeliveryError
        ? error
        : new DeliveryError(false, "Errore imprevisto durante l'invio.", error instanceof Error ? error.message : String(error));
    const lastError = failure.detail.slice(0, MAX_ERROR_LENGTH);
    if (!failure.permanent && !attempt.lastAttempt) {
      await prisma.notification.update({ where: { id: notification.id }, data: { status: "FAILED_TEMPORARY", lastError } });
      return "retry";
    }
    const reason = failure.permanent ? failure.reason : afterAttemptsReason(notification.attempts, failure.reason);
    await prisma.notification.update({
      where: { id: notification.id },
      data: { status: "FAILED_PERMANENT", failedAt: new Date(), lastError, failureReason: reason },
    });
    return "failed";
  }
}
