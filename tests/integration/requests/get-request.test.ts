import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { MessageVisibility } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import { ConflictError, NotFoundError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { addContributorMessage } from "@/server/requests/add-contributor-message";
import { NO_REPLY_EXPECTED } from "@/server/workflow/contributor-messaging";
import { createRequest } from "@/server/requests/create-request";
import { getRequest } from "@/server/requests/get-request";
import { applyTransition, type TransitionCommand } from "@/server/workflow/lifecycle";
import { createDelegation, createPerson } from "../../support/fixtures";
import { contributorActor } from "../../support/quesito-fixtures";
import { stagePdf } from "../../support/request-files";
import { readReferenceAsTheAppServer } from "../../support/reference-cache";
import { statementsOf } from "../../support/statement-log";
import {
  applyOfficeTransition,
  createSentRequest,
  seededSubject,
  type SentRequest,
  withStorageAndReferenceData,
} from "../../support/request-fixtures";

const now = new Date("2026-11-20T10:00:00Z");
withStorageAndReferenceData();

describe("getRequest", () => {
  let holder: SentRequest["holder"];
  let position: SentRequest["position"];
  let operator: OperatorActor;
  let requestId: string;
  let minute = 0;
  const later = () => new Date(now.getTime() + ++minute * 60_000);

  /** The office writes on the thread: a reply or an internal note, through the state machine. */
  async function officeMessage(visibility: MessageVisibility, body: string) {
    const at = later();
    await prisma.$transaction(async (tx) => {
      const message = await tx.message.create({
        data: { requestId, visibility, body, authorOperatorId: operator.operatorId, createdAt: at },
      });
      const action = visibility === "PUBBLICO" ? "RISPOSTA" : "NOTA_INTERNA";
      await applyTransition(tx, { action, messageId: message.id, actor: operator, quesito: { requestId }, at });
    });
  }

  const transition = (command: TransitionCommand) => applyOfficeTransition(operator, requestId, command, later());

  beforeEach(async () => {
    ({ holder, position, operator, requestId } = await createSentRequest({ at: now, files: [await stagePdf("ricevuta.pdf")] }));
  });

  it("shows a new request: open, protocolled, routed, with its first message and file", async () => {
    const detail = await getRequest(contributorActor(holder), requestId, now);

    expect(detail).toMatchObject({
      state: "APERTA",
      stateLabel: "Aperta",
      onBehalf: false,
      position: { id: position.id, matricola: position.matricola, gestioneLabel: "Aziende" },
      contacts: { email: "titolare@example.it", consentEmail: true, consentSms: false },
      esito: null,
      messaging: { allowed: true, limits: { maxFiles: 3, maxBytesPerFile: 3 * 1024 * 1024 } },
    });
    expect(detail.protocolNumber).toMatch(/^INPS\.\d{4}\.20\/11\/2026\.0000001$/);
    expect(detail.subject.areaLabel).toBeTruthy();
    expect(detail.messages).toHaveLength(1);
    expect(detail.messages[0]).toMatchObject({
      body: "Chiedo la verifica del versamento di marzo.",
      author: { kind: "contributor" },
    });
    expect(detail.messages[0]?.attachments.map((file) => file.fileName)).toEqual(["ricevuta.pdf"]);
    expect(detail.history.map((entry) => entry.type)).toEqual(["PROTOCOLLATA", "SMISTATA"]);
  });

  it("reads a view in one hand-written statement while the reference cache listens, the access rule within it", async () => {
    const stop = await readReferenceAsTheAppServer();
    try {
      await getRequest(contributorActor(holder), requestId, now); // fills the cache
      const { result, statements } = await statementsOf(() => getRequest(contributorActor(holder), requestId, now));

      expect(result.id).toBe(requestId);
      expect(statements).toEqual([
        expect.stringMatching(/^\/\* prepared \*\/\s+SELECT json_build_object\(.*WHERE r\.id = \$\d+::uuid AND r\."positionId" IN/s),
      ]);
    } finally {
      await stop();
    }
  });

  it("shows the office's replies and comments at each state change, never its internal notes", async () => {
    await transition({ action: "PRESA_IN_CARICO" });
    await officeMessage("INTERNO", "Nota interna: verificare con l'ufficio vigilanza.");
    await officeMessage("PUBBLICO", "Il versamento risulta abbinato alla matricola corretta.");
    await transition({ action: "STATO_MODIFICATO", toState: "IN_ATTESA_CONTRIBUENTE", comment: "Serve la quietanza F24." });

    const detail = await getRequest(contributorActor(holder), requestId, now);

    expect(detail.state).toBe("IN_CARICO");
    expect(detail.awaitingContributor).toBe(true);
    expect(detail.messages.map((message) => message.body)).toEqual([
      "Chiedo la verifica del versamento di marzo.",
      "Il versamento risulta abbinato alla matricola corretta.",
    ]);
    expect(detail.messages[1]?.author).toEqual({ kind: "office", officeName: operator.office.name });
    expect(detail.history.map((entry) => entry.type)).toEqual([
      "PROTOCOLLATA",
      "SMISTATA",
      "PRESA_IN_CARICO",
      "RISPOSTA",
      "STATO_MODIFICATO",
    ]);
    expect(detail.history.find((entry) => entry.type === "STATO_MODIFICATO")?.comment).toBe("Serve la quietanza F24.");
    expect(JSON.stringify(detail)).not.toContain("Nota interna");
  });

  it("shows the outcome of a closed request and refuses further messages, saying why", async () => {
    await transition({ action: "PRESA_IN_CARICO" });
    await transition({ action: "CHIUSA", esito: "ACCOLTA", comment: "Versamento riattribuito alla matricola." });

    const detail = await getRequest(contributorActor(holder), requestId, now);

    expect(detail.state).toBe("CHIUSA");
    expect(detail.esito).toMatchObject({ code: "ACCOLTA", label: "Accolta", comment: "Versamento riattribuito alla matricola." });
    expect(detail.messaging).toEqual({ allowed: false, reason: expect.stringContaining("La richiesta è chiusa") });
    // An appointment may still be booked on it for 30 days after its closure.
    expect(detail.bookable).toBe(true);
    expect((await getRequest(contributorActor(holder), requestId, new Date(now.getTime() + 31 * 86_400_000))).bookable).toBe(false);
  });

  it("says who sent it for whom", async () => {
    const intermediary = await createPerson("Intermediario");
    await createDelegation({ holderId: holder.id, delegateId: intermediary.id, positionIds: [position.id] });
    const subject = await seededSubject("AZIENDE");
    const created = await createRequest(
      contributorActor(intermediary, "INTERMEDIARIO"),
      {
        positionId: position.id,
        subjectId: subject.id,
        text: "Richiesta inviata dallo studio per il cliente.",
        email: "studio@example.it",
        idempotencyKey: randomUUID(),
      },
      [],
      now,
    );

    const seenByHolder = await getRequest(contributorActor(holder), created.id, now);

    expect(seenByHolder.onBehalf).toBe(true);
    expect(seenByHolder.submittedBy).toEqual({ name: `${intermediary.givenName} ${intermediary.familyName}`, profile: "INTERMEDIARIO" });
    expect(seenByHolder.holder.name).toBe(`${holder.givenName} ${holder.familyName}`);
  });

  it("is not found for another contributor, an ended delegation, or an id that is not one", async () => {
    const stranger = await createPerson("Estraneo");
    const former = await createPerson("Ex intermediario");
    await createDelegation({
      holderId: holder.id,
      delegateId: former.id,
      positionIds: [position.id],
      validTo: new Date("2026-11-01T00:00:00Z"),
    });

    await expect(getRequest(contributorActor(stranger), requestId, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRequest(contributorActor(former, "INTERMEDIARIO"), requestId, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRequest(contributorActor(holder), "../../etc/passwd", now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRequest(contributorActor(holder), randomUUID(), now)).rejects.toBeInstanceOf(NotFoundError);
    // While the delegation was in force the intermediary did see it.
    const during = await getRequest(contributorActor(former, "INTERMEDIARIO"), requestId, new Date("2026-10-15T00:00:00Z"));
    expect(during.id).toBe(requestId);
  });

  it("shows a communication the office started without a quesito to whoever may act on the position, and to nobody else", async () => {
    const subject = await seededSubject("AZIENDE");
    const communication = await prisma.request.create({
      data: {
        direction: "DALLA_SEDE",
        positionId: position.id,
        subjectId: subject.id,
        holderId: holder.id,
        text: "Si comunica l'avvio della verifica contributiva.",
        protocolNumber: `INPS.TEST.COM.${randomUUID()}`,
        createdAt: now,
        lastActivityAt: now,
        messages: {
          create: { body: "Si comunica l'avvio della verifica contributiva.", authorOperatorId: operator.operatorId, createdAt: now },
        },
      },
    });
    const intermediary = await createPerson("Intermediario");
    await createDelegation({ holderId: holder.id, delegateId: intermediary.id, positionIds: [position.id] });
    const former = await createPerson("Ex intermediario");
    await createDelegation({ holderId: holder.id, delegateId: former.id, positionIds: [position.id], status: "REVOKED" });

    const detail = await getRequest(contributorActor(holder), communication.id, now);

    expect(detail).toMatchObject({
      direction: "DALLA_SEDE",
      directionLabel: "Comunicazione della sede",
      state: "RICEVUTA",
      stateLabel: "Ricevuta",
      office: { code: operator.office.code, name: operator.office.name },
      submittedBy: null,
      onBehalf: false,
      esito: null,
      history: [],
      messaging: { allowed: false, reason: NO_REPLY_EXPECTED },
    });
    expect(detail.messages.map((message) => message.author)).toEqual([{ kind: "office", officeName: operator.office.name }]);
    expect((await getRequest(contributorActor(intermediary, "INTERMEDIARIO"), communication.id, now)).id).toBe(communication.id);
    await expect(getRequest(contributorActor(former, "INTERMEDIARIO"), communication.id, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRequest(contributorActor(await createPerson("Estraneo")), communication.id, now)).rejects.toBeInstanceOf(NotFoundError);
    const reply = addContributorMessage(contributorActor(holder), communication.id, { text: "Prendo nota, grazie." }, [], now);
    await expect(reply).rejects.toBeInstanceOf(ConflictError);
    await expect(reply).rejects.toThrow(NO_REPLY_EXPECTED);
  });
});
