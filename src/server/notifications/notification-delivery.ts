import type { NotificationChannel, NotificationStatus } from "@/generated/prisma/enums";
import { channelLabels, maskMobile } from "./recipients";

/** The reason shown for a failure the channel did not explain. */
export const UNKNOWN_FAILURE_REASON = "Recapito non riuscito.";

/** A notification's address as people see it: the mobile number with only its last digits. */
export function shownRecipient(channel: NotificationChannel, recipient: string): string {
  return channel === "SMS" ? maskMobile(recipient) : recipient;
}

/** The columns a delivery report reads (deliveryOf). */
export const deliverySelect = {
  id: true,
  channel: true,
  recipient: true,
  status: true,
  sentAt: true,
  deliveredAt: true,
  failedAt: true,
  updatedAt: true,
  failureReason: true,
} as const;

export type DeliveryRow = {
  id: string;
  channel: NotificationChannel;
  recipient: string;
  status: NotificationStatus;
  sentAt: Date | null;
  deliveredAt: Date | null;
  failedAt: Date | null;
  updatedAt: Date;
  failureReason: string | null;
};

/**
 * Where a notification stands, in the office's words: still queued (a
 * temporary failure is retried), handed to the mail server (as far as e-mail
 * and PEC can tell: delivered), sent by SMS and awaiting the provider's
 * confirmation, delivered, or not delivered with the reason.
 */
export type DeliveryState = "IN_CODA" | "INVIATA" | "CONSEGNATA" | "NON_CONSEGNATA";

export type NotificationDelivery = {
  id: string;
  channel: NotificationChannel;
  channelLabel: string;
  recipient: string;
  state: DeliveryState;
  /** When it reached its state (null while queued). */
  at: Date | null;
  /** In Italian; only when not delivered. */
  reason: string | null;
};

function stateOf(row: DeliveryRow): { state: DeliveryState; at: Date | null } {
  switch (row.status) {
    case "QUEUED":
    case "SENDING":
    case "FAILED_TEMPORARY":
      return { state: "IN_CODA", at: null };
    case "SENT":
      // The SMTP server took the e-mail: all a mailbox tells. An SMS waits for Twilio's receipt.
      return row.channel === "SMS" ? { state: "INVIATA", at: row.sentAt } : { state: "CONSEGNATA", at: row.sentAt };
    case "DELIVERED":
      return { state: "CONSEGNATA", at: row.deliveredAt ?? row.sentAt };
    case "FAILED_PERMANENT":
      return { state: "NON_CONSEGNATA", at: row.failedAt ?? row.updatedAt };
  }
}

export function deliveryOf(row: DeliveryRow): NotificationDelivery {
  const { state, at } = stateOf(row);
  return {
    id: row.id,
    channel: row.channel,
    channelLabel: channelLabels[row.channel],
    recipient: shownRecipient(row.channel, row.recipient),
    state,
    at,
    reason: state === "NON_CONSEGNATA" ? (row.failureReason ?? UNKNOWN_FAILURE_REASON) : null,
  };
}
