import "server-only";
import { dueAfterWorkingDays } from "@/lib/working-days";
import { messageFilesData } from "@/server/attachments/persist-files";
import type { StagedFile } from "@/server/attachments/receive-upload";
import { prisma } from "@/server/db/client";
import { createOnce } from "@/server/db/create-once";
import { mergeFieldErrors, ValidationError, type FieldErrors } from "@/server/errors/domain-errors";
import { fieldErrorsOf } from "@/server/errors/parse-input";
import type { ContributorActor } from "@/server/identity/actor";
import { assignProtocolNumber, provisionalProtocolNumber } from "@/server/protocol/assign-protocol-number";
import { findActablePosition } from "./actable-position";
import { findActiveSubject, SUBJECT_NOT_IN_GESTIONE } from "./active-subject";
import { deleteDraft, keptDraftFiles, writeWithFormFiles } from "@/server/drafts/form-drafts";
import { openingEvents } from "@/server/workflow/lifecycle";
import { contactRuleErrors, contactsSchema, fileLimitErrors, idempotencyKeyField, newRequestSchema } from "./schemas";

export type CreatedRequest = {
  id: string;
  protocolNumber: string;
  /** True when the same submission had already been registered ("Invia" pressed twice). */
  replayed: boolean;
};

/** The request a submitter already registered under an idempotency key (for `createOnce`). */
export function findSubmission(actor: ContributorActor) {
  return (idempotencyKey: string) =>
    prisma.request.findUnique({
      where: { submittedById_idempotencyKey: { submittedById: actor.personId, idempotencyKey } },
      select: { id: true, protocolNumber: true },
    });
}

/**
 * "Invia" on Nuova richiesta (F03–F05). `input` is the form's fields (with
 * the draft reference of a corrected form), `files` the new attachments,
 * already staged within the gestione's limits.
 *
 * Checks everything first and reports every field problem at once
 * (ValidationError); a position the actor may not act on now is not found.
 * Then stores the files and, in ONE transaction, writes the request, its
 * quesito, the first message with its attachments and the opening events
 * (with their notices), and last takes the competent office's next protocol
 * number, so that concurrent submissions to one office queue on its counter
 * only briefly: a failure anywhere leaves no row and no stored file, and
 * gives the protocol number back.
 *
 * Idempotent per submitter and idempotency key (the hidden field of the
 * form): a repeated submission returns the request the first one registered.
 */
export async function createRequest(
  actor: ContributorActor,
  input: Record<string, unknown>,
  files: StagedFile[],
  now = new Date(),
): Promise<CreatedRequest> {
  const key = idempotencyKeyField.safeParse(input.idempotencyKey);
  return createOnce(key.success ? key.data : null, findSubmission(actor), () => registerRequest(actor, input, files, now));
}

async function registerRequest(
  actor: ContributorActor,
  input: Record<string, unknown>,
  files: StagedFile[],
  now: Date,
): Promise<Omit<CreatedRequest, "replayed">> {
  const parsed = newRequestSchema.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const positionId = typeof input.positionId === "string" ? input.positionId.trim() : "";
  const position = positionId ? await findActablePosition(actor, positionId, now) : null;

  const subjectId = newRequestSchema.shape.subjectId.safeParse(input.subjectId);
  const subject = position && subjectId.success ? await findActiveSubject(position.gestione, subjectId.data) : null;
  if (position && subjectId.success && !subject) mergeFieldErrors(errors, { subjectId: [SUBJECT_NOT_IN_GESTIONE] });

  const contacts = contactsSchema.safeParse(input);
  if (position && contacts.success) mergeFieldErrors(errors, contactRuleErrors(position.settings, contacts.data));

  const kept = await keptDraftFiles(actor, input, { purpose: "NUOVA_RICHIESTA" }, now);
  mergeFieldErrors(errors, kept.errors);
  if (position) mergeFieldErrors(errors, fileLimitErrors(position.settings, [...kept.files, ...files]));

  if (!parsed.success || !position || !subject || Object.keys(errors).length > 0) throw new ValidationError(errors);
  const data = parsed.data;
  const office = subject.routeToOffice ?? position.office;
  // The subject's time to answer, else its gestione's, in working days from today in Rome (B4, decision 0034).
  const dueAt = dueAfterWorkingDays(now, subject.maxResponseWorkingDays ?? position.settings.maxResponseWorkingDays);

  const created = await writeWithFormFiles(kept.files, files, (persisted) =>
    prisma.$transaction(async (tx) => {
      const provisional = provisionalProtocolNumber(office, now);
      const request = await tx.request.create({
        data: {
          positionId: position.id,
          subjectId: subject.id,
          text: data.text,
          submittedById: actor.personId,
          actingProfile: actor.profile,
          holderId: position.holderId,
          contactEmail: data.email ?? null,
          contactPec: data.pec ?? null,
          contactMobile: data.mobile ?? null,
          contactLandline: data.landline ?? null,
          contactFax: data.fax ?? null,
          extraEmail: data.extraEmail ?? null,
          consentEmail: data.consentEmail,
          consentSms: data.consentSms,
          consentPec: data.consentPec,
          protocolNumber: provisional,
          idempotencyKey: data.idempotencyKey,
          createdAt: now,
          lastActivityAt: now,
        },
        select: { id: true },
      });
      await tx.quesito.create({
        data: { requestId: request.id, officeId: office.id, gestione: position.gestione, subjectId: subject.id, receivedAt: now, dueAt },
      });
      await tx.message.create({
        data: {
          requestId: request.id,
          visibility: "PUBBLICO",
          body: data.text,
          authorPersonId: actor.personId,
          actingProfile: actor.profile,
          createdAt: now,
          ...messageFilesData(persisted),
        },
      });
      await openingEvents(tx, request.id, actor, office, now);
      // Last: the office's counter row stays locked only for this statement and the commit.
      const protocolNumber = await assignProtocolNumber(tx, office, now, provisional);
      return { id: request.id, protocolNumber };
    }),
  );
  if (kept.draftId) await deleteDraft(kept.draftId);
  return created;
}
