import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { createCommunication } from "@/server/communications/create-communication";
import { getNewCommunicationForm } from "@/server/communications/get-new-communication-form";
import { getNewCommunicationLimits } from "@/server/communications/get-new-communication-limits";
import { ANSWER_BY_MISSING, ANSWER_BY_PAST } from "@/server/communications/schemas";
import { prisma } from "@/server/db/client";
import { NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { addContributorMessage } from "@/server/requests/add-contributor-message";
import { SUBJECT_NOT_IN_GESTIONE } from "@/server/requests/active-subject";
import { getRequest } from "@/server/requests/get-request";
import { NO_REPLY_EXPECTED } from "@/server/workflow/contributor-messaging";
import {
  createHolderWithPosition,
  type HolderWithPosition,
  seededSubject,
  withStorageAndReferenceData,
} from "../../support/request-fixtures";
import { contributorActor, operatorActor } from "../../support/quesito-fixtures";
import { stagePdf } from "../../support/request-files";

const now = new Date("2026-11-20T10:00:00Z");
const storage = withStorageAndReferenceData({ nothingLeftStaged: true });

describe("createCommunication", () => {
  let holder: HolderWithPosition["holder"];
  let position: HolderWithPosition["position"];
  let operator: OperatorActor;
  let subjectId: string;

  const form = (overrides: Record<string, unknown> = {}) => ({
    positionId: position.id,
    subjectId,
    text: "Si comunica l'avvio della verifica dei versamenti 2025.",
    answerExpected: "on",
    answerBy: "2026-12-15",
    ...overrides,
  });

  /** The ValidationError's field messages. */
  async function refusal(promise: Promise<unknown>) {
    const error = await promise.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).fieldErrors;
  }

  const communicationsOf = () => prisma.request.count({ where: { positionId: position.id, direction: "DALLA_SEDE" } });

  beforeEach(async () => {
    let office;
    ({ holder, position, office } = await createHolderWithPosition("AZIENDE"));
    await prisma.personArchiveContact.create({ data: { personId: holder.id, email: "titolare@example.it" } });
    operator = await operatorActor(office.id);
    subjectId = (await seededSubject("AZIENDE")).id;
  });

  it("protocols it outgoing with the office's AOO, opens a quesito waiting for the contributor, and notifies them", async () => {
    const storedBefore = (await storage.storedKeys()).length;
    const created = await createCommunication(operator, form(), [await stagePdf("avviso.pdf")], now);

    expect(created.protocolNumber).toMatch(new RegExp(`^INPS\\.${operator.office.code}\\.20/11/2026\\.\\d{7}$`));
    const request = await prisma.request.findUniqueOrThrow({
      where: { id: created.requestId },
      include: {
        quesito: true,
        messages: { include: { attachments: true } },
        events: true,
        notifications: { select: { channel: true, recipient: true, template: true, subject: true } },
      },
    });
    expect(request).toMatchObject({
      direction: "DALLA_SEDE",
      holderId: holder.id,
      submittedById: null,
      contactEmail: "titolare@example.it",
      consentEmail: true,
      protocolNumber: created.protocolNumber,
    });
    expect(request.quesito).toMatchObject({
      id: created.quesitoId,
      officeId: operator.office.id,
      assigneeId: operator.operatorId,
      state: "IN_ATTESA_CONTRIBUENTE",
      dueAt: new Date("2026-12-15T23:00:00Z"),
      closedAt: null,
    });
    expect(request.messages).toHaveLength(1);
    expect(request.messages[0]).toMatchObject({ visibility: "PUBBLICO", authorOperatorId: operator.operatorId });
    expect(request.messages[0]?.attachments.map((file) => file.fileName)).toEqual(["avviso.pdf"]);
    expect(request.events).toEqual([
      expect.objectContaining({
        type: "COMUNICAZIONE_INVIATA",
        actorOperatorId: operator.operatorId,
        toState: "IN_ATTESA_CONTRIBUENTE",
        data: { protocolNumber: created.protocolNumber, protocol: "USCITA", answerBy: "2026-12-15" },
      }),
    ]);
    expect(request.notifications).toEqual([
      {
        channel: "EMAIL",
        recipient: "titolare@example.it",
        template: "comunicazione-della-sede",
        subject: `Comunicazione della sede n. ${created.protocolNumber}`,
      },
    ]);
    // The file and the message's bundle.
    expect(await storage.storedKeys()).toHaveLength(storedBefore + 2);
  });

  it("the contributor reads it as received and answers it; the quesito moves back to the office", async () => {
    const created = await createCommunication(operator, form(), [], now);

    const detail = await getRequest(contributorActor(holder), created.requestId, now);
    expect(detail).toMatchObject({ direction: "DALLA_SEDE", messaging: { allowed: true } });
    expect(detail.history.map((entry) => entry.label)).toEqual(["Comunicazione inviata dalla sede"]);
    await addContributorMessage(contributorActor(holder), created.requestId, { text: "Allego la documentazione richiesta." }, [], now);

    expect(await prisma.quesito.findUniqueOrThrow({ where: { id: created.quesitoId } })).toMatchObject({ state: "IN_LAVORAZIONE" });
  });

  it("without an answer expected, the quesito is closed at once and the contributor may not write", async () => {
    const created = await createCommunication(operator, form({ answerExpected: undefined, answerBy: "" }), [], now);

    expect(await prisma.quesito.findUniqueOrThrow({ where: { id: created.quesitoId } })).toMatchObject({
      state: "CHIUSO",
      dueAt: null,
      closedAt: now,
    });
    const detail = await getRequest(contributorActor(holder), created.requestId, now);
    expect(detail.messaging).toEqual({ allowed: false, reason: NO_REPLY_EXPECTED });
    await expect(addContributorMessage(contributorActor(holder), created.requestId, { text: "Prendo nota." }, [], now)).rejects.toThrow(
      NO_REPLY_EXPECTED,
    );
  });

  it("a position outside the office's competence is not found, and nothing is written", async () => {
    const elsewhere = await createHolderWithPosition("AZIENDE");

    await expect(createCommunication(operator, form({ positionId: elsewhere.position.id }), [], now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createCommunication(operator, form({ positionId: randomUUID() }), [], now)).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.request.count({ where: { positionId: elsewhere.position.id } })).toBe(0);
  });

  it("a communication without position, subject or text gets a message at each field", async () => {
    const errors = await refusal(createCommunication(operator, { text: "  ", answerExpected: "on", answerBy: "2026-12-01" }, [], now));

    expect(errors).toMatchObject({
      positionId: ["Scegliere la posizione contributiva."],
      subjectId: ["Scegliere l'oggetto della comunicazione."],
      text: ["Scrivere il testo della comunicazione."],
    });
    expect(await communicationsOf()).toBe(0);
  });

  it("a subject of another gestione's tree is refused at the subject", async () => {
    const other = await seededSubject("ARTIGIANI_COMMERCIANTI");

    expect(await refusal(createCommunication(operator, form({ subjectId: other.id }), [], now))).toEqual({
      subjectId: [SUBJECT_NOT_IN_GESTIONE],
    });
  });

  it("an answer date missing or already past is refused at the date; today is accepted", async () => {
    expect(await refusal(createCommunication(operator, form({ answerBy: "" }), [], now))).toEqual({ answerBy: [ANSWER_BY_MISSING] });
    expect(await refusal(createCommunication(operator, form({ answerBy: "2026-11-19" }), [], now))).toEqual({ answerBy: [ANSWER_BY_PAST] });
    expect(await communicationsOf()).toBe(0);

    await createCommunication(operator, form({ answerBy: "2026-11-20" }), [], now);
    expect(await communicationsOf()).toBe(1);
  });

  it("files beyond the gestione's limits are refused, and no file is stored", async () => {
    const files = await Promise.all([1, 2, 3, 4].map((n) => stagePdf(`documento-${n}.pdf`)));
    const storedBefore = await storage.storedKeys();

    const errors = await refusal(createCommunication(operator, form(), files, now));

    expect(errors.allegati?.[0]).toMatch(/file/i);
    expect(await communicationsOf()).toBe(0);
    expect(await storage.storedKeys()).toEqual(storedBefore);
  });
});

