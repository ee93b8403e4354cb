import "server-only";
import type { Readable } from "node:stream";
import { isUuid } from "@/lib/form-fields";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import { notFoundFor } from "@/server/access/report-foreign-record";
import type { Actor } from "@/server/identity/actor";
import { readableMessagesWhere } from "@/server/access/request-access";
import { getFileStorage } from "./file-storage";

/** A stored file on its way to the person who asked for it. */
export type FileDownload = {
  fileName: string;
  /** Decided from the content when the file was received. */
  mimeType: string;
  size: number;
  stream: Readable;
};

export const ATTACHMENT_NOT_FOUND = "L'allegato richiesto non esiste o non è accessibile.";

/**
 * One attachment, for whoever may read its message: the request must be
 * within the actor's reach now (a delegation that ended closes it), and a
 * contributor never gets the files of an internal note.
 */
export async function getAttachmentDownload(actor: Actor, attachmentId: string, now = new Date()): Promise<FileDownload> {
  if (!isUuid(attachmentId)) throw new NotFoundError(ATTACHMENT_NOT_FOUND);
  const attachment = await prisma.attachment.findFirst({
    where: { id: attachmentId, message: readableMessagesWhere(actor, now) },
    select: { fileName: true, mimeType: true, size: true, storageKey: true },
  });
  if (!attachment) throw await notFoundFor(actor, "attachment", attachmentId, ATTACHMENT_NOT_FOUND);
  const { storageKey, ...file } = attachment;
  return { ...file, stream: await getFileStorage().open(storageKey) };
}
