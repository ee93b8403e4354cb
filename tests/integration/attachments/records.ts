import { randomUUID } from "node:crypto";
import type { MessageVisibility } from "@/generated/prisma/enums";
import { persistFiles, messageFilesData } from "@/server/attachments/persist-files";
import type { StagedFile } from "@/server/attachments/receive-upload";
import { prisma } from "@/server/db/client";
import { createHolderWithPosition } from "../../support/request-fixtures";

/**
 * Requests, quesiti and messages written straight with Prisma (the services
 * that create them belong to other modules).
 */

let sequence = 0;

/** A holder's position at a new office, and a protocolled request of it with its quesito at that office. */
export async function createRequestRecord() {
  const { office, holder, position } = await createHolderWithPosition();
  const n = ++sequence;
  const subject = await prisma.subject.create({
    data: { gestione: "AZIENDE", code: `ALLEGATI-${n}-${randomUUID().slice(0, 8)}`, label: `Argomento ${n}` },
  });
  const request = await prisma.request.create({
    data: {
      positionId: position.id,
      subjectId: subject.id,
      holderId: holder.id,
      submittedById: holder.id,
      actingProfile: "TITOLARE",
      text: "Trasmetto la documentazione richiesta dalla sede.",
      protocolNumber: `INPS.9999.22/11/2026.${String(n).padStart(7, "0")}-${randomUUID().slice(0, 8)}`,
      quesito: { create: { officeId: office.id, gestione: position.gestione, subjectId: subject.id } },
    },
  });
  return { office, holder, position, request };
}

/** A message of the request carrying the files, stored the way callers of persistFiles must do it. */
export async function createMessageWithFiles(input: {
  requestId: string;
  files: StagedFile[];
  visibility?: MessageVisibility;
  authorPersonId?: string;
  authorOperatorId?: string;
}) {
  const persisted = await persistFiles(input.files);
  try {
    return await prisma.$transaction((tx) =>
      tx.message.create({
        data: {
          requestId: input.requestId,
          visibility: input.visibility ?? "PUBBLICO",
          body: "Messaggio con allegati.",
          authorPersonId: input.authorPersonId ?? null,
          authorOperatorId: input.authorOperatorId ?? null,
          ...messageFilesData(persisted),
        },
        include: { attachments: { orderBy: { fileName: "asc" } } },
      }),
    );
  } catch (error) {
    await persisted.discard();
    throw error;
  }
}
