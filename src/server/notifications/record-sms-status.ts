import "server-only";
import twilio from "twilio";
import { z } from "zod";
import { getConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { ForbiddenError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import { publicLink, TWILIO_STATUS_PATH } from "./public-links";

const callbackSchema = z.object({
  MessageSid: z
    .string({ message: "Manca l'identificativo del messaggio (MessageSid)." })
    .min(1, "Manca l'identificativo del messaggio (MessageSid).")
    .max(64, "L'identificativo del messaggio (MessageSid) non è valido."),
  MessageStatus: z
    .string({ message: "Manca lo stato del messaggio (MessageStatus)." })
    .min(1, "Manca lo stato del messaggio (MessageStatus).")
    .max(32, "Lo stato del messaggio (MessageStatus) non è valido."),
  ErrorCode: z.string().max(16, "Il codice di errore (ErrorCode) non è valido.").optional(),
});

/**
 * Twilio's status callback for an SMS (B6): the form fields posted to
 * /api/notifiche/twilio/stato and the X-Twilio-Signature header. Only a form
 * signed with our auth token for PUBLIC_URL + the callback's path is believed
 * (ForbiddenError otherwise); a signed form without the message's id or
 * status is refused (ValidationError). "delivered"
 * marks the notification DELIVERED; "undelivered" or "failed"
 * FAILED_PERMANENT, with a reason shown to the contributor and the office;
 * other statuses change nothing, and a final state is never overwritten by a
 * late callback. Returns whether a notification changed.
 */
export async function recordSmsStatus(params: Record<string, string>, signature: string | null): Promise<boolean> {
  const config = getConfig();
  const signed =
    config.TWILIO_AUTH_TOKEN !== undefined &&
    signature !== null &&
    twilio.validateRequest(config.TWILIO_AUTH_TOKEN, signature, publicLink(config.PUBLIC_URL, TWILIO_STATUS_PATH), params);
  if (!signed) throw new ForbiddenError("Firma della richiesta non valida.");

  const { MessageSid: sid, MessageStatus: status, ErrorCode: errorCode } = parseInput(callbackSchema, params);
  const where = { channel: "SMS" as const, providerMessageId: sid, status: "SENT" as const };
  const now = new Date();
  if (status === "delivered") {
    const { count } = await prisma.notification.updateMany({ where, data: { status: "DELIVERED", deliveredAt: now } });
    return count > 0;
  }
  if (status === "undelivered" || status === "failed") {
    const { count } = await prisma.notification.updateMany({
      where,
      data: {
        status: "FAILED_PERMANENT",
        failedAt: now,
        lastError: `Twilio ${status}${errorCode ? ` ${errorCode}` : ""}`,
        failureReason: "L'operatore telefonico non ha consegnato l'SMS.",
      },
    });
    return count > 0;
  }
  return false;
}