describe("getNewCommunicationForm", () => {
  it("finds the office's positions by codice fiscale, matricola or name, and only those; another office's position is not found", async () => {
    const { holder, position, office } = await createHolderWithPosition("AZIENDE");
    const operator = await operatorActor(office.id);
    const elsewhere = await createHolderWithPosition("AZIENDE");

    const byCodiceFiscale = await getNewCommunicationForm(operator, { q: holder.codiceFiscale.toLowerCase() });
    expect(byCodiceFiscale.matches.map((match) => match.id)).toEqual([position.id]);
    expect((await getNewCommunicationForm(operator, { q: position.matricola.slice(0, 6) })).matches.map((match) => match.id)).toContain(
      position.id,
    );
    expect((await getNewCommunicationForm(operator, { q: position.denominazione.toLowerCase() })).matches.map((match) => match.id)).toEqual(
      [position.id],
    );
    expect((await getNewCommunicationForm(operator, { q: elsewhere.holder.codiceFiscale })).matches).toEqual([]);
    expect((await getNewCommunicationForm(operator, { q: "%" })).matches).toEqual([]);

    const chosen = await getNewCommunicationForm(operator, { positionId: position.id });
    expect(chosen.chosen).toMatchObject({ id: position.id, gestioneLabel: "Aziende", limits: { maxFiles: 3 } });
    expect(chosen.chosen?.subjects.length).toBeGreaterThan(0);
    await expect(getNewCommunicationForm(operator, { positionId: elsewhere.position.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getNewCommunicationLimits(operator, elsewhere.position.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getNewCommunicationLimits(operator, position.id)).toEqual({ maxFiles: 3, maxBytesPerFile: 3 * 1024 * 1024 });
  });
});
