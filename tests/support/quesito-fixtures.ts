import type { ActingProfile, Gestione, OperatorRole, RequestDirection } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import type { ContributorActor, OperatorActor } from "@/server/identity/actor";
import { resolveOperator } from "@/server/identity/resolve-operator";
import { assignProtocolNumber, provisionalProtocolNumber } from "@/server/protocol/assign-protocol-number";
import { takeQuesito } from "@/server/quesiti/take-quesito";
import { openingEvents } from "@/server/workflow/lifecycle";
import { createOffice, createOperator, createPerson, createPosition } from "./fixtures";

/** Builders for the office side and the actors of both sides: subjects, and requests with their quesito. */

let sequence = 0;

/** A new operator of the office, as an office session resolves them. */
export async function operatorActor(officeId: string, role?: OperatorRole): Promise<OperatorActor> {
  const operator = await createOperator(officeId, role);
  const actor = await resolveOperator(operator.id);
  if (!actor) throw new Error("operator not resolved");
  return actor;
}

/** The person acting in the Cassetto with one profile (the delegations that allow it are the test's business). */
export function contributorActor(person: { id: string; codiceFiscale: string }, profile: ActingProfile = "TITOLARE"): ContributorActor {
  return {
    kind: "contributor",
    personId: person.id,
    codiceFiscale: person.codiceFiscale,
    displayName: "Contribuente di prova",
    profile,
    availableProfiles: [profile],
  };
}

/** An area with one subject under it, in a gestione. */
export async function createSubjectTree(gestione: Gestione = "AZIENDE") {
  const n = ++sequence;
  const area = await prisma.subject.create({ data: { gestione, code: `AREA-${n}`, label: `Area ${n}` } });
  const subject = await prisma.subject.create({
    data: { gestione, code: `AREA-${n}-01`, label: `Argomento ${n}`, parentId: area.id },
  });
  return { area, subject };
}

/**
 * A protocolled request of the holder's position (created if not given) with
 * its quesito at `officeId`, the way the Cassetto registers one.
 */
export async function createQuesito(input: {
  officeId: string;
  holder?: { id: string; codiceFiscale: string };
  submitter?: { id: string; codiceFiscale: string };
  positionId?: string;
  subjectId?: string;
  text?: string;
  receivedAt?: Date;
  /** The request's: an office's communication with an answer expected has a quesito too. */
  direction?: RequestDirection;
}) {
  const holder = input.holder ?? (await createPerson("Titolare"));
  const position = input.positionId
    ? await prisma.position.findUniqueOrThrow({ where: { id: input.positionId } })
    : await createPosition(holder.id, input.officeId);
  const subjectId = input.subjectId ?? (await createSubjectTree()).subject.id;
  const receivedAt = input.receivedAt ?? new Date();
  const submitter = input.submitter ?? holder;
  const office = await prisma.office.findUniqueOrThrow({ where: { id: input.officeId } });
  return prisma.$transaction(async (tx) => {
    const provisional = provisionalProtocolNumber(office, receivedAt);
    const created = await tx.request.create({
      data: {
        positionId: position.id,
        subjectId,
        text: input.text ?? "Chiedo chiarimenti sulla mia posizione.",
        submittedById: submitter.id,
        actingProfile: submitter.id === holder.id ? "TITOLARE" : "INTERMEDIARIO",
        holderId: holder.id,
        contactEmail: "contribuente@example.it",
        contactMobile: "3331234567",
        consentEmail: true,
        protocolNumber: provisional,
        direction: input.direction ?? "DAL_CONTRIBUENTE",
        createdAt: receivedAt,
        lastActivityAt: receivedAt,
        quesito: { create: { officeId: office.id, gestione: position.gestione, subjectId, receivedAt } },
      },
      include: { quesito: true },
    });
    // As create-request does: the request's text is also the first message of its thread.
    await tx.message.create({
      data: {
        requestId: created.id,
        body: created.text,
        authorPersonId: submitter.id,
        actingProfile: created.actingProfile,
        createdAt: receivedAt,
      },
    });
    await openingEvents(tx, created.id, contributorActor(submitter), office, receivedAt);
    // As create-request does: the number last.
    const request = { ...created, protocolNumber: await assignProtocolNumber(tx, office, receivedAt, provisional) };
    const quesito = request.quesito;
    if (!quesito) throw new Error("quesito not created");
    return { request, quesito, holder };
  });
}

/** A new office whose operator has just taken a new quesito in charge (version 1): ready for a reply. */
export async function createTakenQuesito() {
  const officeId = (await createOffice()).id;
  const operator = await operatorActor(officeId);
  const { quesito, request } = await createQuesito({ officeId });
  await takeQuesito(operator, quesito.id, { expectedVersion: 0 });
  return { operator, quesitoId: quesito.id, requestId: request.id };
}
