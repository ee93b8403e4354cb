import "server-only";
import { messageFilesData, persistFiles } from "@/server/attachments/persist-files";
import type { StagedFile } from "@/server/attachments/receive-upload";
import { prisma } from "@/server/db/client";
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from "@/server/errors/domain-errors";
import type { ContributorActor } from "@/server/identity/actor";
import { isUuid } from "./actable-position";
import { contributorMessagingRefusal } from "./contributor-messaging";
import { deleteDraft, DRAFT_FILES_GONE, findOwnDraft, restageDraftFiles } from "./form-drafts";
import { REQUEST_NOT_FOUND } from "./get-request";
import { applyTransition } from "./lifecycle";
import { requestAccessWhere } from "./policy";
import {
  contributorMessageSchema,
  draftReferenceSchema,
  FILES_FIELD,
  fieldErrorsOf,
  fileLimitErrors,
  mergeFieldErrors,
} from "./schemas";

/**
 * A contributor's message, with attachments, on an open request (F07). The
 * message and the MESSAGGIO_CONTRIBUENTE transition are written in one
 * transaction; a closed request, or a communication of the office without a
 * quesito, refuses it (ConflictError); someone else's request is not found.
 * Files are checked against the gestione's limits, counting those kept from
 * the form's draft.
 */
export async function addContributorMessage(
  actor: ContributorActor,
  requestId: string,
  input: Record<string, unknown>,
  files: StagedFile[],
  now = new Date(),
): Promise<{ messageId: string }> {
  if (!isUuid(requestId)) throw new NotFoundError(REQUEST_NOT_FOUND);
  const request = await prisma.request.findFirst({
    where: { AND: [{ id: requestId }, requestAccessWhere(actor, now)] },
    select: { id: true, position: { select: { gestione: true } }, quesito: { select: { state: true } } },
  });
  if (!request) throw new NotFoundError(REQUEST_NOT_FOUND);
  const refusal = contributorMessagingRefusal(request.quesito?.state ?? null);
  if (refusal) throw new ConflictError(refusal);

  const parsed = contributorMessageSchema.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const reference = draftReferenceSchema.parse(input);
  const scope = { purpose: "MESSAGGIO_RICHIESTA" as const, requestId: request.id };
  const draft = reference.bozza ? await findOwnDraft(actor, reference.bozza, scope, now) : null;
  const keptFiles = draft?.files.filter((file) => reference.conservati.includes(file.key)) ?? [];
  if (reference.conservati.length > 0 && !draft) mergeFieldErrors(errors, { [FILES_FIELD]: [DRAFT_FILES_GONE] });
  const settings = await prisma.gestioneSettings.findUniqueOrThrow({ where: { gestione: request.position.gestione } });
  mergeFieldErrors(errors, fileLimitErrors(settings, [...keptFiles, ...files]));
  if (!parsed.success || Object.keys(errors).length > 0) throw new ValidationError(errors);

  const restaged = await restageDraftFiles(keptFiles);
  const persisted = await persistFiles([...restaged.files, ...files]).finally(() => restaged.discard());
  let messageId: string;
  try {
    messageId = await prisma.$transaction(async (tx) => {
      const message = await tx.message.create({
        data: {
          requestId: request.id,
          visibility: "PUBBLICO",
          body: parsed.data.text,
          authorPersonId: actor.personId,
          actingProfile: actor.profile,
          createdAt: now,
          ...messageFilesData(persisted),
        },
        select: { id: true },
      });
      await applyTransition(tx, {
        action: "MESSAGGIO_CONTRIBUENTE",
        messageId: message.id,
        actor,
        quesito: { requestId: request.id },
        at: now,
      });
      return message.id;
    });
  } catch (error) {
    await persisted.discard();
    throw error;
  }
  if (draft) await deleteDraft(draft.id);
  return { messageId };
}
