import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { resolveOperator } from "@/server/identity/resolve-operator";
import { countDeskQuesiti } from "@/server/quesiti/count-desk-quesiti";
import { getQuesito } from "@/server/quesiti/get-quesito";
import { listOfficeQuesiti } from "@/server/quesiti/list-office-quesiti";
import { requestIntegration } from "@/server/quesiti/request-integration";
import { addContributorMessage } from "@/server/requests/add-contributor-message";
import { createRequest } from "@/server/requests/create-request";
import { getRequest } from "@/server/requests/get-request";
import { escalateDueDates } from "@/server/service-levels/escalate-due-dates";
import { remindIntegrations } from "@/server/service-levels/remind-integrations";
import { createOffice, createOperator } from "../../support/fixtures";
import { contributorActor, operatorActor } from "../../support/quesito-fixtures";
import { applyOfficeTransition, createHolderWithPosition, withStorageAndReferenceData } from "../../support/request-fixtures";

withStorageAndReferenceData();

/** Rome days as UTC instants: the end of a December or January day in Rome is 23:00 UTC. */
const endOfRomeDay = (day: string) => new Date(`${day}T23:00:00Z`);
const monday7 = new Date("2026-12-07T09:00:00Z");

async function quesitoOf(requestId: string) {
  return prisma.quesito.findUniqueOrThrow({ where: { requestId } });
}

/**
 * A request on a seeded AZIENDE subject, sent through the Cassetto's service
 * at `at` by the holder of a position of a new office (with one operator),
 * or of `officeId`. AZ-DURC-01 says 15 working days; the others take the gestione's 30.
 */
async function sendOn(subjectCode: string, at: Date, officeId?: string) {
  const { office, holder, position } = await createHolderWithPosition("AZIENDE");
  if (officeId) await prisma.position.update({ where: { id: position.id }, data: { officeId } });
  const operator = await operatorActor(officeId ?? office.id);
  const subject = await prisma.subject.findFirstOrThrow({ where: { gestione: "AZIENDE", code: subjectCode } });
  const form = { positionId: position.id, subjectId: subject.id, text: "Chiedo la verifica del versamento di marzo." };
  const created = await createRequest(
    contributorActor(holder),
    { ...form, email: "titolare@example.it", consentEmail: "on", idempotencyKey: randomUUID() },
    [],
    at,
  );
  return { office, holder, operator, requestId: created.id };
}

/** A request sent on Monday 7 December 2026 on AZ-DURC-01 (due at the end of Wednesday 30 December), taken by the office's operator. */
async function takenRequest() {
  const sent = await sendOn("AZ-DURC-01", monday7);
  await applyOfficeTransition(sent.operator, sent.requestId, { action: "PRESA_IN_CARICO" }, monday7);
  const quesito = await quesitoOf(sent.requestId);
  return { ...sent, quesitoId: quesito.id };
}

describe("due date at protocol (B4)", () => {
  const friday4 = new Date("2026-12-04T10:00:00Z");

  const dueOf = async (subjectCode: string) => (await quesitoOf((await sendOn(subjectCode, friday4)).requestId)).dueAt;

  it("counts the subject's own working days, skipping the Immacolata and Christmas", async () => {
    // AZ-DURC-01 says 15 working days: 7, 9–11, 14–18, 21–24, 28, 29 December.
    expect(await dueOf("AZ-DURC-01")).toEqual(endOfRomeDay("2026-12-29"));
  });

  it("falls back to the gestione's default, and follows a change of it", async () => {
    // 30 working days from Friday 4 December: New Year and Epiphany on the way too.
    expect(await dueOf("AZ-UNIE-01")).toEqual(endOfRomeDay("2027-01-21"));
    await prisma.gestioneSettings.update({ where: { gestione: "AZIENDE" }, data: { maxResponseWorkingDays: 10 } });
    try {
      expect(await dueOf("AZ-UNIE-01")).toEqual(endOfRomeDay("2026-12-21"));
    } finally {
      await prisma.gestioneSettings.update({ where: { gestione: "AZIENDE" }, data: { maxResponseWorkingDays: 30 } });
    }
  });

  it("shows the contributor when the request was received and when the answer is due", async () => {
    const sent = await sendOn("AZ-DURC-01", monday7);
    const seen = await getRequest(contributorActor(sent.holder), sent.requestId, monday7);
    expect(seen.serviceLevel).toEqual({
      receivedDay: "2026-12-07",
      takenDay: null,
      dueDay: "2026-12-30",
      clockStopped: false,
      integration: null,
    });
  });
});

