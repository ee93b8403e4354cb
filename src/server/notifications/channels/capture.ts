import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { NotificationChannel } from "@/generated/prisma/enums";
import type { ChannelSender, OutgoingMessage } from "./types";

/**
 * Without an SMTP server or Twilio (the quick start), each message is written
 * to `<DATA_DIR>/mail/` as one JSON file, which /dev/posta shows. Never used
 * in production, where the worker requires the real channels.
 */

export const capturedMessageSchema = z.object({
  notificationId: z.string(),
  channel: z.enum(NotificationChannel),
  from: z.string(),
  to: z.string(),
  subject: z.string().nullable(),
  text: z.string(),
  html: z.string().nullable(),
  /** The .ics an appointment's e-mail carries. */
  icsAttachment: z.string().nullable().optional(),
  capturedAt: z.iso.datetime(),
  messageId: z.string(),
});

export type CapturedMessage = z.infer<typeof capturedMessageSchema>;

export function captureDirectory(dataDir: string): string {
  return path.resolve(dataDir, "mail");
}

/** A sender that writes the message where /dev/posta reads it. */
export function captureSender(directory: string, from: string): ChannelSender {
  return {
    async send(message: OutgoingMessage) {
      const capturedAt = new Date();
      const messageId = `captured-${randomBytes(8).toString("hex")}`;
      const record: CapturedMessage = {
        notificationId: message.notificationId,
        channel: message.channel,
        from,
        to: message.recipient,
        subject: message.subject,
        text: message.body,
        html: message.htmlBody,
        icsAttachment: message.icsAttachment,
        capturedAt: capturedAt.toISOString(),
        messageId,
      };
      await mkdir(directory, { recursive: true });
      // Named by time, so that the newest sort last; written whole, then renamed into place.
      const name = `${capturedAt.toISOString().replace(/[:.]/g, "-")}-${message.notificationId}.json`;
      const partial = path.join(directory, `.${name}.partial`);
      await writeFile(partial, `${JSON.stringify(record, null, 2)}\n`, "utf8");
      await rename(partial, path.join(directory, name));
      return { providerMessageId: messageId };
    },
    close() {},
  };
}
