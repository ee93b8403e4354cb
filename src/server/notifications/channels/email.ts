import nodemailer from "nodemailer";
import type { Transporter } from "nodemailer";
import SMTPPool from "nodemailer/lib/smtp-pool";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import type { AppConfig } from "@/server/config";
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

export type SmtpPooling = Pick<AppConfig, "SMTP_POOL" | "SMTP_POOL_MAX_CONNECTIONS" | "SMTP_POOL_MAX_MESSAGES">;

const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * nodemailer's transport to an SMTP account (`url` is smtp://user:password@host:port,
 * or smtps:// for implicit TLS): with SMTP_POOL, a pool of up to
 * SMTP_POOL_MAX_CONNECTIONS connections, each replaced after
 * SMTP_POOL_MAX_MESSAGES messages; without, a connection (and a TLS
 * handshake and a login) per message (decision 0026).
 */
export function createSmtpTransport(url: string, pooling: SmtpPooling): Transporter<{ messageId: string }> {
  if (!pooling.SMTP_POOL) return nodemailer.createTransport(new SMTPTransport({ url, ...SMTP_TIMEOUTS }));
  return nodemailer.createTransport(
    new SMTPPool({
      pool: true,
      url,
      maxConnections: pooling.SMTP_POOL_MAX_CONNECTIONS,
      maxMessages: pooling.SMTP_POOL_MAX_MESSAGES,
      ...SMTP_TIMEOUTS,
    }),
  );
}

/** Sends over SMTP with nodemailer, through one transport (`createSmtpTransport`) closed with the sender. */
export function smtpSender(options: {
  url: string;
  from: string;
  channel: Extract<NotificationChannel, "EMAIL" | "PEC">;
  pooling: SmtpPooling;
}): ChannelSender {
  const transport = createSmtpTransport(options.url, options.pooling);
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
