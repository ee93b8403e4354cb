import "server-only";
import twilio from "twilio";
import { z } from "zod";
import { getConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { ForbiddenError, LimitExceededError, ValidationError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import { publicLink, TWILIO_STATUS_PATH } from "./public-links";

/** Twilio's callbacks take a few hundred bytes: a larger body is not one, and is not read to its end. */
const MAX_CALLBACK_BYTES = 16 * 1024;

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

/** The callback's form fields: Twilio posts them URL-encoded. */
async function readCallbackForm(request: Request): Promise<Record<string, string>> {
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(request.headers.get("content-type") ?? "")) {
    throw new ValidationError({}, "La notifica di stato deve essere inviata come modulo (application/x-www-form-urlencoded).");
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_CALLBACK_BYTES) {
      await reader.cancel();
      throw new LimitExceededError(`La notifica di stato supera i ${MAX_CALLBACK_BYTES / 1024} KB ammessi.`);
    }
    chunks.push(value);
  }
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
}

/**
 * Twilio's status callback for an SMS (B6), as it reaches
 * /api/notifiche/twilio/stato. Only a form signed with our auth token for
 * PUBLIC_URL + the callback's path is believed (ForbiddenError otherwise);
 * another kind of body, one too large, or a signed form without the message's
 * id or status is refused (ValidationError, LimitExceededError). "delivered"
 * marks the notification DELIVERED; "undelivered" or "failed"
 * FAILED_PERMANENT, with a reason shown to the contributor and the office;
 * other statuses change nothing, and a final state is never overwritten by a
 * late callback. Returns whether a notification changed.
 */
export async function recordSmsStatus(request: Request): Promise<boolean> {
  const params = await readCallbackForm(request);
  const config = getConfig();
  const signature = request.headers.get("x-twilio-signature");
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
