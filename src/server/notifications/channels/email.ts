import nodemailer from "nodemailer";
import SMTPPool from "nodemailer/lib/smtp-pool";
import type { NotificationChannel } from "@/generated/prisma/enums";
import { DeliveryError, type ChannelSender, type OutgoingMessage } from "./types";

type SmtpFailure = Error & { code?: string; responseCode?: number; response?: string; command?: string };

const servers: Record<Extract<NotificationChannel, "EMAIL" | "PEC">, { name: string; by: string }> = {
  EMAIL: { name: "Il server di posta", by: "dal server di posta" },
  PEC: { name: "Il gestore della PEC", by: "dal gestore della PEC" },
};

/**
 * A 5xx answer to the envelope or the message is final (unknown mailbox,
 * message refused); a 4xx, a refused login or no connection at all may pass:
 * pg-boss tries again.
 */
export function classifySmtpFailure(error: unknown, channel: Extract<NotificationChannel, "EMAIL" | "PEC">): DeliveryError {
  const failure = (error instanceof Error ? error : new Error(String(error))) as SmtpFailure;
  const detail = [failure.code, failure.responseCode, failure.response ?? failure.message]
    .filter((part) => part !== undefined && part !== "")
    .join(" ")
    .slice(0, 500);
  const server = servers[channel];
  const code = failure.responseCode ?? 0;
  if (code >= 500 && code < 600 && failure.code !== "EAUTH") {
    return new DeliveryError(true, `L'indirizzo o il messaggio è stato rifiutato ${server.by}.`, detail);
  }
  if (code >= 400 && code < 500) {
    return new DeliveryError(false, `Il messaggio è stato respinto temporaneamente ${server.by}.`, detail);
  }
  return new DeliveryError(false, `${server.name} non è raggiungibile.`, detail);
}

/**
 * Sends over SMTP with nodemailer, through a small pool of connections:
 * `url` is smtp://user:password@host:port (or smtps:// for implicit TLS).
 */
export function smtpSender(options: { url: string; from: string; channel: Extract<NotificationChannel, "EMAIL" | "PEC"> }): ChannelSender {
  const transport = nodemailer.createTransport(
    new SMTPPool({
      pool: true,
      url: options.url,
      maxConnections: 10,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    }),
  );
  return {
    async send(message: OutgoingMessage) {
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: message.recipient,
          subject: message.subject ?? "",
          text: message.body,
          ...(message.htmlBody ? { html: message.htmlBody } : {}),
          ...(message.icsAttachment
            ? {
                attachments: [
                  { filename: "appuntamento.ics", content: message.icsAttachment, contentType: "text/calendar; charset=utf-8" },
                ],
              }
            : {}),
          headers: { "X-Notification-Id": message.notificationId },
        });
        return { providerMessageId: info.messageId };
      } catch (error) {
        throw classifySmtpFailure(error, options.channel);
      }
    },
    close() {
      transport.close();
    },
  };
}
