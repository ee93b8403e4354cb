import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { NotificationChannel } from "@/generated/prisma/enums";
import { isUuid } from "@/lib/form-fields";
import { prisma } from "@/server/db/client";
import type { Actor } from "@/server/identity/actor";
import { requestAccessWhere } from "@/server/access/request-access";
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

export type FailureTarget = { requestId: string } | { quesitoId: string };

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

/**
 * The notifications of a request that failed for good (B6), newest first:
 * a contributor's for a request they may act on (requestAccessWhere), an
 * operator's for a quesito of their office. Anything else has none.
 */
export async function listFailedNotifications(actor: Actor, target: FailureTarget, now = new Date()): Promise<NotificationFailure[]> {
  const id = "requestId" in target ? target.requestId : target.quesitoId;
  if (!isUuid(id)) return [];
  const targetWhere = "requestId" in target ? { id } : { quesito: { id } };
  const rows = await prisma.notification.findMany({
    ...failedNotificationsArgs,
    where: { ...failedNotificationsArgs.where, request: { AND: [requestAccessWhere(actor, now), targetWhere] } },
  });
  return rows.map(notificationFailure);
}
