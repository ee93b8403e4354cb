import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { MessageVisibility } from "@/generated/prisma/enums";
import { persistFiles, messageFilesData } from "@/server/attachments/persist-files";
import type { StagedFile } from "@/server/attachments/receive-upload";
import { prisma } from "@/server/db/client";
import { sha256 } from "./samples";

/**
 * Requests, quesiti and messages written straight with Prisma (the services
 * that create them belong to other modules), and files staged as
 * receiveUpload would leave them.
 */

let sequence = 0;

export async function stageFile(content: Uint8Array, fileName: string, mimeType: string): Promise<StagedFile> {
  const folder = await mkdtemp(path.join(tmpdir(), "cb-staged-test-"));
  const tempPath = path.join(folder, randomUUID());
  await writeFile(tempPath, content);
  return { fileName, mimeType, size: content.length, sha256: sha256(content), tempPath };
}

/** A protocolled request of the position, with its quesito at `officeId`. */
export async function createRequestRecord(input: { positionId: string; holderId: string; officeId: string }) {
  const n = ++sequence;
  const subject = await prisma.subject.create({
    data: { gestione: "AZIENDE", code: `ALLEGATI-${n}-${randomUUID().slice(0, 8)}`, label: `Argomento ${n}` },
  });
  return prisma.request.create({
    data: {
      positionId: input.positionId,
      subjectId: subject.id,
      holderId: input.holderId,
      submittedById: input.holderId,
      actingProfile: "TITOLARE",
      text: "Trasmetto la documentazione richiesta dalla sede.",
      protocolNumber: `INPS.9999.22/11/2026.${String(n).padStart(7, "0")}-${randomUUID().slice(0, 8)}`,
      quesito: { create: { officeId: input.officeId } },
    },
  });
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

/** Every regular file under `root`, as paths relative to it. */
export async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}
