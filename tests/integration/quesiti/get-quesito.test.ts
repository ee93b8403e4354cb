import { describe, expect, it } from "vitest";
import type { NotificationStatus } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import { addInternalNote } from "@/server/quesiti/add-internal-note";
import { closeQuesito } from "@/server/quesiti/close-quesito";
import { getQuesito } from "@/server/quesiti/get-quesito";
import { reassignQuesito } from "@/server/quesiti/reassign-quesito";
import { replyToQuesito } from "@/server/quesiti/reply-to-quesito";
import { takeQuesito } from "@/server/quesiti/take-quesito";
import { createOffice, createPerson } from "../../support/fixtures";
import { createQuesito, operatorActor } from "../../support/quesito-fixtures";
import { readReferenceAsTheAppServer } from "../../support/reference-cache";
import { statementsOf } from "../../support/statement-log";

describe("getQuesito", () => {
  it("gives the office everything about the request, its thread and its history", async () => {
    const office = await createOffice();
    const operator = await operatorActor(office.id);
    const colleague = await operatorActor(office.id);
    const holder = await createPerson("Titolare");
    const intermediary = await createPerson("Intermediario");
    const { quesito, request } = await createQuesito({
      officeId: office.id,
      holder,
      submitter: intermediary,
      text: "Il versamento di marzo non risulta abbinato.",
    });
    const contributorMessage = await prisma.message.create({
      data: {
        requestId: request.id,
        body: "Allego la quietanza.",
        authorPersonId: intermediary.id,
        actingProfile: "INTERMEDIARIO",
        bundleKey: "bundles/prova",
        attachments: {
          create: {
            fileName: "quietanza.pdf",
            mimeType: "application/pdf",
            size: 2048,
            sha256: "a".repeat(64),
            storageKey: "attachments/prova",
          },
        },
      },
    });

    await takeQuesito(operator, quesito.id, { expectedVersion: 0 });
    await addInternalNote(operator, quesito.id, { expectedVersion: 1, body: "Controllare il modello F24." });
    await reassignQuesito(operator, quesito.id, { expectedVersion: 2, operatorId: colleague.operatorId, comment: "Ferie" });
    await takeQuesito(colleague, quesito.id, { expectedVersion: 3 });
    await replyToQuesito(colleague, quesito.id, { expectedVersion: 4, body: "Versamento abbinato." });
    await closeQuesito(colleague, quesito.id, { expectedVersion: 5, esito: "ACCOLTA", comment: "Abbinato alla matricola." });

    const detail = await getQuesito(colleague, quesito.id, "/fascicolo/quesiti");

    expect(detail).toMatchObject({
      id: quesito.id,
      version: 6,
      state: "CHIUSO",
      stateLabel: "Chiuso",
      contributorStateLabel: "Chiusa",
      esito: "ACCOLTA",
      esitoLabel: "Accolta",
      office: { id: office.id, code: office.code },
      assignee: { id: colleague.operatorId, name: colleague.displayName },
      actions: [],
      request: {
        protocolNumber: request.protocolNumber,
        holder: { codiceFiscale: holder.codiceFiscale },
        submitter: { codiceFiscale: intermediary.codiceFiscale, profileLabel: "Intermediario per i clienti deleganti" },
        contacts: { email: "contribuente@example.it", mobile: "3331234567", pec: null },
        consents: { email: true, sms: false, pec: false },
      },
    });
    expect(detail.messages.map((message) => [message.opening, message.visibility, message.author.side, message.body])).toEqual([
      [true, "PUBBLICO", "contribuente", "Il versamento di marzo non risulta abbinato."],
      [false, "PUBBLICO", "contribuente", "Allego la quietanza."],
      [false, "INTERNO", "sede", "Controllare il modello F24."],
      [false, "PUBBLICO", "sede", "Versamento abbinato."],
    ]);
    expect(detail.messages[0]?.author).toMatchObject({
      name: expect.stringContaining("Intermediario"),
      detail: "Intermediario per i clienti deleganti",
    });
    expect(detail.messages[1]).toMatchObject({
      id: contributorMessage.id,
      bundleAvailable: true,
      attachments: [{ fileName: "quietanza.pdf", mimeType: "application/pdf", size: 2048 }],
    });
    expect(detail.messages[2]?.bundleAvailable).toBe(false);
    expect(
      detail.history.map((event) => [event.type, event.actorName, event.toStateLabel, event.comment, event.detail, event.internal]),
    ).toEqual([
      ["PROTOCOLLATA", expect.stringContaining("Intermediario"), "Nuovo", null, `Protocollo ${request.protocolNumber}`, false],
      ["SMISTATA", null, "Nuovo", null, `Sede competente: ${office.name}`, false],
      ["PRESA_IN_CARICO", operator.displayName, "In lavorazione", null, null, false],
      ["NOTA_INTERNA", operator.displayName, "In lavorazione", null, null, true],
      ["RIASSEGNATA", operator.displayName, "Nuovo", "Ferie", `Assegnata a ${colleague.displayName}`, true],
      ["PRESA_IN_CARICO", colleague.displayName, "In lavorazione", null, null, false],
      ["RISPOSTA", colleague.displayName, "In lavorazione", null, null, false],
      ["CHIUSA", colleague.displayName, "Chiuso", "Abbinato alla matricola.", "Esito: Accolta", false],
    ]);
  });

  it("offers the actions of the state and omits the submitter when the holder sent it", async () => {
    const office = await createOffice();
    const operator = await operatorActor(office.id);
    const { quesito } = await createQuesito({ officeId: office.id });
    const fresh = await getQuesito(operator, quesito.id, "/fascicolo/quesiti");
    expect(fresh.request.submitter).toBeNull();
    expect(fresh.assignee).toBeNull();
    expect(fresh.actions).toEqual(["PRESA_IN_CARICO", "RIASSEGNATA", "NOTA_INTERNA"]);
    await takeQuesito(operator, quesito.id, { expectedVersion: 0 });
    expect((await getQuesito(operator, quesito.id, "/fascicolo/quesiti")).actions).toEqual([
      "RIASSEGNATA",
      "RISPOSTA",
      "NOTA_INTERNA",
      "STATO_MODIFICATO",
      "CHIUSA",
      "RICHIESTA_INTEGRAZIONE",
    ]);
  });

  it("reads a view in one statement while the reference cache listens: the quesito with its failed notices, and the access log's entry", async () => {
    const office = await createOffice();
    const operator = await operatorActor(office.id);
    const { quesito, request } = await createQuesito({ officeId: office.id });
    const notice = (status: NotificationStatus, recipient: string, failedAt: Date | null) =>
      prisma.notification.create({
        data: {
          requestId: request.id,
          channel: "EMAIL",
          recipient,
          template: "PROTOCOLLATA",
          templateVersion: 1,
          body: "Avviso.",
          status,
          failedAt,
        },
        select: { id: true },
      });
    const older = await notice("FAILED_PERMANENT", "vecchio@example.it", new Date("2026-03-01T09:00:00Z"));
    const newer = await notice("FAILED_PERMANENT", "nuovo@example.it", new Date("2026-03-02T09:00:00Z"));
    await notice("SENT", "consegnato@example.it", null);
    const view = () => statementsOf(() => getQuesito(operator, quesito.id, "/fascicolo/quesiti"));

    // Without the cache (scripts, the worker): the quesito with its access-log entry, the gestioni's settings, the offices.
    expect((await view()).statements).toHaveLength(3);

    const stop = await readReferenceAsTheAppServer();
    try {
      await view(); // fills the cache
      const { result, statements } = await view();
      // The entry is a WITH of the read, prepared once per connection (decision 0054).
      expect(statements).toEqual([expect.stringMatching(/^\/\* prepared \*\/\s+WITH found AS .*INSERT INTO "AuditEntry"/s)]);
      expect(result.failedNotifications.map((failure) => [failure.id, failure.recipient, failure.reason])).toEqual([
        [newer.id, "nuovo@example.it", "Recapito non riuscito."],
        [older.id, "vecchio@example.it", "Recapito non riuscito."],
      ]);
      expect(result.replyLimits.maxFiles).toBeGreaterThan(0);
    } finally {
      await stop();
    }
  });
});
