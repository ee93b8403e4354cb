import "server-only";
import type { PreferredChannel, QuesitoState } from "@/generated/prisma/enums";
import { isUuid } from "@/lib/form-fields";
import { romeDayEnd } from "@/lib/rome-dates";
import { officePositionsWhere } from "@/server/access/position-access";
import { messageFilesData } from "@/server/attachments/persist-files";
import type { StagedFile } from "@/server/attachments/receive-upload";
import { currentContacts, type CurrentContacts } from "@/server/contacts/current-contacts";
import { prisma } from "@/server/db/client";
import { createOnce } from "@/server/db/create-once";
import { deleteDraft, keptDraftFiles, writeWithFormFiles } from "@/server/drafts/form-drafts";
import { mergeFieldErrors, NotFoundError, ValidationError, type FieldErrors } from "@/server/errors/domain-errors";
import { fieldErrorsOf } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { assignProtocolNumber, provisionalProtocolNumber } from "@/server/protocol/assign-protocol-number";
import { findActiveSubject, SUBJECT_NOT_IN_GESTIONE } from "@/server/requests/active-subject";
import { fileLimitErrors, idempotencyKeyField } from "@/server/requests/schemas";
import { communicationEvents } from "@/server/workflow/lifecycle";
import { newCommunicationSchema } from "./schemas";

export const OFFICE_POSITION_NOT_FOUND = "La posizione indicata non esiste o non è di competenza della sede.";

export type CreatedCommunication = {
  requestId: string;
  quesitoId: string;
  protocolNumber: string;
  /** True when the same submission had already been sent ("Invia" pressed twice). */
  replayed: boolean;
};

function findByKey(operator: OperatorActor) {
  return async (idempotencyKey: string) => {
    const sent = await prisma.request.findUnique({
      where: { sentByOperatorId_idempotencyKey: { sentByOperatorId: operator.operatorId, idempotencyKey } },
      select: { id: true, protocolNumber: true, quesito: { select: { id: true } } },
    });
    return sent?.quesito ? { requestId: sent.id, quesitoId: sent.quesito.id, protocolNumber: sent.protocolNumber } : null;
  };
}

/**
 * Where the communication's notices go: the holder's Contatti for the
 * gestione as they are now (kept on the request, like a request's contacts),
 * on the preferred channel, or by e-mail when none is chosen.
 */
function noticeContacts({ values, preferredChannel }: CurrentContacts) {
  const consented = (channel: PreferredChannel) => (preferredChannel ?? "EMAIL") === channel;
  return {
    contactEmail: values.email,
    contactPec: values.pec,
    contactMobile: values.mobile,
    contactLandline: values.landline,
    contactFax: values.fax,
    consentEmail: consented("EMAIL"),
    consentPec: consented("PEC"),
    consentSms: consented("SMS"),
  };
}

/**
 * "Nuova comunicazione" (F22): the office writes first to a position under
 * its competence (any other is not found). Every field message comes at
 * once: subject outside the gestione's tree, text, files beyond the
 * gestione's limits (new ones and those kept from the form's draft), an
 * answer date missing or past. Then, in ONE transaction, the request
 * (DALLA_SEDE), its quesito in the office's queue — waiting for the
 * contributor until `answerBy` when an answer is expected, closed otherwise —
 * the office's message with its files, the history event with the
 * contributor's notices, and last the office's outgoing protocol number.
 *
 * Idempotent per operator and idempotency key (the form's hidden field): a
 * repeated or concurrent submission returns the communication the first one
 * sent, with one protocol number, one set of notices and its files stored once.
 */
export async function createCommunication(
  operator: OperatorActor,
  input: Record<string, unknown>,
  files: StagedFile[],
  now = new Date(),
): Promise<CreatedCommunication> {
  const key = idempotencyKeyField.safeParse(input.idempotencyKey);
  return createOnce(key.success ? key.data : null, findByKey(operator), () => sendCommunication(operator, input, files, now));
}

async function sendCommunication(
  operator: OperatorActor,
  input: Record<string, unknown>,
  files: StagedFile[],
  now: Date,
): Promise<Omit<CreatedCommunication, "replayed">> {
  const positionId = typeof input.positionId === "string" ? input.positionId.trim() : "";
  const position = isUuid(positionId)
    ? await prisma.position.findFirst({
        where: { AND: [{ id: positionId }, officePositionsWhere(operator)] },
        select: { id: true, gestione: true, holderId: true },
      })
    : null;
  if (isUuid(positionId) && !position) throw new NotFoundError(OFFICE_POSITION_NOT_FOUND);

  const parsed = newCommunicationSchema(now).safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const subject = position && parsed.success ? await findActiveSubject(position.gestione, { id: parsed.data.subjectId }) : null;
  if (position && parsed.success && !subject) mergeFieldErrors(errors, { subjectId: [SUBJECT_NOT_IN_GESTIONE] });

  const kept = await keptDraftFiles(operator, input, { purpose: "NUOVA_COMUNICAZIONE" }, now);
  mergeFieldErrors(errors, kept.errors);
  const settings = position ? await prisma.gestioneSettings.findUniqueOrThrow({ where: { gestione: position.gestione } }) : null;
  if (settings) mergeFieldErrors(errors, fileLimitErrors(settings, [...kept.files, ...files]));
  if (!parsed.success || !position || !subject || Object.keys(errors).length > 0) throw new ValidationError(errors);

  const { text, answerExpected, answerBy, idempotencyKey } = parsed.data;
  const contacts = (await currentContacts(prisma, position.holderId, [position.gestione])).get(position.gestione);
  const state: QuesitoState = answerExpected ? "IN_ATTESA_CONTRIBUENTE" : "CHIUSO";
  const office = operator.office;

  const created = await writeWithFormFiles(kept.files, files, (persisted) =>
    prisma.$transaction(async (tx) => {
      const provisional = provisionalProtocolNumber(office, now);
      const request = await tx.request.create({
        data: {
          direction: "DALLA_SEDE",
          positionId: position.id,
          subjectId: subject.id,
          holderId: position.holderId,
          sentByOperatorId: operator.operatorId,
          idempotencyKey,
          text,
          ...(contacts ? noticeContacts(contacts) : {}),
          protocolNumber: provisional,
          createdAt: now,
          lastActivityAt: now,
        },
        select: { id: true },
      });
      const quesito = await tx.quesito.create({
        data: {
          requestId: request.id,
          officeId: office.id,
          gestione: position.gestione,
          subjectId: subject.id,
          assigneeId: operator.operatorId,
          state,
          receivedAt: now,
          takenAt: now,
          dueAt: answerExpected && answerBy ? romeDayEnd(answerBy) : null,
          closedAt: answerExpected ? null : now,
        },
        select: { id: true },
      });
      await tx.message.create({
        data: {
          requestId: request.id,
          visibility: "PUBBLICO",
          body: text,
          authorOperatorId: operator.operatorId,
          createdAt: now,
          ...messageFilesData(persisted),
        },
      });
      await communicationEvents(tx, request.id, operator, { toState: state, answerBy: answerExpected ? (answerBy ?? null) : null }, now);
      // Last: the office's counter row stays locked only for this statement and the commit.
      const protocolNumber = await assignProtocolNumber(tx, office, now, provisional);
      return { requestId: request.id, quesitoId: quesito.id, protocolNumber };
    }),
  );
  if (kept.draftId) await deleteDraft(kept.draftId);
  return created;
}
