import type { Prisma } from "@/generated/prisma/client";
import type { NotificationChannel } from "@/generated/prisma/enums";
import type { AppConfig } from "@/server/config";
import { jobSender, NOTIFICATION_QUEUE, notificationJobOptions, transactionExecutor, type NotificationJob } from "./queue";

/** One rendered message for one recipient, ready for the outbox. */
export type OutboxMessage = {
  requestId: string | null;
  eventId: string | null;
  channel: NotificationChannel;
  recipient: string;
  template: string;
  templateVersion: number;
  subject: string | null;
  body: string;
  htmlBody: string | null;
  /** An iCalendar file the e-mail carries (appointments, decision 0028). */
  icsAttachment?: string | null;
};

/**
 * Writes the messages as Notification rows (QUEUED) and one delivery job each,
 * in the caller's transaction: rolled back, nothing is sent; committed, the
 * worker delivers them. Returns the notifications' ids.
 */
export async function addToOutbox(
  tx: Prisma.TransactionClient,
  messages: OutboxMessage[],
  config: Pick<AppConfig, "NOTIFICATION_MAX_ATTEMPTS" | "NOTIFICATION_RETRY_DELAY_SECONDS">,
): Promise<string[]> {
  if (messages.length === 0) return [];
  const rows = await tx.notification.createManyAndReturn({ data: messages, select: { id: true } });
  const options = notificationJobOptions(config);
  for (const { id } of rows) await enqueueDelivery(tx, id, options);
  return rows.map((row) => row.id);
}

/** Inserts the delivery job of a notification (its id is the notification's) in the caller's transaction. */
export async function enqueueDelivery(
  tx: Prisma.TransactionClient,
  notificationId: string,
  options: ReturnType<typeof notificationJobOptions>,
): Promise<void> {
  const job: NotificationJob = { notificationId };
  const jobId = await jobSender().send(NOTIFICATION_QUEUE, job, { ...options, id: notificationId, db: transactionExecutor(tx) });
  // pg-boss inserts nothing for a queue that does not exist: never lose a notice silently.
  if (jobId !== notificationId) throw new Error(`Coda ${NOTIFICATION_QUEUE} assente: applicare le migrazioni (npm run db:migrate).`);
}
