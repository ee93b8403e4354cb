import type { Prisma } from "@/generated/prisma/client";
import type { NotificationChannel } from "@/generated/prisma/enums";

/**
 * How an address has fared with the notifications sent to it: the latest that
 * failed permanently, and the latest that arrived (when). "Arrived" is
 * DELIVERED, or SENT on e-mail and PEC: there the SMTP server's acceptance is
 * the last word we get (a refusal is a permanent failure at sending), while an
 * SMS waits for the provider's receipt.
 */
export type AddressStanding = {
  lastFailedAt: Date | null;
  /** The latest notification that arrived: when it was created, and when it arrived. */
  lastArrived: { createdAt: Date; at: Date } | null;
};

/** Whether notices to the address fail: the latest failed permanently and none created after it arrived. */
export function isAnomalous(standing: AddressStanding): boolean {
  return standing.lastFailedAt !== null && !(standing.lastArrived && standing.lastArrived.createdAt > standing.lastFailedAt);
}

/**
 * The standing of one address on one channel: two index seeks on
 * Notification(channel, recipient, status, createdAt). Worker-safe: takes
 * the client or the transaction.
 */
export async function addressStanding(
  db: Prisma.TransactionClient,
  channel: NotificationChannel,
  recipient: string,
): Promise<AddressStanding> {
  const arrived: Prisma.NotificationWhereInput[] = [{ status: "DELIVERED" }];
  if (channel !== "SMS") arrived.push({ status: "SENT" });
  const [failed, delivered] = await Promise.all([
    db.notification.findFirst({
      where: { channel, recipient, status: "FAILED_PERMANENT" },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    }),
    db.notification.findFirst({
      where: { channel, recipient, OR: arrived },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true, deliveredAt: true, sentAt: true },
    }),
  ]);
  return {
    lastFailedAt: failed?.createdAt ?? null,
    lastArrived: delivered
      ? { createdAt: delivered.createdAt, at: delivered.deliveredAt ?? delivered.sentAt ?? delivered.createdAt }
      : null,
  };
}
