import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db/client";
import type { RequestDirection } from "@/generated/prisma/enums";
import { NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { exportResponseFiguresCsv } from "@/server/statistics/export-response-figures-csv";
import { getResponseFigures } from "@/server/statistics/get-response-figures";
import { createOffice, createPerson, createPosition } from "../../support/fixtures";
import { createQuesito, createSubjectTree, operatorActor } from "../../support/quesito-fixtures";

const HOUR = 3600;
const hours = (count: number) => count * HOUR;
const NOW = new Date("2026-04-15T10:00:00Z");
const MARCH = { dal: "2026-03-01", al: "2026-03-31" };

/**
 * One office with a known set of quesiti in March 2026 (medians and 90th
 * percentiles worked out by hand below), quesiti right at the period's edges
 * in Rome time, an office communication that must not count, and another
 * office whose quesito only ADMIN sees.
 */
describe("getResponseFigures", () => {
  let officeId: string;
  let otherOfficeId: string;
  let responsabile: OperatorActor;
  let operatore: OperatorActor;
  let admin: OperatorActor;
  let otherResponsabile: OperatorActor;
  let areaId: string;
  let subjectId: string;

  beforeAll(async () => {
    officeId = (await createOffice()).id;
    otherOfficeId = (await createOffice()).id;
    responsabile = await operatorActor(officeId, "RESPONSABILE");
    operatore = await operatorActor(officeId, "OPERATORE");
    admin = await operatorActor(otherOfficeId, "ADMIN");
    otherResponsabile = await operatorActor(otherOfficeId, "RESPONSABILE");
    const holder = await createPerson("Titolare");
    const aziende = await createPosition(holder.id, officeId, "AZIENDE");
    const artigiani = await createPosition(holder.id, officeId, "ARTIGIANI_COMMERCIANTI");
    const tree = await createSubjectTree("AZIENDE");
    areaId = tree.area.id;
    subjectId = tree.subject.id;
    const other = await createSubjectTree("ARTIGIANI_COMMERCIANTI");
    const edges = await createSubjectTree("AZIENDE");

    type Steps = { taken?: number; replies?: number[]; closed?: number; dueAt?: Date; state?: "NUOVO" | "IN_LAVORAZIONE" };
    type Where = { officeId: string; positionId: string; subjectId: string; direction?: RequestDirection };
    const make = async (receivedAt: string, steps: Steps, where: Where = { officeId, positionId: aziende.id, subjectId }) => {
      const received = new Date(receivedAt);
      const at = (seconds: number) => new Date(received.getTime() + seconds * 1000);
      const { quesito, request } = await createQuesito({ ...where, holder, receivedAt: received });
      await prisma.quesito.update({
        where: { id: quesito.id },
        data: {
          state: steps.closed !== undefined ? "CHIUSO" : (steps.state ?? (steps.taken !== undefined ? "IN_LAVORAZIONE" : "NUOVO")),
          takenAt: steps.taken !== undefined ? at(steps.taken) : null,
          closedAt: steps.closed !== undefined ? at(steps.closed) : null,
          firstReplyAt: steps.replies?.[0] !== undefined ? at(steps.replies[0]) : null,
          dueAt: steps.dueAt ?? null,
        },
      });
      for (const reply of steps.replies ?? []) {
        await prisma.requestEvent.create({ data: { requestId: request.id, type: "RISPOSTA", createdAt: at(reply) } });
      }
      return request;
    };
    // Subject of the area: taken after 2, 4, 6, 8 h; first replies after 10, 20, 30 h; closed after 24, 48, 72 h.
    await make("2026-03-02T08:00:00Z", {
      taken: hours(2),
      replies: [hours(10)],
      closed: hours(24),
      dueAt: new Date("2026-04-01T08:00:00Z"),
    });
    await make("2026-03-03T08:00:00Z", {
      taken: hours(4),
      replies: [hours(20), hours(30)],
      closed: hours(48),
      dueAt: new Date("2026-03-04T08:00:00Z"),
    });
    await make("2026-03-04T08:00:00Z", { taken: hours(6), replies: [hours(30)], closed: hours(72) });
    await make("2026-03-05T08:00:00Z", { taken: hours(8), dueAt: new Date("2026-03-10T08:00:00Z") });
    await make("2026-03-06T08:00:00Z", {});
    // Another gestione's subject: taken after 10 h, closed after 100 h.
    await make(
      "2026-03-10T08:00:00Z",
      { taken: hours(10), closed: hours(100) },
      { officeId, positionId: artigiani.id, subjectId: other.subject.id },
    );
    // The period's edges in Rome: 00:30 on 1 March (CET), 23:30 on 31 March and 00:30 on 1 April (CEST); closed after it.
    const edge = { officeId, positionId: aziende.id, subjectId: edges.subject.id };
    const closedOn10April = (receivedAt: string) => ({ closed: (Date.parse("2026-04-10T08:00:00Z") - Date.parse(receivedAt)) / 1000 });
    for (const receivedAt of ["2026-02-28T23:30:00Z", "2026-03-31T21:30:00Z", "2026-03-31T22:30:00Z"]) {
      await make(receivedAt, closedOn10April(receivedAt), edge);
    }
    // An office communication with an answer expected is a quesito too, but not a request: never counted.
    // Its quesito copies the request's direction whatever the insert says (the trigger of decision 0041).
    const communication = await make(
      "2026-03-12T08:00:00Z",
      { taken: 0 },
      { officeId, positionId: aziende.id, subjectId, direction: "DALLA_SEDE" },
    );
    expect(await prisma.quesito.findUniqueOrThrow({ where: { requestId: communication.id }, select: { direction: true } })).toEqual({
      direction: "DALLA_SEDE",
    });
    // Another office's quesito.
    const otherHolder = await createPerson("Altro");
    const otherPosition = await createPosition(otherHolder.id, otherOfficeId, "AZIENDE");
    await make("2026-03-20T08:00:00Z", { taken: hours(1) }, { officeId: otherOfficeId, positionId: otherPosition.id, subjectId });
  });

  it("counts and times each step in the period, with the 90th percentile interpolated", async () => {
    const figures = await getResponseFigures(responsabile, MARCH, NOW);
    expect(figures.officeName).toBe(responsabile.office.name);
    expect(figures.total).toEqual({
      received: 8,
      // 2, 4, 6, 8, 10 h: median 6, p90 at 3.6 of 0..4 = 8 + 0.6 × 2.
      taken: { count: 5, median: hours(6), p90: hours(9.2) },
      // 10, 20, 30 h (the second reply of the same quesito is not a first one): p90 at 1.8 = 20 + 0.8 × 10.
      firstReply: { count: 3, median: hours(20), p90: hours(28) },
      // 24, 48, 72, 100 h: median 60, p90 at 2.7 = 72 + 0.7 × 28.
      closed: { count: 4, median: hours(60), p90: expect.closeTo(hours(91.6), 6) as number },
      closedWithDueDate: 2,
      closedOnTime: 1,
      backlog: 2,
      overdue: 1,
    });
  });

  it("breaks the figures down per office, gestione and subject", async () => {
    const figures = await getResponseFigures(responsabile, MARCH, NOW);
    const bySubject = new Map(figures.rows.map((row) => [row.subjectLabel, row]));
    expect(figures.rows).toHaveLength(3);
    const main = bySubject.get((await prisma.subject.findUniqueOrThrow({ where: { id: subjectId } })).label);
    expect(main).toMatchObject({
      officeName: responsabile.office.name,
      gestioneLabel: "Gestione AZIENDE",
      received: 5,
      // 2, 4, 6, 8 h: p90 at 2.7 = 6 + 0.7 × 2.
      taken: { count: 4, median: hours(5), p90: expect.closeTo(hours(7.4), 6) as number },
      closed: { count: 3, median: hours(48) },
      backlog: 2,
      overdue: 1,
    });
  });

  it("filters by gestione and by area", async () => {
    const byGestione = await getResponseFigures(responsabile, { ...MARCH, gestione: "ARTIGIANI_COMMERCIANTI" }, NOW);
    expect(byGestione.total).toMatchObject({ received: 1, taken: { count: 1, median: hours(10) }, backlog: 0 });
    const byArea = await getResponseFigures(responsabile, { ...MARCH, oggetto: areaId }, NOW);
    expect(byArea.total).toMatchObject({ received: 5, firstReply: { count: 3 }, backlog: 2 });
  });

  it("reads the period's days in Rome time, and counts each ISO week", async () => {
    const lastDay = await getResponseFigures(responsabile, { dal: "2026-03-31", al: "2026-03-31" }, NOW);
    expect(lastDay.total.received).toBe(1);
    const firstDay = await getResponseFigures(responsabile, { dal: "2026-03-01", al: "2026-03-01" }, NOW);
    expect(firstDay.total.received).toBe(1);
    const april = await getResponseFigures(responsabile, { dal: "2026-04-01", al: "2026-04-10" }, NOW);
    expect(april.total).toMatchObject({ received: 1, closed: { count: 3 } });

    const { weeks } = await getResponseFigures(responsabile, MARCH, NOW);
    expect(weeks.map(({ monday, isoWeek, received, closed }) => [monday, isoWeek, received, closed])).toEqual([
      ["2026-02-23", 9, 1, 0],
      ["2026-03-02", 10, 5, 3],
      ["2026-03-09", 11, 1, 1],
      ["2026-03-16", 12, 0, 0],
      ["2026-03-23", 13, 0, 0],
      ["2026-03-30", 14, 1, 0],
    ]);
  });

  it("defaults to the last 90 days, today included", async () => {
    const figures = await getResponseFigures(responsabile, {}, NOW);
    expect(figures.filters).toMatchObject({ dal: "2026-01-16", al: "2026-04-15" });
    expect(figures.total.received).toBe(9);
  });

  it("shows ADMIN every office, or the one chosen", async () => {
    const all = await getResponseFigures(admin, MARCH, NOW);
    expect(all.officeName).toBeNull();
    expect(all.total.received).toBe(9);
    expect(all.offices.map((office) => office.value).sort()).toEqual([officeId, otherOfficeId].sort());
    const one = await getResponseFigures(admin, { ...MARCH, sede: otherOfficeId }, NOW);
    expect(one.total).toMatchObject({ received: 1, taken: { count: 1, median: hours(1) } });
  });

  it("shows a RESPONSABILE their own office only: another office is not found", async () => {
    await expect(getResponseFigures(responsabile, { ...MARCH, sede: otherOfficeId }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    const own = await getResponseFigures(otherResponsabile, MARCH, NOW);
    expect(own.total.received).toBe(1);
    expect(own.offices).toEqual([]);
  });

  it("is not found for an OPERATORE", async () => {
    await expect(getResponseFigures(operatore, MARCH, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });

  it.each([
    [{ dal: "2026-03-31", al: "2026-03-01" }, "al", "La data finale non può precedere quella iniziale."],
    [{ dal: "2016-01-01", al: "2026-01-01" }, "al", "Il periodo può durare al massimo un anno (366 giorni): avvicinare le date."],
    [{ dal: "2026-02-30" }, "dal", "Indicare una data valida (gg/mm/aaaa)."],
    [{ al: "31/03/2026" }, "al", "Indicare una data valida (gg/mm/aaaa)."],
    [{ gestione: "NESSUNA" }, "gestione", "Scegliere una gestione tra quelle proposte."],
    [{ oggetto: "00000000-0000-7000-8000-000000000000" }, "oggetto", "Scegliere un oggetto tra quelli proposti."],
  ])("refuses %o with an Italian message at the field", async (filters, field, message) => {
    const error = await getResponseFigures(responsabile, filters, NOW).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors[field]).toEqual([message]);
  });

  it("exports the same figures as CSV: headers, the whole, a row per office and subject, formulas neutralised", async () => {
    await prisma.subject.update({ where: { id: subjectId }, data: { label: '=HYPERLINK("http://x")' } });
    const { fileName, csv } = await exportResponseFiguresCsv(responsabile, { ...MARCH, oggetto: areaId }, NOW);
    expect(fileName).toBe("tempi-di-risposta-2026-03-01-2026-03-31.csv");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "Sede;Gestione;Area;Oggetto;Ricevuti;Presi in carico;Presa in carico: mediana (ore);Presa in carico: 90° percentile (ore);" +
        "Prime risposte;Prima risposta: mediana (ore);Prima risposta: 90° percentile (ore);Chiusi;Chiusura: mediana (ore);" +
        "Chiusura: 90° percentile (ore);Chiusi con scadenza;Chiusi entro la scadenza;Non chiusi oggi;Scaduti oggi",
    );
    const area = await prisma.subject.findUniqueOrThrow({ where: { id: areaId } });
    expect(lines.slice(1)).toEqual([
      `${responsabile.office.name};Totale;;;5;4;5,0;7,4;3;20,0;28,0;3;48,0;67,2;2;1;2;1`,
      `${responsabile.office.name};Gestione AZIENDE;${area.label};"'=HYPERLINK(""http://x"")";5;4;5,0;7,4;3;20,0;28,0;3;48,0;67,2;2;1;2;1`,
      "",
    ]);
  });

  it("refuses ADMIN an office that does not exist, at the field", async () => {
    const error = await getResponseFigures(admin, { sede: "00000000-0000-7000-8000-000000000000" }, NOW).catch((caught: unknown) => caught);
    expect((error as ValidationError).fieldErrors.sede).toEqual(["Scegliere una sede tra quelle proposte."]);
  });
});
