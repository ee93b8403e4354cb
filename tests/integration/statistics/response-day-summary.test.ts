import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db/client";
import type { RequestDirection } from "@/generated/prisma/enums";
import type { OperatorActor } from "@/server/identity/actor";
import { exportResponseFiguresCsv } from "@/server/statistics/export-response-figures-csv";
import { getResponseFigures, type Figures, type ResponseFigures, type StepTimes } from "@/server/statistics/get-response-figures";
import { bucketRange, HOUR_BUCKETS, LAST_BUCKET } from "@/server/statistics/response-days";
import { RESUMMARISED_DAYS, summariseResponseDays } from "@/server/statistics/summarise-response-days";
import { createOffice, createPerson, createPosition } from "../../support/fixtures";
import { createQuesito, createSubjectTree, operatorActor } from "../../support/quesito-fixtures";

const HOUR = 3600;
const DAY = 24 * HOUR;
/** Noon in Rome on 15 June 2026. */
const NOW = new Date("2026-06-15T10:00:00Z");
const PERIOD = { dal: "2026-05-01", al: "2026-06-15" };
const daysAgo = (days: number, hour = 8) => new Date(Date.UTC(2026, 5, 15 - days, hour));

/** The bucket (response-days.ts) of a duration, to say how far an approximate time may be from the exact one. */
function bucketWidth(seconds: number): number {
  for (let bucket = 0; bucket < LAST_BUCKET; bucket += 1) {
    const { from, to } = bucketRange(bucket);
    if (seconds >= from && to !== null && seconds < to) return to - from;
  }
  return DAY;
}

const counts = (figures: Figures) => ({
  received: figures.received,
  taken: figures.taken.count,
  firstReply: figures.firstReply.count,
  closed: figures.closed.count,
  closedWithDueDate: figures.closedWithDueDate,
  closedOnTime: figures.closedOnTime,
  backlog: figures.backlog,
  overdue: figures.overdue,
});
const sum = (a: ReturnType<typeof counts>, b: ReturnType<typeof counts>) =>
  Object.fromEntries(Object.entries(a).map(([name, value]) => [name, value + b[name as keyof typeof b]]));
const rowKey = (row: ResponseFigures["rows"][number]) => `${row.officeName}|${row.subjectLabel}`;

/**
 * Two offices with quesiti over the last weeks — times from half an hour to
 * ten days, one received today, an office communication that never counts —
 * seen by an ADMIN for all offices (the daily summary and today live) and by
 * each office's RESPONSABILE (the exact statement).
 */
