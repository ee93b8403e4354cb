import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db/client";
import type { RequestDirection } from "@/generated/prisma/enums";
import type { OperatorActor } from "@/server/identity/actor";
import { exportResponseFiguresCsv } from "@/server/statistics/export-response-figures-csv";
import { getResponseFigures, type Figures, type ResponseFigures, type StepTimes } from "@/server/statistics/get-response-figures";
import { bucketRange, HOUR_BUCKETS, LAST_BUCKET } from "@/server/statistics/response-days";
import { romeDayEnd, romeDayStart } from "@/lib/rome-dates";
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
 * seen by an ADMIN for all offices (the summary, and live what it does not hold yet) and by
 * each office's RESPONSABILE (the exact statement).
 */
describe("the daily summary of the response-time figures", () => {
  let admin: OperatorActor;
  let responsabili: OperatorActor[];
  let officeIds: string[];
  let moved: { recent: string; old: string };
  let subjectIds: string[];
  type Steps = { taken?: number; replied?: number; closed?: number; dueAt?: Date };
  /** A quesito of an office and subject received at `received`, with its steps that many seconds after. */
  let make: (office: 0 | 1, subject: 0 | 1, received: Date, steps: Steps, direction?: RequestDirection) => Promise<string>;

  const allOffices = (period = PERIOD) => getResponseFigures(admin, period, NOW);
  const exact = (period = PERIOD) => Promise.all(responsabili.map((responsabile) => getResponseFigures(responsabile, period, NOW)));
  const headerOfCsv = async (actor: OperatorActor, filters: object) =>
    (await exportResponseFiguresCsv(actor, filters, NOW)).csv.slice(1).split("\r\n")[0];
  const summaryRows = () => prisma.$queryRaw<unknown[]>`SELECT * FROM "ResponseFiguresDay" ORDER BY day, "officeId", "subjectId"`;

  /**
   * Counts equal to the offices' exact ones, summed; times within a bucket of the exact. All offices without a
   * subject chosen: a row per office and gestione (both subjects are of AZIENDE, so one per office); with a
   * subject chosen, a row per office and subject.
   */
  async function expectSameAsExact(period = PERIOD) {
    const [all, perOffice] = await Promise.all([allOffices(period), exact(period)]);
    const [a, b] = perOffice.map((figures) => counts(figures.total));
    expect(counts(all.total)).toEqual(sum(a!, b!));
    expect(all.weeks).toEqual(
      perOffice[0]!.weeks.map((week, index) => ({
        ...week,
        received: week.received + perOffice[1]!.weeks[index]!.received,
        closed: week.closed + perOffice[1]!.weeks[index]!.closed,
      })),
    );
    // Each time from the quesiti themselves: percentile_cont interpolates between two durations, the summary between
    // the middles of their buckets, so the two differ by at most half the wider of those buckets.
    // Each step's duration when the step happened in the period, null otherwise.
    const [from, to] = [romeDayStart(period.dal), romeDayEnd(period.al)];
    const durations = await prisma.$queryRaw<
      { office: string; subject: string; taken: number | null; replied: number | null; closed: number | null }[]
    >`
      SELECT o.name AS office, s.label AS subject,
             CASE WHEN q."takenAt" >= ${from} AND q."takenAt" < ${to} THEN extract(epoch FROM q."takenAt" - q."receivedAt")::float8 END AS taken,
             CASE WHEN q."firstReplyAt" >= ${from} AND q."firstReplyAt" < ${to}
                  THEN extract(epoch FROM q."firstReplyAt" - q."receivedAt")::float8 END AS replied,
             CASE WHEN q."closedAt" >= ${from} AND q."closedAt" < ${to} THEN extract(epoch FROM q."closedAt" - q."receivedAt")::float8 END AS closed
      FROM "Quesito" q JOIN "Office" o ON o.id = q."officeId" JOIN "Subject" s ON s.id = q."subjectId"
      WHERE q.direction = 'DAL_CONTRIBUENTE'`;
    /** A step's exact count, median and 90th percentile over the durations, as percentile_cont reads them. */
    const exactStep = (step: "taken" | "replied" | "closed"): StepTimes => {
      const values = durations.flatMap((row) => (row[step] === null ? [] : [row[step]])).sort((x, y) => x - y);
      const at = (q: number) => {
        const position = q * (values.length - 1);
        const [lower, upper] = [values[Math.floor(position)]!, values[Math.ceil(position)]!];
        return values.length === 0 ? null : lower + (position - Math.floor(position)) * (upper - lower);
      };
      return { count: values.length, median: at(0.5), p90: at(0.9) };
    };
    const near = (
      of: (row: (typeof durations)[number]) => boolean,
      step: "taken" | "replied" | "closed",
      approximate: StepTimes,
      precise: StepTimes,
    ) => {
      expect(approximate.count).toBe(precise.count);
      const values = durations
        .filter(of)
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
        expect(Math.abs((approximate[name] ?? Infinity) - value), `${step} ${name}`).toBeLessThanOrEqual(tolerance + 1e-6);
      }
    };
    const expectNear = (of: (row: (typeof durations)[number]) => boolean, approximate: Figures, precise: Figures) => {
      expect(counts(approximate)).toEqual(counts(precise));
      near(of, "taken", approximate.taken, precise.taken);
      near(of, "replied", approximate.firstReply, precise.firstReply);
      near(of, "closed", approximate.closed, precise.closed);
    };

    // The whole's times from every office's histograms summed.
    expectNear(() => true, all.total, {
      ...all.total,
      taken: exactStep("taken"),
      firstReply: exactStep("replied"),
      closed: exactStep("closed"),
    });
    expect(all.breakdown).toBe("gestione");
    expect(all.rows.map((row) => [row.officeName, row.subjectLabel]).sort()).toEqual(
      perOffice.map((figures) => [figures.officeName, "Tutti gli oggetti"]).sort(),
    );
    for (const row of all.rows) {
      const precise = perOffice.find((figures) => figures.officeName === row.officeName)!;
      expect(row.gestioneLabel).toBe(precise.rows[0]!.gestioneLabel);
      expectNear((duration) => duration.office === row.officeName, row, precise.total);
    }

    const oneSubject = { ...period, oggetto: subjectIds[0] };
    const [bySubject, exactBySubject] = await Promise.all([
      getResponseFigures(admin, oneSubject, NOW),
      Promise.all(responsabili.map((responsabile) => getResponseFigures(responsabile, oneSubject, NOW))),
    ]);
    expect(bySubject.breakdown).toBe("oggetto");
    const exactRows = new Map(exactBySubject.flatMap((figures) => figures.rows).map((row) => [rowKey(row), row]));
    expect(bySubject.rows.map(rowKey).sort()).toEqual([...exactRows.keys()].sort());
    for (const row of bySubject.rows) {
      expectNear((duration) => `${duration.office}|${duration.subject}` === rowKey(row), row, exactRows.get(rowKey(row))!);
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
    subjectIds = [(await createSubjectTree("AZIENDE")).subject.id, (await createSubjectTree("AZIENDE")).subject.id];

    make = async (office: 0 | 1, subject: 0 | 1, received: Date, steps: Steps, direction?: RequestDirection) => {
      const at = (seconds: number | undefined) => (seconds === undefined ? null : new Date(received.getTime() + seconds * 1000));
      const { quesito } = await createQuesito({
        officeId: officeIds[office]!,
        holder,
        positionId: positions[office]!.id,
        subjectId: subjectIds[subject],
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
    expect(await headerOfCsv(admin, PERIOD)).toContain("Presa in carico: mediana (ore, approssimato)");
    expect(await headerOfCsv(admin, { ...PERIOD, sede: officeIds[0] })).toContain("Presa in carico: mediana (ore);");
  });

  it("summarises every closed day of the last year once and today so far, then the same from the summary", async () => {
    // The year's closed days, and today so far.
    expect(await summariseResponseDays(prisma, NOW)).toBe(367);
    const summarised = await prisma.$queryRaw<{ days: number; first: string; last: string; todayUpTo: Date }[]>`
      SELECT count(*)::int AS days, min(day)::text AS first, max(day)::text AS last,
             (SELECT "upTo" FROM "ResponseFiguresSummarisedDay" WHERE day = '2026-06-15') AS "todayUpTo"
      FROM "ResponseFiguresSummarisedDay"`;
    expect(summarised).toEqual([{ days: 367, first: "2025-06-14", last: "2026-06-15", todayUpTo: NOW }]);
    await expectSameAsExact();
    // Hour buckets within the first two days, then day buckets.
    expect(bucketRange(HOUR_BUCKETS - 1)).toEqual({ from: 47 * HOUR, to: 48 * HOUR });
    expect(bucketRange(HOUR_BUCKETS)).toEqual({ from: 2 * DAY, to: 3 * DAY });
  });

  it("gives the same rows when run again, summarising only the last days", async () => {
    const before = await summaryRows();
    expect(await summariseResponseDays(prisma, NOW)).toBe(RESUMMARISED_DAYS + 1);
    expect(await summaryRows()).toEqual(before);
  });

  it("reads today from the summary up to its last run and live after it, each step once", async () => {
    const later = new Date(NOW.getTime() + 2 * HOUR * 1000);
    const exactTotal = async () => {
      const [a, b] = await Promise.all(responsabili.map((responsabile) => getResponseFigures(responsabile, PERIOD, later)));
      return sum(counts(a!.total), counts(b!.total));
    };
    const before = await getResponseFigures(admin, PERIOD, later);
    expect(counts(before.total)).toEqual(await exactTotal());
    // Received and taken after the run that summarised today up to NOW.
    await make(0, 0, new Date(NOW.getTime() + HOUR * 1000), { taken: 0.5 * HOUR });
    const after = await getResponseFigures(admin, PERIOD, later);
    expect(after.total.received).toBe(before.total.received + 1);
    expect(after.total.taken.count).toBe(before.total.taken.count + 1);
    expect(counts(after.total)).toEqual(await exactTotal());
  });

  it("reads the whole months of the period from the month table, the other days from the days'", async () => {
    const months = await prisma.$queryRaw<{ month: string; received: number; fromDays: number }[]>`
      SELECT m.month::text AS month, sum(m.received)::int AS received,
             (SELECT sum(g.received)::int FROM "ResponseFiguresGestioneDay" g
              WHERE g.day >= m.month AND g.day < m.month + interval '1 month') AS "fromDays"
      FROM "ResponseFiguresGestioneMonth" m GROUP BY m.month ORDER BY m.month`;
    // The quesiti are of May and June; only whole months of summarised days are written, and June is not over.
    expect(months.map((month) => month.month)).toEqual(["2026-05-01"]);
    for (const month of months) expect(month.received).toBe(month.fromDays);
    // A period starting and ending inside months: its edges from the days, May from its month.
    await expectSameAsExact({ dal: "2026-04-20", al: "2026-06-15" });
    // May's times are read from its month's row: a thousand closings there in the last bucket make the median.
    await prisma.$executeRaw`
      UPDATE "ResponseFiguresGestioneMonth" SET "closedBuckets" = ${[LAST_BUCKET]}, "closedCounts" = ${[1000]} WHERE month = '2026-05-01'`;
    try {
      const figures = await allOffices({ dal: "2026-04-20", al: "2026-06-15" });
      expect(figures.total.closed.median).toBe(bucketRange(LAST_BUCKET).from);
    } finally {
      // Writing May again from its days, as the worker does on 3 June, then the rest as of now.
      await summariseResponseDays(prisma, new Date("2026-06-03T10:00:00Z"));
      await summariseResponseDays(prisma, NOW);
    }
    await expectSameAsExact({ dal: "2026-04-20", al: "2026-06-15" });
  });

  it("writes a month again when its last days are summarised again", async () => {
    await prisma.$executeRaw`UPDATE "ResponseFiguresMonth" SET received = received + 100 WHERE month = '2026-05-01'`;
    await prisma.$executeRaw`UPDATE "ResponseFiguresGestioneMonth" SET received = received + 100 WHERE month = '2026-05-01'`;
    // On 3 June the last days summarised again are 27 May to 2 June: May is rewritten from its days.
    await summariseResponseDays(prisma, new Date("2026-06-03T10:00:00Z"));
    const [may] = await prisma.$queryRaw<{ subjects: number; gestioni: number; days: number }[]>`
      SELECT (SELECT sum(received)::int FROM "ResponseFiguresMonth" WHERE month = '2026-05-01') AS subjects,
             (SELECT sum(received)::int FROM "ResponseFiguresGestioneMonth" WHERE month = '2026-05-01') AS gestioni,
             (SELECT sum(received)::int FROM "ResponseFiguresDay" WHERE day BETWEEN '2026-05-01' AND '2026-05-31') AS days`;
    expect(may).toEqual({ subjects: may!.days, gestioni: may!.days, days: may!.days });
    expect(may!.days).toBeGreaterThan(0);
    await summariseResponseDays(prisma, NOW);
  });

  it("reads one office's periods over EXACT_PERIOD_DAYS from the summary, per subject, with the exact counts", async () => {
    const long = { dal: "2026-03-01", al: "2026-06-15" };
    const [whole, ...parts] = await Promise.all([
      getResponseFigures(responsabili[0]!, long, NOW),
      getResponseFigures(responsabili[0]!, { dal: "2026-03-01", al: "2026-04-30" }, NOW),
      getResponseFigures(responsabili[0]!, { dal: "2026-05-01", al: "2026-06-15" }, NOW),
    ]);
    expect(whole.approximateTimes).toBe(true);
    expect(whole.breakdown).toBe("oggetto");
    expect(parts.map((figures) => figures.approximateTimes)).toEqual([false, false]);
    // The steps of two periods add up; the backlog is today's in each.
    const [march, may] = parts.map((figures) => counts(figures.total));
    expect(counts(whole.total)).toEqual({ ...sum(march!, may!), backlog: may!.backlog, overdue: may!.overdue });
    expect(whole.rows.map(rowKey).sort()).toEqual(parts[1]!.rows.map(rowKey).sort());
    expect(await headerOfCsv(responsabili[0]!, long)).toContain("Presa in carico: mediana (ore, approssimato)");
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
