import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import type { FormDraftPurpose } from "@/generated/prisma/enums";
import { cleanValues, isUuid } from "@/lib/form-fields";
import { getFileStorage } from "@/server/attachments/file-storage";
import { FILES_FIELD } from "@/server/attachments/files-field";
import { persistFiles, storeStagedFiles, type PersistedFiles } from "@/server/attachments/persist-files";
import { createStagingFolder } from "@/server/attachments/staging-folders";
import type { StagedFile } from "@/server/attachments/receive-upload";
import { prisma } from "@/server/db/client";
import { mergeFieldErrors, type FieldErrors } from "@/server/errors/domain-errors";
import type { Actor } from "@/server/identity/actor";
import { logger } from "@/server/logger";
import { draftFormFields, draftReferenceSchema } from "./schemas";

/**
 * The files and values of forms that came back with errors (FormDraft), and
 * the helpers the services share to keep, read and use them. A draft's files
 * sit in storage under their own keys until the form is sent or the draft
 * expires; `key` is the token the form uses to send a file again.
 */

/** How long a corrected form may wait. */
export const DRAFT_LIFETIME_MS = 24 * 60 * 60 * 1000;
export const DRAFT_FILES_GONE = "I file caricati in precedenza non sono più disponibili: allegarli di nuovo.";
/** Expired drafts removed per save, so that the clean-up never weighs on one request. */
const PURGE_BATCH = 50;

const draftFileSchema = z.object({
  key: z.string(),
  storageKey: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  sha256: z.string(),
});
export type DraftFile = z.infer<typeof draftFileSchema>;
const draftFilesSchema = z.array(draftFileSchema);

const draftDataSchema = z.object({
  values: z.record(z.string(), z.string()),
  errors: z.record(z.string(), z.array(z.string())),
});

/** Which form a draft is of: a message's names its request, an office reply's its quesito. */
export type DraftScope = { purpose: FormDraftPurpose; requestId?: string; quesitoId?: string };

/** The owner columns of a draft of `actor`: a person's or an operator's, never both. */
export function draftOwner(actor: Actor): { ownerPersonId: string } | { ownerOperatorId: string } {
  return actor.kind === "contributor" ? { ownerPersonId: actor.personId } : { ownerOperatorId: actor.operatorId };
}

/**
 * Where a form's input carries the messages of the files its upload refused
 * (submitFormWithDraft puts them there). A symbol, so that no posted field
 * can set it; keptDraftFiles hands them to the service with its own, so a
 * form whose upload refused a file is never written.
 */
export const UPLOAD_REFUSALS = Symbol("upload refusals");

/** A form's fields as its service receives them. */
export type FormInput = Record<string, unknown> & { [UPLOAD_REFUSALS]?: FieldErrors };

/**
 * The values of the form's own fields among those submitted. Characters no
 * field may hold are refused by the schemas and left out here: the draft
 * keeps everything else.
 */
export function keptValues(purpose: FormDraftPurpose, values: Record<string, string>): Record<string, string> {
  const allowed = new Set(draftFormFields[purpose]);
  return cleanValues(Object.fromEntries(Object.entries(values).filter(([name]) => allowed.has(name))));
}

/** The actor's unexpired draft of this form, or null: someone else's draft does not exist for them. */
export async function findOwnDraft(actor: Actor, draftId: string, scope: DraftScope, now: Date) {
  if (!isUuid(draftId)) return null;
  const draft = await prisma.formDraft.findFirst({
    where: {
      id: draftId,
      ...draftOwner(actor),
      purpose: scope.purpose,
      requestId: scope.requestId ?? null,
      quesitoId: scope.quesitoId ?? null,
      expiresAt: { gt: now },
    },
  });
  if (!draft) return null;
  return { id: draft.id, data: draftDataSchema.parse(draft.data), files: draftFilesSchema.parse(draft.files) };
}

/** Copies staged files into storage for a draft; all or nothing. */
export async function storeDraftFiles(files: StagedFile[]): Promise<DraftFile[]> {
  const placed = await storeStagedFiles(files);
  return placed.map(({ file: { fileName, mimeType, size, sha256 }, storageKey }) => ({
    key: randomUUID(),
    storageKey,
    fileName,
    mimeType,
    size,
    sha256,
  }));
}

