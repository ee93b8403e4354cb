import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Gestione, NotificationChannel, NotificationStatus } from "@/generated/prisma/enums";
import { parseConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { ContributorActor } from "@/server/identity/actor";
import { closeQuesito } from "@/server/quesiti/close-quesito";
import { replyToQuesito } from "@/server/quesiti/reply-to-quesito";
import { takeQuesito } from "@/server/quesiti/take-quesito";
import { createRequest } from "@/server/requests/create-request";
import { getRequest } from "@/server/requests/get-request";
import { fileSmartTask } from "@/server/smart-tasks/file-smart-task";
import { processSmartTask } from "@/server/smart-tasks/process-smart-task";
import { seedDatabase } from "../../../prisma/seed/seed-database";
import { createPerson, createPosition, createOffice } from "../../support/fixtures";
import { contributorActor, operatorActor } from "../../support/quesito-fixtures";
import { seededSubject } from "../../support/request-fixtures";
import { resetDatabase } from "../../support/test-database";
import { delegatedPosition, openSmartTasks, processTwiceAtOnce } from "./smart-task-fixtures";

const KIND = "CANCELLAZIONE_CONTATTI_ANOMALI";
const GESTIONE = "AZIENDE";
const config = () => parseConfig(process.env);

beforeEach(async () => {
  await resetDatabase();
  await openSmartTasks(KIND);
});

/** A notification to an address, as the delivery left it, created at `at`. */
async function notified(channel: NotificationChannel, recipient: string, status: NotificationStatus, at: string) {
  const createdAt = new Date(at);
  await prisma.notification.create({
    data: {
      channel,
      recipient,
      status,
      template: "richiesta-protocollata",
      templateVersion: 1,
      body: "Avviso",
      createdAt,
      ...(status === "DELIVERED" ? { sentAt: createdAt, deliveredAt: new Date(createdAt.getTime() + 60_000) } : {}),
      ...(status === "SENT" ? { sentAt: createdAt } : {}),
      ...(status === "FAILED_PERMANENT" ? { failedAt: createdAt, failureReason: "Casella inesistente." } : {}),
    },
  });
}

/** A person's own Contatti for the gestione. */
function setContacts(
  personId: string,
  values: { email?: string; pec?: string; mobile?: string; preferredChannel?: "EMAIL" | "PEC" | "SMS" },
) {
  return prisma.contactProfile.create({ data: { personId, gestione: GESTIONE, ...values } });
}

const profileOf = (personId: string) =>
  prisma.contactProfile.findUniqueOrThrow({ where: { personId_gestione: { personId, gestione: GESTIONE } } });

async function file(actor: ContributorActor, positionId: string, contact = "") {
  const filed = await fileSmartTask(actor, { kind: KIND, positionId, contact, idempotencyKey: randomUUID() });
  return { filed, task: await prisma.smartTask.findUniqueOrThrow({ where: { requestId: filed.id } }) };
}

async function fileAndProcess(actor: ContributorActor, positionId: string, contact = "") {
  const { filed, task } = await file(actor, positionId, contact);
  const status = await processSmartTask(prisma, config(), task.id);
  const closing = await prisma.requestEvent.findFirstOrThrow({ where: { requestId: filed.id, type: "CHIUSA" } });
  return { status, filed, comment: closing.comment, task: await prisma.smartTask.findUniqueOrThrow({ where: { id: task.id } }) };
}

/** A request sent through Nuova richiesta with these contacts (e-mail and PEC with their consents), and its quesito. */
async function sendRequest(
  actor: ContributorActor,
  position: { id: string; gestione: Gestione },
  contacts: { email?: string; pec?: string; extraEmail?: string },
) {
  const subject = await seededSubject(position.gestione);
  const consents = { ...(contacts.email ? { consentEmail: "on" } : {}), ...(contacts.pec ? { consentPec: "on" } : {}) };
  const input = { positionId: position.id, subjectId: subject.id, text: "Chiedo la verifica del versamento di marzo." };
  const sent = await createRequest(actor, { ...input, ...contacts, ...consents, idempotencyKey: randomUUID() }, []);
  const quesito = await prisma.quesito.findUniqueOrThrow({ where: { requestId: sent.id }, select: { id: true, officeId: true } });
  return { ...sent, quesito };
}

/** Where an event of the request was notified. */
async function noticesOf(requestId: string, type: "RISPOSTA" | "CHIUSA") {
  const event = await prisma.requestEvent.findFirstOrThrow({ where: { requestId, type }, orderBy: { createdAt: "desc" } });
  return prisma.notification.findMany({ where: { eventId: event.id }, select: { channel: true, recipient: true } });
}

const snapshotOf = (requestId: string) =>
  prisma.request.findUniqueOrThrow({ where: { id: requestId }, select: { contactEmail: true, contactPec: true, extraEmail: true } });

async function holderWithPosition() {
  const office = await createOffice();
  const holder = await createPerson("Titolare");
  const position = await createPosition(holder.id, office.id, GESTIONE);
  return { office, holder, position, asHolder: contributorActor(holder) };
}

describe("CANCELLAZIONE CONTATTI ANOMALI", () => {
  it("clears every anomalous address of the filer's own Contatti, each an APPLIED change, and keeps the ones that work", async () => {
    const { holder, position, asHolder } = await holderWithPosition();
    await setContacts(holder.id, {
      email: "vecchia@example.it",
      pec: "titolare@pec.example.it",
      mobile: "+393331234567",
      preferredChannel: "EMAIL",
    });
    await notified("EMAIL", "vecchia@example.it", "SENT", "2026-10-01T09:00:00Z");
    await notified("EMAIL", "vecchia@example.it", "FAILED_PERMANENT", "2026-11-02T09:00:00Z");
    await notified("SMS", "+393331234567", "FAILED_PERMANENT", "2026-11-03T09:00:00Z");
    // An SMS handed to the provider but never confirmed delivered does not make the number work again.
    await notified("SMS", "+393331234567", "SENT", "2026-11-04T09:00:00Z");
    await notified("PEC", "titolare@pec.example.it", "SENT", "2026-11-05T09:00:00Z");

    const { status, task, comment } = await fileAndProcess(asHolder, position.id);
    expect(status).toBe("ACCOLTA");
    expect(task.checks).toMatchObject([
      { code: "CONTATTO_PRESENTE", passed: true },
      { code: "CONTATTO_ANOMALO", passed: true },
    ]);
    expect(await profileOf(holder.id)).toMatchObject({ email: null, mobile: null, pec: "titolare@pec.example.it", preferredChannel: null });
    const changes = await prisma.contactChange.findMany({
      orderBy: { field: "asc" },
      select: { field: true, oldValue: true, newValue: true, status: true, changedById: true },
    });
    expect(changes).toEqual([
      { field: "EMAIL", oldValue: "vecchia@example.it", newValue: null, status: "APPLIED", changedById: holder.id },
      { field: "MOBILE", oldValue: "+393331234567", newValue: null, status: "APPLIED", changedById: holder.id },
      { field: "PREFERRED_CHANNEL", oldValue: "EMAIL", newValue: null, status: "APPLIED", changedById: holder.id },
    ]);
    expect(comment).toBe(
      "Richiesta accolta: cancellati i contatti anomali (E-mail vecchia@example.it, Cellulare +393331234567): non saranno più usati, nemmeno per gli avvisi delle tue richieste ancora aperte. Indica un nuovo recapito in Contatti.",
    );
  });

  it("refuses a named address that received a later notice, with the reason, nothing changed", async () => {
    const { holder, position, asHolder } = await holderWithPosition();
    await setContacts(holder.id, { email: "torna@example.it" });
    await notified("EMAIL", "torna@example.it", "FAILED_PERMANENT", "2026-11-02T09:00:00Z");
    await notified("EMAIL", "torna@example.it", "SENT", "2026-11-10T14:30:00Z");

    const { status, task, comment } = await fileAndProcess(asHolder, position.id, "email");
    expect(status).toBe("NON_ACCOLTA");
    const reason = "L'indirizzo E-mail torna@example.it ha ricevuto correttamente la notifica del 10/11/2026, 15:30: non risulta anomalo.";
    expect(task.checks).toMatchObject([
      { code: "CONTATTO_PRESENTE", passed: true },
      { code: "CONTATTO_ANOMALO", passed: false, reason },
    ]);
    expect(comment).toBe(`Richiesta non accolta. ${reason}`);
    expect(await profileOf(holder.id)).toMatchObject({ email: "torna@example.it" });
    expect(await prisma.contactChange.count()).toBe(0);
  });

  it("is Non accolta when nothing is anomalous, or the address named is not in the Contatti", async () => {
    const { holder, position, asHolder } = await holderWithPosition();
    await setContacts(holder.id, { email: "buona@example.it" });
    await notified("EMAIL", "buona@example.it", "SENT", "2026-11-02T09:00:00Z");

    const all = await fileAndProcess(asHolder, position.id);
    expect(all.status).toBe("NON_ACCOLTA");
    expect(all.task.checks).toMatchObject([
      { passed: true },
      {
        code: "CONTATTO_ANOMALO",
        passed: false,
        reason: "L'indirizzo E-mail buona@example.it non ha notifiche non consegnate: non risulta anomalo.",
      },
    ]);
    const pec = await fileAndProcess(asHolder, position.id, "pec");
    expect(pec.task.checks).toEqual([
      expect.objectContaining({
        code: "CONTATTO_PRESENTE",
        passed: false,
        reason: "Nei tuoi Contatti per la Gestione AZIENDE non c'è una PEC da cancellare.",
      }),
    ]);
    expect(await prisma.contactChange.count()).toBe(0);
  });

  it("clears a PEC the gestione requires and tells the filer to add a new one", async () => {
    const { holder, position, asHolder } = await holderWithPosition();
    await prisma.gestioneSettings.update({ where: { gestione: GESTIONE }, data: { pecRequired: true } });
    await setContacts(holder.id, { pec: "morta@pec.example.it" });
    await notified("PEC", "morta@pec.example.it", "FAILED_PERMANENT", "2026-11-02T09:00:00Z");

    const { status, comment } = await fileAndProcess(asHolder, position.id, "pec");
    expect(status).toBe("ACCOLTA");
    expect(comment).toContain(
      "Per la Gestione AZIENDE la PEC è obbligatoria: indicane una nuova in Contatti prima di inviare altre richieste.",
    );
    expect(await profileOf(holder.id)).toMatchObject({ pec: null });
  });

  it("clears an intermediary's own archive address, never the holder's, even when the holder's is anomalous too", async () => {
    const { holder, intermediary, position, asIntermediary } = await delegatedPosition();
    const own = `${intermediary.codiceFiscale.toLowerCase()}@example.it`;
    await setContacts(holder.id, { email: "titolare@example.it" });
    await notified("EMAIL", own, "FAILED_PERMANENT", "2026-11-02T09:00:00Z");
    await notified("EMAIL", "titolare@example.it", "FAILED_PERMANENT", "2026-11-02T09:00:00Z");

    const { status } = await fileAndProcess(asIntermediary, position.id);
    expect(status).toBe("ACCOLTA");
    expect(await profileOf(intermediary.id)).toMatchObject({ email: null });
    expect(await profileOf(holder.id)).toMatchObject({ email: "titolare@example.it" });
    expect(await prisma.contactChange.findMany({ select: { oldValue: true, changedById: true } })).toEqual([
      { oldValue: own, changedById: intermediary.id },
    ]);
  });

  it("sends the next notice to the person to another address, not the cleared one", async () => {
    await seedDatabase(prisma, { includeDemo: false });
    const { holder, position, asHolder, asIntermediary } = await delegatedPosition();
    await setContacts(holder.id, { email: "rimbalza@example.it", pec: "titolare@pec.example.it" });
    await notified("EMAIL", "rimbalza@example.it", "FAILED_PERMANENT", "2026-11-02T09:00:00Z");
    expect((await fileAndProcess(asHolder, position.id)).status).toBe("ACCOLTA");

    const sent = await sendRequest(asIntermediary, position, { email: "studio@example.it" });
    const notices = await prisma.notification.findMany({ where: { requestId: sent.id }, select: { channel: true, recipient: true } });
    expect(notices).toEqual(expect.arrayContaining([{ channel: "PEC", recipient: "titolare@pec.example.it" }]));
    expect(notices.map((notice) => notice.recipient)).not.toContain("rimbalza@example.it");
  });

  it("takes the address out of the filer's open requests of the gestione, not closed ones, others' or other addresses", async () => {
    await seedDatabase(prisma, { includeDemo: false });
    const { holder, office, position, asHolder, asIntermediary } = await delegatedPosition();
    const dead = "rimbalza@example.it";
    const pec = "titolare@pec.example.it";
    await setContacts(holder.id, { email: dead, pec });
    const open = await sendRequest(asHolder, position, { email: dead, pec });
    const extra = await sendRequest(asHolder, position, { email: "altra@example.it", pec, extraEmail: dead });
    const operator = await operatorActor(open.quesito.officeId);
    await takeQuesito(operator, open.quesito.id, { expectedVersion: 0 });
    const closed = await sendRequest(asHolder, position, { email: dead, pec });
    await takeQuesito(operator, closed.quesito.id, { expectedVersion: 0 });
    await closeQuesito(operator, closed.quesito.id, { expectedVersion: 1, esito: "ACCOLTA", comment: "Verificato." });
    const otherAddress = await sendRequest(asHolder, position, { email: "nuova@example.it" });
    const someoneElses = await sendRequest(asIntermediary, position, { email: dead });
    const otherGestione = await sendRequest(asHolder, await createPosition(holder.id, office.id, "GS_PROFESSIONISTI"), {
      email: dead,
      pec,
    });
    await notified("EMAIL", dead, "FAILED_PERMANENT", "2026-11-02T09:00:00Z");

    const { status, filed, comment } = await fileAndProcess(asHolder, position.id, "email");
    expect(status).toBe("ACCOLTA");
    expect(comment).toContain("non saranno più usati, nemmeno per gli avvisi delle tue richieste ancora aperte.");
    // The outcome itself is no longer sent to the address it cleared.
    expect(await noticesOf(filed.id, "CHIUSA")).toEqual([{ channel: "PEC", recipient: pec }]);

    await replyToQuesito(operator, open.quesito.id, { expectedVersion: 1, body: "Il versamento risulta abbinato dal 3 aprile." });
    expect(await noticesOf(open.id, "RISPOSTA")).toEqual([{ channel: "PEC", recipient: pec }]);
    expect(await snapshotOf(open.id)).toEqual({ contactEmail: null, contactPec: pec, extraEmail: null });
    // Given as the request's extra e-mail, the dead address goes too.
    expect(await snapshotOf(extra.id)).toEqual({ contactEmail: "altra@example.it", contactPec: pec, extraEmail: null });
    expect(await snapshotOf(closed.id)).toEqual({ contactEmail: dead, contactPec: pec, extraEmail: null });
    expect(await snapshotOf(otherAddress.id)).toEqual({ contactEmail: "nuova@example.it", contactPec: null, extraEmail: null });
    expect(await snapshotOf(someoneElses.id)).toEqual({ contactEmail: dead, contactPec: null, extraEmail: null });
    expect(await snapshotOf(otherGestione.id)).toEqual({ contactEmail: dead, contactPec: pec, extraEmail: null });
  });

  it("two processors at once: one clearing, one history row", async () => {
    const { holder, position, asHolder } = await holderWithPosition();
    await setContacts(holder.id, { email: "vecchia@example.it" });
    await notified("EMAIL", "vecchia@example.it", "FAILED_PERMANENT", "2026-11-02T09:00:00Z");
    const { task } = await file(asHolder, position.id);

    expect(await processTwiceAtOnce(task.id)).toEqual(["ACCOLTA", "ACCOLTA"]);
    expect(await prisma.contactChange.count()).toBe(1);
    expect(await prisma.requestEvent.count({ where: { requestId: task.requestId, type: "CHIUSA" } })).toBe(1);
  });

  it("someone else's position or task is not found", async () => {
    const { holder, position, asHolder } = await holderWithPosition();
    await setContacts(holder.id, { email: "vecchia@example.it" });
    await notified("EMAIL", "vecchia@example.it", "FAILED_PERMANENT", "2026-11-02T09:00:00Z");
    const stranger = contributorActor(await createPerson("Estraneo"));
    await expect(file(stranger, position.id)).rejects.toBeInstanceOf(NotFoundError);
    const { filed } = await file(asHolder, position.id);
    await expect(getRequest(stranger, filed.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.smartTask.count()).toBe(1);
  });

  it("asks for one of the addresses or none", async () => {
    const { position, asHolder } = await holderWithPosition();
    await expect(file(asHolder, position.id, "fax")).rejects.toMatchObject({
      fieldErrors: { contact: ["Scegliere l'e-mail, la PEC, il cellulare o tutti i contatti anomali."] },
    });
  });
});