describe("the daily summary of the response-time figures", () => {
  let admin: OperatorActor;
  let responsabili: OperatorActor[];
  let officeIds: string[];
  let moved: { recent: string; old: string };

  const allOffices = () => getResponseFigures(admin, PERIOD, NOW);
  const exact = () => Promise.all(responsabili.map((responsabile) => getResponseFigures(responsabile, PERIOD, NOW)));
  const summaryRows = () => prisma.$queryRaw<unknown[]>`SELECT * FROM "ResponseFiguresDay" ORDER BY day, "officeId", "subjectId"`;

  /** Counts equal to the offices' exact ones, summed; every office and subject's times within a bucket of the exact. */
  async function expectSameAsExact() {
    const [all, perOffice] = await Promise.all([allOffices(), exact()]);
    const [a, b] = perOffice.map((figures) => counts(figures.total));
    expect(counts(all.total)).toEqual(sum(a!, b!));
    expect(all.weeks).toEqual(
      perOffice[0]!.weeks.map((week, index) => ({
        ...week,
        received: week.received + perOffice[1]!.weeks[index]!.received,
        closed: week.closed + perOffice[1]!.weeks[index]!.closed,
      })),
    );
    const exactRows = new Map(perOffice.flatMap((figures) => figures.rows).map((row) => [rowKey(row), row]));
    expect(all.rows.map(rowKey).sort()).toEqual([...exactRows.keys()].sort());
    // Each time from the quesiti themselves: percentile_cont interpolates between two durations, the summary between
    // the middles of their buckets, so the two differ by at most half the wider of those buckets.
    const durations = await prisma.$queryRaw<{ key: string; taken: number | null; replied: number | null; closed: number | null }[]>`
      SELECT o.name || '|' || s.label AS key, extract(epoch FROM q."takenAt" - q."receivedAt")::float8 AS taken,
             extract(epoch FROM q."firstReplyAt" - q."receivedAt")::float8 AS replied,
             extract(epoch FROM q."closedAt" - q."receivedAt")::float8 AS closed
      FROM "Quesito" q JOIN "Office" o ON o.id = q."officeId" JOIN "Subject" s ON s.id = q."subjectId"
      WHERE q.direction = 'DAL_CONTRIBUENTE'`;
    const near = (key: string, step: "taken" | "replied" | "closed", approximate: StepTimes, precise: StepTimes) => {
      expect(approximate.count).toBe(precise.count);
      const values = durations
        .filter((row) => row.key === key)
        .flatMap((row) => (row[step] === null ? [] : [row[step]]))
        .sort((x, y) => x - y);
      for (const [name, q] of [
        ["median", 0.5],
        ["p90", 0.9],
      ] as const) {
        const value = precise[name];
        if (value === null) {
          expect(approximate[name]).toBeNull();
          continue;
        }
        const position = q * (values.length - 1);
        const around = [values[Math.floor(position)]!, values[Math.ceil(position)]!];
        const tolerance = Math.max(...around.map(bucketWidth)) / 2;
        expect(Math.abs((approximate[name] ?? Infinity) - value), `${key} ${step} ${name}`).toBeLessThanOrEqual(tolerance + 1e-6);
      }
    };
    for (const row of all.rows) {
      const precise = exactRows.get(rowKey(row))!;
      expect(counts(row)).toEqual(counts(precise));
      near(rowKey(row), "taken", row.taken, precise.taken);
      near(rowKey(row), "replied", row.firstReply, precise.firstReply);
      near(rowKey(row), "closed", row.closed, precise.closed);
    }
    return all;
  }

  beforeAll(async () => {
    officeIds = [(await createOffice()).id, (await createOffice()).id];
    admin = await operatorActor(officeIds[0]!, "ADMIN");
    responsabili = [await operatorActor(officeIds[0]!, "RESPONSABILE"), await operatorActor(officeIds[1]!, "RESPONSABILE")];
    const holder = await createPerson("Titolare");
    const positions = [
      await createPosition(holder.id, officeIds[0]!, "AZIENDE"),
      await createPosition(holder.id, officeIds[1]!, "AZIENDE"),
    ];
    const subjects = [(await createSubjectTree("AZIENDE")).subject.id, (await createSubjectTree("AZIENDE")).subject.id];

    type Steps = { taken?: number; replied?: number; closed?: number; dueAt?: Date };
    const make = async (office: 0 | 1, subject: 0 | 1, received: Date, steps: Steps, direction?: RequestDirection) => {
      const at = (seconds: number | undefined) => (seconds === undefined ? null : new Date(received.getTime() + seconds * 1000));
      const { quesito } = await createQuesito({
        officeId: officeIds[office]!,
        holder,
        positionId: positions[office]!.id,
        subjectId: subjects[subject],
        receivedAt: received,
        direction,
      });
      await prisma.quesito.update({
        where: { id: quesito!.id },
        data: {
          state: steps.closed !== undefined ? "CHIUSO" : steps.taken !== undefined ? "IN_LAVORAZIONE" : "NUOVO",
          takenAt: at(steps.taken),
          firstReplyAt: at(steps.replied),
          closedAt: at(steps.closed),
          dueAt: steps.dueAt ?? null,
        },
      });
      return quesito!.id;
    };
    // Durations across the hour buckets and the day buckets; some steps before the period, some after it began.
    const durations = [0.5 * HOUR, 3.2 * HOUR, 7.7 * HOUR, 20.1 * HOUR, 30.4 * HOUR, 3.5 * DAY, 6.5 * DAY, 10.5 * DAY];
    for (const [index, taken] of durations.entries()) {
      for (const office of [0, 1] as const) {
        await make(office, (index % 2) as 0 | 1, daysAgo(3 + index * 5 + office), {
          taken,
          replied: taken * 1.5,
          ...(index % 3 === 0 ? {} : { closed: taken * 3 + HOUR, dueAt: daysAgo(index * 4) }),
        });
      }
    }
    await make(0, 0, daysAgo(40), { taken: 2 * DAY, closed: 44 * DAY });
    await make(1, 1, daysAgo(0, 7), { taken: HOUR });
    await make(0, 1, daysAgo(2), { taken: 2 * HOUR }, "DALLA_SEDE");
    // To be reassigned once summarised: one within the days summarised again at every run, one before them.
    moved = {
      recent: await make(0, 0, daysAgo(RESUMMARISED_DAYS - 2), { taken: 5 * HOUR, closed: DAY }),
      old: await make(0, 0, daysAgo(RESUMMARISED_DAYS + 10), { taken: 6 * HOUR, closed: 2 * DAY }),
    };
  });

  it("computes the days not summarised yet live: the same counts, times within a bucket", async () => {
    const all = await expectSameAsExact();
    expect(all.approximateTimes).toBe(true);
    expect(all.officeName).toBeNull();
    expect(all.total.received).toBe(20);
    // The CSV says so in the times' headers; one office's exact times do not.
    const headerOf = async (actor: OperatorActor, filters: object) =>
      (await exportResponseFiguresCsv(actor, filters, NOW)).csv.slice(1).split("\r\n")[0];
    expect(await headerOf(admin, PERIOD)).toContain("Presa in carico: mediana (ore, approssimato)");
    expect(await headerOf(admin, { ...PERIOD, sede: officeIds[0] })).toContain("Presa in carico: mediana (ore);");
  });

  it("summarises every closed day of the last year once, then the same from the summary and today live", async () => {
    expect(await summariseResponseDays(prisma, NOW)).toBe(366);
    const summarised = await prisma.$queryRaw<{ days: number; first: string; last: string }[]>`
      SELECT count(*)::int AS days, min(day)::text AS first, max(day)::text AS last FROM "ResponseFiguresSummarisedDay"`;
    expect(summarised).toEqual([{ days: 366, first: "2025-06-14", last: "2026-06-14" }]);
    await expectSameAsExact();
    // Hour buckets within the first two days, then day buckets.
    expect(bucketRange(HOUR_BUCKETS - 1)).toEqual({ from: 47 * HOUR, to: 48 * HOUR });
    expect(bucketRange(HOUR_BUCKETS)).toEqual({ from: 2 * DAY, to: 3 * DAY });
  });

  it("gives the same rows when run again, summarising only the last days", async () => {
    const before = await summaryRows();
    expect(await summariseResponseDays(prisma, NOW)).toBe(RESUMMARISED_DAYS);
    expect(await summaryRows()).toEqual(before);
  });

  it("follows a late change to the last days at the next run; older days stay as summarised", async () => {
    const reassigned = { officeId: officeIds[1]! };
    await prisma.quesito.updateMany({ where: { id: { in: [moved.recent, moved.old] } }, data: reassigned });
    await summariseResponseDays(prisma, NOW);
    const [all, perOffice] = await Promise.all([allOffices(), exact()]);
    const [a, b] = perOffice.map((figures) => counts(figures.total));
    // Both count for the second office now; the summary moved the recent one, not the old one.
    expect(counts(all.total)).toEqual(sum(a!, b!));
    const officeName = (index: number) => perOffice[index]!.officeName;
    const closedIn = (figures: ResponseFigures, name: string | null) =>
      figures.rows.filter((row) => row.officeName === name).reduce((total, row) => total + row.closed.count, 0);
    expect(closedIn(all, officeName(0))).toBe(closedIn(perOffice[0]!, officeName(0)) + 1);
    expect(closedIn(all, officeName(1))).toBe(closedIn(perOffice[1]!, officeName(1)) - 1);
  });
});
