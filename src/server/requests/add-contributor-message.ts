import "server-only";
import { isUuid } from "@/lib/form-fields";
import { messageFilesData } from "@/server/attachments/persist-files";
import type { StagedFile } from "@/server/attachments/receive-upload";
import { prisma } from "@/server/db/client";
import { ConflictError, mergeFieldErrors, NotFoundError, ValidationError, type FieldErrors } from "@/server/errors/domain-errors";
import { notFoundFor } from "@/server/access/report-foreign-record";
import { fieldErrorsOf } from "@/server/errors/parse-input";
import type { ContributorActor } from "@/server/identity/actor";
import { contributorMessagingRefusal } from "@/server/workflow/contributor-messaging";
import { deleteDraft, keptDraftFiles, writeWithFormFiles } from "@/server/drafts/form-drafts";
import { applyTransition } from "@/server/workflow/lifecycle";
import { REQUEST_NOT_FOUND, requestAccessWhere } from "@/server/access/request-access";
import { contributorMessageSchema, fileLimitErrors } from "./schemas";

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
    select: { id: true, direction: true, position: { select: { gestione: true } }, quesito: { select: { state: true, esito: true } } },
  });
  if (!request) throw await notFoundFor(actor, "request", requestId, REQUEST_NOT_FOUND);
  const refusal = contributorMessagingRefusal(request.quesito, request.direction === "DALLA_SEDE");
  if (refusal) throw new ConflictError(refusal);

  const parsed = contributorMessageSchema.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const kept = await keptDraftFiles(actor, input, { purpose: "MESSAGGIO_RICHIESTA", requestId: request.id }, now);
  mergeFieldErrors(errors, kept.errors);
  const settings = await prisma.gestioneSettings.findUniqueOrThrow({ where: { gestione: request.position.gestione } });
  mergeFieldErrors(errors, fileLimitErrors(settings, [...kept.files, ...files]));
  if (!parsed.success || Object.keys(errors).length > 0) throw new ValidationError(errors);

  const messageId = await writeWithFormFiles(kept.files, files, (persisted) =>
    prisma.$transaction(async (tx) => {
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
    }),
  );
  if (kept.draftId) await deleteDraft(kept.draftId);
  return { messageId };
}
