import "server-only";
import twilio from "twilio";
import { z } from "zod";
import { getConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { ForbiddenError } from "@/server/errors/domain-errors";
import { publicLink, TWILIO_STATUS_PATH } from "./public-links";

const callbackSchema = z.object({
  MessageSid: z.string().min(1),
  MessageStatus: z.string().min(1),
  ErrorCode: z.string().optional(),
});

export const INVALID_SIGNATURE = "Firma della richiesta non valida.";

/**
 * Twilio's status callback for an SMS (B6). Only a request signed with our
 * auth token for PUBLIC_URL + the callback's path is believed (ForbiddenError
 * otherwise). "delivered" marks the notification DELIVERED; "undelivered" or
 * "failed" FAILED_PERMANENT, with a reason shown to the contributor and the
 * office; intermediate statuses change nothing, and a final state is never
 * overwritten by a late callback. Returns whether a notification changed.
 */
export async function recordSmsStatus(input: { signature: string | null; params: Record<string, string> }): Promise<boolean> {
  const config = getConfig();
  const url = publicLink(config.PUBLIC_URL, TWILIO_STATUS_PATH);
  const signed =
    config.TWILIO_AUTH_TOKEN !== undefined &&
    input.signature !== null &&
    twilio.validateRequest(config.TWILIO_AUTH_TOKEN, input.signature, url, input.params);
  if (!signed) throw new ForbiddenError(INVALID_SIGNATURE);

  const parsed = callbackSchema.safeParse(input.params);
  if (!parsed.success) return false;
  const { MessageSid: sid, MessageStatus: status, ErrorCode: errorCode } = parsed.data;
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
