import "server-only";
import { dueAfterWorkingDays } from "@/lib/working-days";
import { messageFilesData } from "@/server/attachments/persist-files";
import type { StagedFile } from "@/server/attachments/receive-upload";
import { prisma } from "@/server/db/client";
import { createOnce } from "@/server/db/create-once";
import { mergeFieldErrors, NotFoundError, ValidationError, type FieldErrors } from "@/server/errors/domain-errors";
import { fieldErrorsOf } from "@/server/errors/parse-input";
import type { ContributorActor } from "@/server/identity/actor";
import { assignProtocolNumber, provisionalProtocolNumber } from "@/server/protocol/assign-protocol-number";
import type { Prisma } from "@/generated/prisma/client";
import type { Gestione } from "@/generated/prisma/enums";
import { FILES_FIELD } from "@/server/attachments/files-field";
import { findActablePosition, POSITION_NOT_FOUND } from "./actable-position";
import { formSettingsVersion } from "./form-settings";
import {
  findActiveSubject,
  INSTANCE_AREA_CODES,
  SUBJECT_NOT_IN_GESTIONE,
  SUBJECT_ONLY_AS_INSTANCE,
  type ActiveSubject,
} from "./active-subject";
import { deleteDraft, keptDraftFiles, writeWithFormFiles } from "@/server/drafts/form-drafts";
import { openingEvents } from "@/server/workflow/lifecycle";
import { contactRuleErrors, contactsSchema, fileLimitErrors, idempotencyKeyField, newRequestSchema, type ContactsInput } from "./schemas";

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

/** What the request path needs of a form's fields once parsed: the contacts and consents, the text, the key. */
export type RequestFormData = ContactsInput & { text: string; idempotencyKey: string };

/**
 * A form that files a request: Nuova richiesta, or an Istanza online
 * (src/server/istanze). Each parses its own fields and names the subject;
 * the path does the rest the same way for both.
 */
export type RequestForm = {
  purpose: "NUOVA_RICHIESTA" | "ISTANZA";
  /** Parses the fields: the data, with what the request stores of the form beyond the text (an istanza's values). */
  parse(input: Record<string, unknown>): { data: RequestFormData; istanza?: Prisma.InputJsonValue } | { errors: FieldErrors };
  /** The subject, for the position's gestione: null with the field's message when it is not one. */
  subject(gestione: Gestione, input: Record<string, unknown>): Promise<{ subject: ActiveSubject | null; errors: FieldErrors }>;
  /** Only positions of this gestione: another is not found. */
  gestione?: Gestione;
  /** The message when no file is attached to a form that requires one. */
  filesRequired?: string;
};

const newRequestForm: RequestForm = {
  purpose: "NUOVA_RICHIESTA",
  parse(input) {
    const parsed = newRequestSchema.safeParse(input);
    return parsed.success ? { data: parsed.data } : { errors: fieldErrorsOf(parsed.error) };
  },
  async subject(gestione, input) {
    const subjectId = newRequestSchema.shape.subjectId.safeParse(input.subjectId);
    if (!subjectId.success) return { subject: null, errors: {} };
    const subject = await findActiveSubject(gestione, { id: subjectId.data });
    // An istanza's subject: only its structured form files it (decision 0038).
    const message = !subject
      ? SUBJECT_NOT_IN_GESTIONE
      : subject.parent?.code === INSTANCE_AREA_CODES[gestione]
        ? SUBJECT_ONLY_AS_INSTANCE
        : null;
    const errors: FieldErrors = message ? { subjectId: [message] } : {};
    return { subject: message ? null : subject, errors };
  },
};

/**
 * "Invia" on Nuova richiesta (F03–F05). `input` is the form's fields (with
 * the draft reference of a corrected form, and `settingsVersion`, the
 * gestione settings' version the form was opened on: its limits hold,
 * decision 0044), `files` the new attachments, already staged within them.
 */
export async function createRequest(
  actor: ContributorActor,
  input: Record<string, unknown>,
  files: StagedFile[],
  now = new Date(),
): Promise<CreatedRequest> {
  return fileRequest(actor, newRequestForm, input, files, now);
}

/**
 * A request filed through `form`. Checks everything first and reports every
 * field problem at once (ValidationError); a position the actor may not act
 * on now (or not of the form's gestione) is not found.
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
export async function fileRequest(
  actor: ContributorActor,
  form: RequestForm,
  input: Record<string, unknown>,
  files: StagedFile[],
  now = new Date(),
): Promise<CreatedRequest> {
  const key = idempotencyKeyField.safeParse(input.idempotencyKey);
  return createOnce(key.success ? key.data : null, findSubmission(actor), () => registerRequest(actor, form, input, files, now));
}

async function registerRequest(
  actor: ContributorActor,
  form: RequestForm,
  input: Record<string, unknown>,
  files: StagedFile[],
  now: Date,
): Promise<Omit<CreatedRequest, "replayed">> {
  const parsed = form.parse(input);
  const errors: FieldErrors = "errors" in parsed ? parsed.errors : {};
  const positionId = typeof input.positionId === "string" ? input.positionId.trim() : "";
  const position = positionId ? await findActablePosition(actor, positionId, now, formSettingsVersion(input.settingsVersion)) : null;
  if (position && form.gestione && position.gestione !== form.gestione) throw new NotFoundError(POSITION_NOT_FOUND);

  const chosen = position ? await form.subject(position.gestione, input) : { subject: null, errors: {} };
  mergeFieldErrors(errors, chosen.errors);
  const { subject } = chosen;

  const contacts = contactsSchema.safeParse(input);
  if (position && contacts.success) mergeFieldErrors(errors, contactRuleErrors(position.settings, contacts.data));

  const kept = await keptDraftFiles(actor, input, { purpose: form.purpose }, now);
  mergeFieldErrors(errors, kept.errors);
  const allFiles = [...kept.files, ...files];
  if (position) mergeFieldErrors(errors, fileLimitErrors(position.settings, allFiles));
  if (form.filesRequired && allFiles.length === 0 && !errors[FILES_FIELD])
    mergeFieldErrors(errors, { [FILES_FIELD]: [form.filesRequired] });

  if ("errors" in parsed || !position || !subject || Object.keys(errors).length > 0) throw new ValidationError(errors);
  const { data, istanza } = parsed;
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
          ...(istanza === undefined ? {} : { istanza }),
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
