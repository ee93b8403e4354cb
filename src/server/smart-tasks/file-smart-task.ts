import "server-only";
import type { Gestione, SmartTaskKind } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import { createOnce } from "@/server/db/create-once";
import { mergeFieldErrors, ValidationError, type FieldErrors } from "@/server/errors/domain-errors";
import { fieldErrorsOf } from "@/server/errors/parse-input";
import type { ContributorActor } from "@/server/identity/actor";
import { assignProtocolNumber, provisionalProtocolNumber } from "@/server/protocol/assign-protocol-number";
import { currentContacts } from "@/server/contacts/current-contacts";
import { findActablePosition } from "@/server/requests/actable-position";
import { findSubmission, type CreatedRequest } from "@/server/requests/create-request";
import { idempotencyKeyField } from "@/server/requests/schemas";
import { openingEvents } from "@/server/workflow/lifecycle";
import { availableSmartTaskKinds } from "./enablement";
import { SMART_TASK_AREA, smartTaskKinds } from "./kinds";
import { enqueueSmartTask } from "./queue";
import { KIND_NOT_AVAILABLE, smartTaskFilingSchema, smartTaskPayloadSchemas } from "./schemas";

/**
 * "Invia" on a Smart-Task form (F14, decision 0037). The kind must be open to
 * the actor (opened on /admin/smart-task, and to their profile) and its fields valid, else field
 * messages; a position the actor may not act on is not found. Then, in ONE
 * transaction, it is filed like a request — Request, Quesito (marked
 * `smartTask`, routed to the position's office), the opening events and their
 * notices, the protocol number — with its SmartTask row and the processing
 * job. Whether the filer is entitled to what they ask is for the checks of
 * the job: a task that fails them ends Non accolta with the reasons.
 * Idempotent per filer and idempotency key, like a request.
 */
export async function fileSmartTask(actor: ContributorActor, input: Record<string, unknown>, now = new Date()): Promise<CreatedRequest> {
  const key = idempotencyKeyField.safeParse(input.idempotencyKey);
  return createOnce(key.success ? key.data : null, findSubmission(actor), () => registerSmartTask(actor, input, now));
}

async function registerSmartTask(
  actor: ContributorActor,
  input: Record<string, unknown>,
  now: Date,
): Promise<Omit<CreatedRequest, "replayed">> {
  const filing = smartTaskFilingSchema.safeParse(input);
  const errors: FieldErrors = filing.success ? {} : fieldErrorsOf(filing.error);
  const chosen = smartTaskFilingSchema.shape.kind.safeParse(input.kind);
  const kind = chosen.success ? chosen.data : null;
  if (kind && !(await availableSmartTaskKinds(actor)).includes(kind)) mergeFieldErrors(errors, { kind: [KIND_NOT_AVAILABLE] });
  const payload = kind ? smartTaskPayloadSchemas[kind].safeParse(input) : null;
  if (payload && !payload.success) mergeFieldErrors(errors, fieldErrorsOf(payload.error));
  if (!filing.success || !payload?.success || Object.keys(errors).length > 0) throw new ValidationError(errors);

  const { positionId, idempotencyKey } = filing.data;
  const position = await findActablePosition(actor, positionId, now);
  const subjectId = await smartTaskSubject(position.gestione, filing.data.kind);
  const contacts = (await currentContacts(prisma, actor.personId, [position.gestione])).get(position.gestione)?.values;
  const office = position.office;
  const text = `${smartTaskKinds[filing.data.kind].label}: richiesta trattata automaticamente dal portale.`;

  return prisma.$transaction(async (tx) => {
    const provisional = provisionalProtocolNumber(office, now);
    const request = await tx.request.create({
      data: {
        positionId: position.id,
        subjectId,
        text,
        submittedById: actor.personId,
        actingProfile: actor.profile,
        holderId: position.holderId,
        contactEmail: contacts?.email ?? null,
        contactPec: contacts?.pec ?? null,
        contactMobile: contacts?.mobile ?? null,
        consentEmail: Boolean(contacts?.email),
        consentPec: Boolean(contacts?.pec),
        consentSms: Boolean(contacts?.mobile),
        protocolNumber: provisional,
        idempotencyKey,
        createdAt: now,
        lastActivityAt: now,
      },
      select: { id: true },
    });
    await tx.quesito.create({
      data: { requestId: request.id, officeId: office.id, gestione: position.gestione, subjectId, receivedAt: now, smartTask: true },
    });
    await tx.message.create({
      data: {
        requestId: request.id,
        visibility: "PUBBLICO",
        body: text,
        authorPersonId: actor.personId,
        actingProfile: actor.profile,
        createdAt: now,
      },
    });
    const task = await tx.smartTask.create({
      data: {
        requestId: request.id,
        kind: filing.data.kind,
        filedById: actor.personId,
        actingProfile: actor.profile,
        payload: payload.data,
        createdAt: now,
      },
      select: { id: true },
    });
    await openingEvents(tx, request.id, actor, office, now);
    await enqueueSmartTask(tx, task.id);
    const protocolNumber = await assignProtocolNumber(tx, office, now, provisional);
    return { id: request.id, protocolNumber };
  });
}

/**
 * The subject of a kind in a gestione, under the Smart-Task area: created on
 * first use, inactive so that the ordinary request form never offers it.
 * Inserts that skip what exists, so that concurrent first uses agree.
 */
async function smartTaskSubject(gestione: Gestione, kind: SmartTaskKind): Promise<string> {
  await prisma.subject.createMany({
    data: [{ gestione, code: SMART_TASK_AREA.code, label: SMART_TASK_AREA.label, active: false }],
    skipDuplicates: true,
  });
  const area = await prisma.subject.findUniqueOrThrow({
    where: { gestione_code: { gestione, code: SMART_TASK_AREA.code } },
    select: { id: true },
  });
  await prisma.subject.createMany({
    data: [{ gestione, code: kind, label: smartTaskKinds[kind].label, parentId: area.id, active: false }],
    skipDuplicates: true,
  });
  const subject = await prisma.subject.findUniqueOrThrow({ where: { gestione_code: { gestione, code: kind } }, select: { id: true } });
  return subject.id;
}
