import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { NotificationChannel } from "@/generated/prisma/enums";
import { UNKNOWN_FAILURE_REASON, shownRecipient } from "./notification-delivery";
import { channelLabels } from "./recipients";

/** A notification that could not be delivered, as the request and quesito pages show it. */
export type NotificationFailure = {
  id: string;
  channel: NotificationChannel;
  channelLabel: string;
  /** The address, or the mobile number with only its last digits. */
  recipient: string;
  failedAt: Date;
  /** In Italian. */
  reason: string;
};

/** A request's failed notifications, newest first: what a read of the request includes to show them. */
export const failedNotificationsArgs = {
  where: { status: "FAILED_PERMANENT" },
  orderBy: [{ failedAt: "desc" }, { id: "desc" }],
  select: { id: true, channel: true, recipient: true, failedAt: true, updatedAt: true, failureReason: true },
} as const satisfies Prisma.Request$notificationsArgs;

type FailedNotificationRow = Prisma.NotificationGetPayload<{ select: typeof failedNotificationsArgs.select }>;

export function notificationFailure(row: FailedNotificationRow): NotificationFailure {
  return {
    id: row.id,
    channel: row.channel,
    channelLabel: channelLabels[row.channel],
    recipient: shownRecipient(row.channel, row.recipient),
    failedAt: row.failedAt ?? row.updatedAt,
    reason: row.failureReason ?? UNKNOWN_FAILURE_REASON,
  };
}