/** Deletes files of drafts from storage; a file that cannot be deleted is logged and left behind. */
export async function removeDraftFiles(files: DraftFile[]): Promise<void> {
  const storage = getFileStorage();
  await Promise.all(
    files.map((file) =>
      storage.remove(file.storageKey).catch((error: unknown) => {
        logger.error({ err: error, storageKey: file.storageKey }, "File di una bozza non eliminato");
      }),
    ),
  );
}

/**
 * The draft a form posted by its owner names (`bozza`) and the files of it the
 * person kept ticked (`conservati`), to send again with the new ones. Kept
 * files of a draft that is gone (expired, used, someone else's) are a message
 * on the files field; so are the files the upload refused (UPLOAD_REFUSALS),
 * which every form's service must count among its errors.
 */
export async function keptDraftFiles(
  actor: Actor,
  input: FormInput,
  scope: DraftScope,
  now: Date,
): Promise<{ draftId: string | null; files: DraftFile[]; errors: FieldErrors }> {
  const reference = draftReferenceSchema.parse(input);
  const refused = { ...input[UPLOAD_REFUSALS] };
  const draft = reference.bozza ? await findOwnDraft(actor, reference.bozza, scope, now) : null;
  if (reference.conservati.length > 0 && !draft) {
    return { draftId: null, files: [], errors: mergeFieldErrors(refused, { [FILES_FIELD]: [DRAFT_FILES_GONE] }) };
  }
  const files = draft?.files.filter((file) => reference.conservati.includes(file.key)) ?? [];
  return { draftId: draft?.id ?? null, files, errors: refused };
}

/**
 * Stores a form's files, the kept draft files and the new ones in one bundle
 * (persistFiles), then runs `write`, the form's transaction, with them. When
 * `write` fails, the stored files are removed before its error passes on.
 */
export async function writeWithFormFiles<T>(
  kept: DraftFile[],
  files: StagedFile[],
  write: (persisted: PersistedFiles) => Promise<T>,
): Promise<T> {
  const restaged = await restageDraftFiles(kept);
  const persisted = await persistFiles([...restaged.files, ...files]).finally(() => restaged.discard());
  try {
    return await write(persisted);
  } catch (error) {
    await persisted.discard();
    throw error;
  }
}

/** Brings draft files back as staged files (temporary copies), so that they go through persistFiles with the new ones. */
async function restageDraftFiles(files: DraftFile[]): Promise<{ files: StagedFile[]; discard(): Promise<void> }> {
  const directory = await createStagingFolder("draft");
  const discard = () => rm(directory, { recursive: true, force: true });
  if (files.length === 0) return { files: [], discard };
  const storage = getFileStorage();
  try {
    const staged: StagedFile[] = [];
    for (const file of files) {
      const tempPath = path.join(directory, randomUUID());
      await pipeline(await storage.open(file.storageKey), createWriteStream(tempPath, { flags: "wx" }));
      staged.push({ fileName: file.fileName, mimeType: file.mimeType, size: file.size, sha256: file.sha256, tempPath });
    }
    return { files: staged, discard };
  } catch (error) {
    await discard();
    throw error;
  }
}

/**
 * Deletes a draft that has been used, with its files. Runs after the form's
 * transaction has committed, so a failure is only logged: the expiry clean-up
 * removes the draft later.
 */
export async function deleteDraft(draftId: string): Promise<void> {
  try {
    const draft = await prisma.formDraft.findUnique({ where: { id: draftId }, select: { files: true } });
    if (!draft) return;
    await prisma.formDraft.deleteMany({ where: { id: draftId } });
    await removeDraftFiles(draftFilesSchema.parse(draft.files));
  } catch (error) {
    logger.error({ err: error, draftId }, "Bozza usata non eliminata");
  }
}

/** Removes a batch of expired drafts and their files. */
export async function purgeExpiredDrafts(now: Date): Promise<void> {
  const expired = await prisma.formDraft.findMany({
    where: { expiresAt: { lte: now } },
    orderBy: { expiresAt: "asc" },
    take: PURGE_BATCH,
    select: { id: true, files: true },
  });
  if (expired.length === 0) return;
  await prisma.formDraft.deleteMany({ where: { id: { in: expired.map((draft) => draft.id) } } });
  await removeDraftFiles(expired.flatMap((draft) => draftFilesSchema.parse(draft.files)));
}
