import type { NotificationChannel } from "@/generated/prisma/enums";

/** A notification as its channel sends it. */
export type OutgoingMessage = {
  notificationId: string;
  channel: NotificationChannel;
  recipient: string;
  subject: string | null;
  body: string;
  htmlBody: string | null;
  /** Attached to the e-mail as appuntamento.ics; SMS ignore it. */
  icsAttachment?: string | null;
};

export type SendReceipt = { providerMessageId: string | null };

export interface ChannelSender {
  send(message: OutgoingMessage): Promise<SendReceipt>;
  close(): void;
}

/** A sender for each channel. */
export type DeliveryChannels = Record<NotificationChannel, ChannelSender>;

/**
 * A failed send, classified: `permanent` when trying again cannot help (an
 * address the server refuses, a number that does not exist). `reason` is for
 * the people who see the failure (Italian); `detail` is the provider's own
 * words, for the operations staff.
 */
export class DeliveryError extends Error {
  constructor(
    readonly permanent: boolean,
    readonly reason: string,
    readonly detail: string,
  ) {
    super(`${reason} (${detail})`);
    this.name = "DeliveryError";
  }
}
