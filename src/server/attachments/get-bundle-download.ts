import "server-only";
import { isUuid } from "@/lib/form-fields";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import { notFoundFor } from "@/server/access/report-foreign-record";
import type { Actor } from "@/server/identity/actor";
import { readableMessagesWhere } from "@/server/access/request-access";
import { getFileStorage } from "./file-storage";
import type { FileDownload } from "./get-attachment-download";

export const BUNDLE_NOT_FOUND = "L'archivio degli allegati richiesto non esiste o non è accessibile.";

/** "allegati-INPS.0040.22-11-2026.0001234-20261122T101500Z.zip": the protocol number tells whose files these are. */
function bundleFileName(protocolNumber: string, createdAt: Date): string {
  const stamp = createdAt
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  return `allegati-${protocolNumber.replace(/[^A-Za-z0-9.-]/g, "-")}-${stamp}.zip`;
}

/**
 * The compressed archive of all of a message's files. It is the office's
 * working copy attached to the quesito: contributors download files one by
 * one, and for them it does not exist.
 */
export async function getMessageBundleDownload(actor: Actor, messageId: string, now = new Date()): Promise<FileDownload> {
  if (actor.kind !== "operator" || !isUuid(messageId)) throw await notFoundFor(actor, "message-bundle", messageId, BUNDLE_NOT_FOUND);
  const message = await prisma.message.findFirst({
    where: { id: messageId, ...readableMessagesWhere(actor, now) },
    select: { bundleKey: true, bundleSize: true, createdAt: true, request: { select: { protocolNumber: true } } },
  });
  if (!message) throw await notFoundFor(actor, "message-bundle", messageId, BUNDLE_NOT_FOUND);
  if (!message.bundleKey || message.bundleSize === null) throw new NotFoundError(BUNDLE_NOT_FOUND);
  return {
    fileName: bundleFileName(message.request.protocolNumber, message.createdAt),
    mimeType: "application/zip",
    size: message.bundleSize,
    stream: await getFileStorage().open(message.bundleKey),
  };
}