describe("integration requests: the clock stops and resumes", () => {
  it("pauses the office's clock, shows the contributor the deadline, and moves the due date by the working days paused", async () => {
    const sent = await takenRequest();
    const asked = new Date("2026-12-07T10:00:00Z");
    await requestIntegration(
      sent.operator,
      sent.quesitoId,
      { expectedVersion: "1", comment: "Inviare la quietanza F24.", workingDays: "5" },
      asked,
    );

    const waiting = await quesitoOf(sent.requestId);
    expect(waiting).toMatchObject({ state: "IN_ATTESA_CONTRIBUENTE", clockStoppedAt: asked, integrationDueAt: endOfRomeDay("2026-12-15") });
    const seen = await getRequest(contributorActor(sent.holder), sent.requestId, asked);
    expect(seen.serviceLevel).toMatchObject({
      takenDay: "2026-12-07",
      dueDay: "2026-12-30",
      clockStopped: true,
      integration: { request: "Inviare la quietanza F24.", dueDay: "2026-12-15" },
    });
    expect(seen.history.at(-1)).toMatchObject({ type: "RICHIESTA_INTEGRAZIONE", label: "Richiesta di integrazione" });
    const notice = await prisma.notification.findFirstOrThrow({
      where: { requestId: sent.requestId, template: "richiesta-di-integrazione" },
    });
    expect(notice.body).toContain("entro martedì 15 dicembre 2026");

    // The contributor answers the next Monday: 9, 10, 11 and 14 December paused, so 30 December becomes 7 January.
    const answered = new Date("2026-12-14T09:00:00Z");
    await addContributorMessage(contributorActor(sent.holder), sent.requestId, { text: "Ecco la quietanza." }, [], answered);
    const resumed = await quesitoOf(sent.requestId);
    expect(resumed).toMatchObject({
      state: "IN_LAVORAZIONE",
      clockStoppedAt: null,
      integrationDueAt: null,
      dueAt: endOfRomeDay("2027-01-07"),
    });
    const event = await prisma.requestEvent.findFirstOrThrow({ where: { requestId: sent.requestId, type: "MESSAGGIO_CONTRIBUENTE" } });
    expect(event.data).toMatchObject({ clockResumed: { pausedWorkingDays: 4, dueAt: "2027-01-07T23:00:00.000Z" } });
    expect((await getRequest(contributorActor(sent.holder), sent.requestId, answered)).serviceLevel).toMatchObject({
      dueDay: "2027-01-07",
      clockStopped: false,
      integration: null,
    });
  });

  it("can be repeated: a new deadline, the clock still stopped since the first request", async () => {
    const sent = await takenRequest();
    const first = new Date("2026-12-07T10:00:00Z");
    const second = new Date("2026-12-09T10:00:00Z");
    await requestIntegration(sent.operator, sent.quesitoId, { expectedVersion: 1, comment: "Serve il modello A.", workingDays: 5 }, first);
    await requestIntegration(
      sent.operator,
      sent.quesitoId,
      { expectedVersion: 2, comment: "Serve anche il modello B.", workingDays: 10 },
      second,
    );
    expect(await quesitoOf(sent.requestId)).toMatchObject({ clockStoppedAt: first, integrationDueAt: endOfRomeDay("2026-12-23") });
    const events = await prisma.requestEvent.findMany({ where: { requestId: sent.requestId, type: "RICHIESTA_INTEGRAZIONE" } });
    expect(events.map((event) => event.comment)).toEqual(["Serve il modello A.", "Serve anche il modello B."]);
  });

  it("refuses a deadline of 0, negative, huge or not a number, and a blank text, each at its field", async () => {
    const sent = await takenRequest();
    for (const workingDays of ["0", "-3", "91", "100000", "quindici", "2.5"]) {
      const refusal = requestIntegration(sent.operator, sent.quesitoId, {
        expectedVersion: 1,
        comment: "Serve il modello A.",
        workingDays,
      });
      await expect(refusal).rejects.toBeInstanceOf(ValidationError);
      await expect(refusal).rejects.toMatchObject({
        fieldErrors: { workingDays: ["Indicare un numero intero di giorni lavorativi da 1 a 90."] },
      });
    }
    await expect(requestIntegration(sent.operator, sent.quesitoId, { expectedVersion: 1, comment: "  " })).rejects.toMatchObject({
      fieldErrors: { comment: ["Scrivere che cosa si chiede al contribuente."] },
    });
    expect(await quesitoOf(sent.requestId)).toMatchObject({ state: "IN_LAVORAZIONE", version: 1 });
  });

  it("a double submit records one request: the second meets a changed quesito", async () => {
    const sent = await takenRequest();
    const input = { expectedVersion: "1", comment: "Serve il modello A." };
    const results = await Promise.allSettled([
      requestIntegration(sent.operator, sent.quesitoId, input),
      requestIntegration(sent.operator, sent.quesitoId, input),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toBeInstanceOf(ConflictError);
    expect(await prisma.requestEvent.count({ where: { requestId: sent.requestId, type: "RICHIESTA_INTEGRAZIONE" } })).toBe(1);
    // The default deadline: 15 working days.
    expect(
      (await prisma.requestEvent.findFirstOrThrow({ where: { requestId: sent.requestId, type: "RICHIESTA_INTEGRAZIONE" } })).data,
    ).toMatchObject({
      workingDays: 15,
    });
  });

  it("another office's operator finds no such quesito", async () => {
    const sent = await takenRequest();
    const stranger = await operatorActor((await createOffice()).id);
    await expect(
      requestIntegration(stranger, sent.quesitoId, { expectedVersion: 1, comment: "Serve il modello A." }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(getQuesito(stranger, sent.quesitoId, "/fascicolo/quesiti")).rejects.toBeInstanceOf(NotFoundError);
    expect((await listOfficeQuesiti(stranger, { scadenza: "tutte", ordine: "scadenza" })).rows).toEqual([]);
    expect(await quesitoOf(sent.requestId)).toMatchObject({ state: "IN_LAVORAZIONE" });
  });
});

describe("the sweeps: reminders and escalations, each once", () => {
  const config = getConfig();

  /** The notifications of one request rendered with a template; the sweeps also meet the other tests' quesiti. */
  const notices = (requestId: string, template: string) => prisma.notification.findMany({ where: { requestId, template } });

  it("reminds the contributor three working days before the integration's deadline, once with several workers", async () => {
    const sent = await takenRequest();
    await requestIntegration(
      sent.operator,
      sent.quesitoId,
      { expectedVersion: 1, comment: "Serve il modello A.", workingDays: 5 },
      monday7,
    );
    // Due at the end of Tuesday 15: on Wednesday 9 the reminder's horizon ends on Monday 14.
    await remindIntegrations(prisma, config, new Date("2026-12-09T09:00:00Z"));
    expect(await notices(sent.requestId, "promemoria-integrazione")).toHaveLength(0);
    const thursday10 = new Date("2026-12-10T09:00:00Z");
    await Promise.all(Array.from({ length: 4 }, () => remindIntegrations(prisma, config, thursday10)));
    await remindIntegrations(prisma, config, new Date("2026-12-11T09:00:00Z"));
    const reminders = await notices(sent.requestId, "promemoria-integrazione");
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.body).toContain("entro martedì 15 dicembre 2026");
    expect(await prisma.requestEvent.count({ where: { requestId: sent.requestId, type: "PROMEMORIA_INTEGRAZIONE" } })).toBe(1);
    expect((await quesitoOf(sent.requestId)).integrationRemindedAt).toEqual(thursday10);
  });

  it("warns the assignee before the due date and the RESPONSABILI on it, each once; a waiting quesito is left alone", async () => {
    const sent = await takenRequest(); // due at the end of Wednesday 30 December
    const heads = await Promise.all([createOperator(sent.office.id, "RESPONSABILE"), createOperator(sent.office.id, "RESPONSABILE")]);
    const waiting = await takenRequest();
    await requestIntegration(waiting.operator, waiting.quesitoId, { expectedVersion: 1, comment: "Serve il modello A." }, monday7);

    // Five working days before: on Monday 21 the horizon ends on the 29th; on Tuesday 22 it reaches the 30th.
    await escalateDueDates(prisma, config, new Date("2026-12-21T09:00:00Z"));
    expect(await notices(sent.requestId, "scadenza-vicina")).toHaveLength(0);
    const tuesday22 = new Date("2026-12-22T09:00:00Z");
    const warnings = await Promise.all(Array.from({ length: 3 }, () => escalateDueDates(prisma, config, tuesday22)));
    expect(warnings.reduce((sum, run) => sum + run.SCADENZA_VICINA, 0)).toBeGreaterThanOrEqual(1);
    const assignee = await prisma.operator.findUniqueOrThrow({ where: { id: sent.operator.operatorId } });
    const warned = await notices(sent.requestId, "scadenza-vicina");
    expect(warned.map((notification) => notification.recipient)).toEqual([assignee.email]);
    expect(warned[0]?.body).toContain("va evaso entro mercoledì 30 dicembre 2026");

    await escalateDueDates(prisma, config, new Date("2026-12-29T09:00:00Z"));
    expect(await notices(sent.requestId, "scadenza-raggiunta")).toHaveLength(0);
    const dueDay = new Date("2026-12-30T08:00:00Z");
    await Promise.all(Array.from({ length: 3 }, () => escalateDueDates(prisma, config, dueDay)));
    await escalateDueDates(prisma, config, new Date("2026-12-31T08:00:00Z"));
    const told = await notices(sent.requestId, "scadenza-raggiunta");
    expect(told.map((notification) => notification.recipient).sort()).toEqual(heads.map((head) => head.email).sort());
    expect(await prisma.requestEvent.count({ where: { requestId: sent.requestId, type: "SCADENZA_RAGGIUNTA" } })).toBe(1);
    expect(await prisma.requestEvent.count({ where: { requestId: sent.requestId, type: "SCADENZA_VICINA" } })).toBe(1);

    expect(await prisma.notification.count({ where: { requestId: waiting.requestId, template: { startsWith: "scadenza" } } })).toBe(0);
  });
});

describe("the queue's due-date filters and the Scrivania's counts", () => {
  let operator: OperatorActor;
  let officeId: string;
  const now = new Date("2026-12-23T09:00:00Z");

  beforeAll(async () => {
    officeId = (await createOffice()).id;
    operator = (await resolveOperator((await createOperator(officeId)).id))!;
  });

  it("lists overdue and due-soon quesiti, sorted by due date, and the Scrivania counts the same", async () => {
    const send = async (at: Date) => quesitoOf((await sendOn("AZ-DURC-01", at, officeId)).requestId);
    // 15 working days each: due 12 November (overdue), 29 December (due soon), 18 January (later).
    const overdue = await send(new Date("2026-10-22T09:00:00Z"));
    const soon = await send(new Date("2026-12-04T09:00:00Z"));
    const later = await send(new Date("2026-12-23T08:00:00Z"));
    await applyOfficeTransition(operator, soon.requestId, { action: "PRESA_IN_CARICO" }, now);

    const overdueQueue = await listOfficeQuesiti(operator, { scadenza: "scaduti" }, now);
    expect(overdueQueue.rows.map((row) => row.id)).toEqual([overdue.id]);
    expect(overdueQueue.rows[0]?.due).toEqual({ day: "2026-11-12", overdue: true });
    expect((await listOfficeQuesiti(operator, { scadenza: "in_scadenza" }, now)).rows.map((row) => row.id)).toEqual([soon.id]);
    const byDueDate = await listOfficeQuesiti(operator, { ordine: "scadenza" }, now);
    expect(byDueDate.rows.map((row) => row.id)).toEqual([overdue.id, soon.id, later.id]);
    expect(byDueDate.rows.map((row) => row.due?.overdue)).toEqual([true, false, false]);

    const counts = await countDeskQuesiti(operator, now);
    expect({
      nuovi: counts.nuovi.total.count,
      miei: counts.miei.total.count,
      in_attesa: counts.in_attesa.total.count,
      in_scadenza: counts.in_scadenza.total.count,
      scaduti: counts.scaduti.total.count,
    }).toEqual({ nuovi: 2, miei: 1, in_attesa: 0, in_scadenza: 1, scaduti: 1 });
    for (const { total, queueParams } of Object.values(counts)) {
      expect((await listOfficeQuesiti(operator, queueParams, now)).total).toEqual(total);
    }

    // Waiting for the contributor, a quesito leaves the due-date filters: its clock stands still.
    await requestIntegration(operator, soon.id, { expectedVersion: 1, comment: "Serve il modello A." }, now);
    expect((await listOfficeQuesiti(operator, { scadenza: "in_scadenza" }, now)).rows).toEqual([]);
    expect((await countDeskQuesiti(operator, now)).in_attesa.total.count).toBe(1);
  });

  it("refuses an unknown due-date filter with its message", async () => {
    await expect(listOfficeQuesiti(operator, { scadenza: "ieri" })).rejects.toMatchObject({
      fieldErrors: { scadenza: ["Scegliere una scadenza tra quelle proposte."] },
    });
  });

  it("counts nothing of another office", async () => {
    const stranger = await operatorActor((await createOffice()).id);
    const counts = await countDeskQuesiti(stranger, now);
    expect(Object.values(counts).every(({ total }) => total.count === 0)).toBe(true);
  });
});
