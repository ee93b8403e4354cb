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
import { getQuesito } from "@/server/quesiti/get-quesito";
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
    idempotencyKey: randomUUID(),
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
      gestione: "AZIENDE",
      subjectId,
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

  it("the office sees where each of its notices stands: queued, delivered, or not delivered and why", async () => {
    const created = await createCommunication(operator, form(), [], now);
    const notices = async (who: OperatorActor = operator) =>
      (await getQuesito(who, created.quesitoId, "/fascicolo/quesiti")).communication?.notifications;

    expect(await notices()).toEqual([
      expect.objectContaining({ channel: "EMAIL", channelLabel: "E-mail", recipient: "titolare@example.it", state: "IN_CODA", at: null }),
    ]);

    const sentAt = new Date("2026-11-20T10:01:00Z");
    await prisma.notification.updateMany({ where: { requestId: created.requestId }, data: { status: "SENT", sentAt } });
    expect(await notices()).toEqual([expect.objectContaining({ state: "CONSEGNATA", at: sentAt, reason: null })]);

    const failedAt = new Date("2026-11-20T10:05:00Z");
    await prisma.notification.updateMany({
      where: { requestId: created.requestId },
      data: { status: "FAILED_PERMANENT", failedAt, failureReason: "La casella del destinatario non esiste." },
    });
    expect(await notices()).toEqual([
      expect.objectContaining({ state: "NON_CONSEGNATA", at: failedAt, reason: "La casella del destinatario non esiste." }),
    ]);

    // Read in one relation with the page's failed notices: the communication's are its event's, as sent;
    // the failures are all of the request's, newest first.
    const sent = await prisma.notification.findFirstOrThrow({ where: { requestId: created.requestId } });
    const afterSent = (seconds: number) => new Date(sent.createdAt.getTime() + seconds * 1000);
    const notice = (data: { eventId?: string | null; recipient: string; createdAt: Date; failedAt?: Date }) =>
      prisma.notification.create({
        data: {
          requestId: created.requestId,
          channel: "EMAIL",
          template: "AVVISO",
          templateVersion: 1,
          body: "Avviso.",
          status: data.failedAt ? "FAILED_PERMANENT" : "QUEUED",
          ...data,
        },
        select: { id: true },
      });
    const later = await notice({ eventId: sent.eventId, recipient: "secondo@example.it", createdAt: afterSent(1) });
    const unrelated = await notice({ recipient: "altro@example.it", createdAt: afterSent(2), failedAt: new Date("2026-11-20T10:06:00Z") });
    const detail = await getQuesito(operator, created.quesitoId, "/fascicolo/quesiti");
    expect(detail.communication?.notifications.map((delivery) => delivery.id)).toEqual([sent.id, later.id]);
    expect(detail.failedNotifications.map((failure) => failure.id)).toEqual([unrelated.id, sent.id]);

    // An operator of another office does not see the quesito, nor its notices.
    const elsewhere = await createHolderWithPosition("AZIENDE");
    await expect(notices(await operatorActor(elsewhere.office.id))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a notice by SMS is shown with the number masked, sent until the provider confirms it", async () => {
    await prisma.contactProfile.create({
      data: { personId: holder.id, gestione: "AZIENDE", email: "titolare@example.it", mobile: "+393331234567", preferredChannel: "SMS" },
    });
    const created = await createCommunication(operator, form(), [], now);
    await prisma.notification.updateMany({ where: { requestId: created.requestId }, data: { status: "SENT", sentAt: now } });

    expect((await getQuesito(operator, created.quesitoId, "/fascicolo/quesiti")).communication?.notifications).toEqual([
      expect.objectContaining({ channel: "SMS", recipient: "+39 •••••••567", state: "INVIATA", at: now }),
    ]);
  });

  /** What one communication leaves behind: rows, notices and stored files. */
  async function sentTotals() {
    const [requests, notifications, attachments, events] = await Promise.all([
      prisma.request.findMany({ where: { positionId: position.id, direction: "DALLA_SEDE" }, select: { protocolNumber: true } }),
      prisma.notification.count({ where: { request: { positionId: position.id } } }),
      prisma.attachment.findMany({ where: { message: { request: { positionId: position.id } } }, select: { storageKey: true } }),
      prisma.requestEvent.count({ where: { request: { positionId: position.id } } }),
    ]);
    const bundles = await prisma.message.findMany({
      where: { bundleKey: { not: null }, request: { positionId: position.id } },
      select: { bundleKey: true },
    });
    return {
      protocolNumbers: requests.map((request) => request.protocolNumber),
      notifications,
      events,
      storedKeys: [...attachments.map((file) => file.storageKey), ...bundles.map((message) => message.bundleKey)].sort(),
    };
  }

  it("answers a repeated submission with the communication it sent, without a second one", async () => {
    const input = form();
    const first = await createCommunication(operator, input, [await stagePdf("avviso.pdf")], now);
    const storedAfterFirst = await storage.storedKeys();

    const again = await createCommunication(operator, input, [await stagePdf("avviso.pdf")], now);

    expect(first.replayed).toBe(false);
    expect(again).toEqual({ ...first, replayed: true });
    expect(await sentTotals()).toMatchObject({ protocolNumbers: [first.protocolNumber], notifications: 1, events: 1 });
    expect(await storage.storedKeys()).toEqual(storedAfterFirst);
  });

  it("sends a double submit once, even when both arrive together: one protocol number, one notice, files stored once", async () => {
    const input = form();
    const storedBefore = await storage.storedKeys();

    const results = await Promise.all([
      createCommunication(operator, input, [await stagePdf("a.pdf")], now),
      createCommunication(operator, input, [await stagePdf("b.pdf")], now),
    ]);

    expect(results[0].quesitoId).toBe(results[1].quesitoId);
    expect(results.map((result) => result.replayed).sort()).toEqual([false, true]);
    const totals = await sentTotals();
    expect(totals).toMatchObject({ protocolNumbers: [results[0].protocolNumber], notifications: 1, events: 1 });
    // Only the winner's file and bundle remain in storage.
    expect(totals.storedKeys).toHaveLength(2);
    expect(await storage.storedKeys()).toEqual([...storedBefore, ...totals.storedKeys].sort());
    // The loser's protocol number went back: the next communication takes the following one.
    const next = await createCommunication(operator, form(), [], now);
    expect(Number(next.protocolNumber.slice(-7))).toBe(Number(results[0].protocolNumber.slice(-7)) + 1);
  });

  it("the key is the operator's own: a colleague's submission with the same key is another communication", async () => {
    const input = form();
    const colleague = await operatorActor(operator.office.id);

    const mine = await createCommunication(operator, input, [], now);
    const theirs = await createCommunication(colleague, input, [], now);

    expect(theirs.replayed).toBe(false);
    expect(theirs.requestId).not.toBe(mine.requestId);
    expect(await communicationsOf()).toBe(2);
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
