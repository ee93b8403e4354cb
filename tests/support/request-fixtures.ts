import { randomUUID } from "node:crypto";
import { beforeAll } from "vitest";
import type { Gestione } from "@/generated/prisma/enums";
import type { StagedFile } from "@/server/attachments/receive-upload";
import { prisma } from "@/server/db/client";
import type { OperatorActor } from "@/server/identity/actor";
import { createRequest } from "@/server/requests/create-request";
import { applyTransition, type TransitionCommand } from "@/server/workflow/lifecycle";
import { createOffice, createPerson, createPosition } from "./fixtures";
import { seedDatabase } from "../../prisma/seed/seed-database";
import { contributorActor, operatorActor } from "./quesito-fixtures";
import { temporaryStorageForFile, type TemporaryStorage } from "./request-files";

/**
 * Builders for the contributor's side: a holder and their position, and
 * requests sent through the Cassetto's own service. They need the seeded
 * reference data (`seedDatabase`): gestioni and subject trees.
 */

/** A second-level subject of the seeded tree of a gestione. */
export async function seededSubject(gestione: Gestione = "AZIENDE") {
  return prisma.subject.findFirstOrThrow({
    where: { gestione, parentId: { not: null }, active: true },
    orderBy: { code: "asc" },
  });
}

/** A holder with a position of the gestione, at a new office. */
export async function createHolderWithPosition(gestione: Gestione = "AZIENDE") {
  const office = await createOffice();
  const holder = await createPerson("Titolare");
  const position = await createPosition(holder.id, office.id, gestione);
  return { office, holder, position };
}

export type HolderWithPosition = Awaited<ReturnType<typeof createHolderWithPosition>>;

/**
 * A holder's AZIENDE position at a new office with one operator, and a
 * request the holder sent on it at `at` through createRequest: protocolled,
 * routed to that office, its text the first message of the thread, with
 * `files` attached.
 */
export async function createSentRequest(input: { at: Date; files?: StagedFile[] }) {
  const { office, holder, position } = await createHolderWithPosition("AZIENDE");
  const operator = await operatorActor(office.id);
  const subject = await seededSubject("AZIENDE");
  const form = {
    positionId: position.id,
    subjectId: subject.id,
    text: "Chiedo la verifica del versamento di marzo.",
    email: "titolare@example.it",
    consentEmail: "on",
    idempotencyKey: randomUUID(),
  };
  const created = await createRequest(contributorActor(holder), form, input.files ?? [], input.at);
  return { office, operator, holder, position, requestId: created.id };
}

export type SentRequest = Awaited<ReturnType<typeof createSentRequest>>;

/** What the office does on the request's quesito, through the state machine, in a transaction of its own. */
export async function applyOfficeTransition(operator: OperatorActor, requestId: string, command: TransitionCommand, at?: Date) {
  await prisma.$transaction((tx) => applyTransition(tx, { ...command, actor: operator, quesito: { requestId }, at }));
}

/**
 * Registers this test file's set-up: its own file storage
 * (`temporaryStorageForFile`, with its options) and the reference data
 * (offices, gestioni, subject trees) loaded once before its tests.
 */
export function withStorageAndReferenceData(options: { nothingLeftStaged?: boolean } = {}): TemporaryStorage {
  const storage = temporaryStorageForFile(options);
  beforeAll(async () => {
    await seedDatabase(prisma, { includeDemo: false });
  });
  return storage;
}

/**
 * A communication the office started on a position, with its quesito at the
 * operator's office, written straight to the database: the read state's tests
 * need only its rows.
 */
export async function createOfficeCommunication(input: {
  operator: OperatorActor;
  position: { id: string; holderId: string; gestione: Gestione };
  at: Date;
  text?: string;
}) {
  const subject = await seededSubject(input.position.gestione);
  const text = input.text ?? "Si comunica l'avvio della verifica contributiva.";
  return prisma.request.create({
    data: {
      direction: "DALLA_SEDE",
      positionId: input.position.id,
      subjectId: subject.id,
      holderId: input.position.holderId,
      text,
      protocolNumber: `INPS.TEST.COM.${randomUUID()}`,
      createdAt: input.at,
      lastActivityAt: input.at,
      quesito: {
        create: { officeId: input.operator.office.id, gestione: input.position.gestione, subjectId: subject.id, receivedAt: input.at },
      },
      messages: { create: { body: text, authorOperatorId: input.operator.operatorId, createdAt: input.at } },
    },
    include: { quesito: { select: { id: true } } },
  });
}
