import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { addIsoDays, isoDaysInclusive, monthEnd, monthStart, romeDayEnd, romeDayStart, romeIsoDay } from "@/lib/rome-dates";
import {
  gestioneDayColumns,
  gestioneMonthColumns,
  isWholeDay,
  mergedRowsSql,
  responseDayColumns,
  responseDaysSql,
  summarisedDays,
  subjectMonthColumns,
  summaryMeasures,
} from "./response-days";
import { MAX_PERIOD_DAYS } from "./schemas";

/**
 * Each run summarises again the last RESUMMARISED_DAYS closed days: a past
 * day's figures still change when a quesito is reassigned to another office
 * (it counts for the office that has it now) or taken in charge again (its
 * `takenAt` moves), and a run the worker missed is made good. Older days stay
 * as they were summarised.
 */
export const RESUMMARISED_DAYS = 7;

/** The days to summarise, in order, as runs of consecutive days within one calendar month. */
function runsOf(days: string[]): [string, string][] {
  const runs: [string, string][] = [];
  for (const day of days) {
    const last = runs.at(-1);
    if (last && addIsoDays(last[1], 1) === day && monthStart(last[0]) === monthStart(day)) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}

/**
 * The worker's job for the response-time figures read from the summary
 * (decision 0036, amended twice): writes ResponseFiguresDay (per office and
 * subject) and ResponseFiguresGestioneDay (the same summed per office and
 * gestione) for every day of the last year not summarised whole yet, the last
 * RESUMMARISED_DAYS closed days whatever their state, and today so far (up to
 * `now`: a page then computes live only what happened since); and
 * ResponseFiguresMonth and ResponseFiguresGestioneMonth for each month whose
 * every day is then summarised whole. Each run of days, within one month, is
 * replaced in one transaction (its rows deleted, written again from Quesito,
 * the days marked with the instant they go up to, its month written again
 * when whole), so a run made twice leaves the same rows and a month's row
 * always agrees with its days. Returns how many days it wrote, today
 * included.
 */
export async function summariseResponseDays(prisma: PrismaClient, now = new Date()): Promise<number> {
  const today = romeIsoDay(now);
  const oldest = addIsoDays(today, -MAX_PERIOD_DAYS);
  const recent = addIsoDays(today, -RESUMMARISED_DAYS);
  const done = await summarisedDays(prisma, oldest, addIsoDays(recent, -1));
  const days: string[] = [];
  for (let day = oldest; day <= today; day = addIsoDays(day, 1)) if (day >= recent || !isWholeDay(day, done.get(day))) days.push(day);
  const officeIds = (await prisma.office.findMany({ select: { id: true } })).map((office) => office.id);
  for (const [first, last] of runsOf(days)) {
    const month = { first: monthStart(first), last: monthEnd(first) };
    const upTo = last === today ? now : romeDayEnd(last);
    await prisma.$transaction(
      async (tx) => {
        // Two workers summarising the same days one after the other, never interleaved.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('response-figures-days'))`;
        await tx.$executeRaw`DELETE FROM "ResponseFiguresDay" WHERE day BETWEEN ${first}::date AND ${last}::date`;
        await tx.$executeRaw`DELETE FROM "ResponseFiguresGestioneDay" WHERE day BETWEEN ${first}::date AND ${last}::date`;
        await tx.$executeRaw`
          INSERT INTO "ResponseFiguresDay" (${responseDayColumns})
          ${responseDaysSql(officeIds, null, romeDayStart(first), upTo)}`;
        // Per gestione: the subject's, as the exact statement's gestione filter reads it.
        await tx.$executeRaw`
          INSERT INTO "ResponseFiguresGestioneDay" (${gestioneDayColumns})
          ${mergedRowsSql(Prisma.sql`
            SELECT d.day AS period, d."officeId", s.gestione AS key, ${summaryMeasures("d")}
            FROM "ResponseFiguresDay" d JOIN "Subject" s ON s.id = d."subjectId"
            WHERE d.day BETWEEN ${first}::date AND ${last}::date`)}`;
        // Each day up to its end in Rome, today up to now.
        await tx.$executeRaw`
          INSERT INTO "ResponseFiguresSummarisedDay" (day, "summarisedAt", "upTo")
          SELECT day::date, ${now}, least((((day::date + 1)::timestamp AT TIME ZONE 'Europe/Rome') AT TIME ZONE 'UTC'), ${upTo})
          FROM generate_series(${first}::date, ${last}::date, interval '1 day') AS day
          ON CONFLICT (day) DO UPDATE SET "summarisedAt" = EXCLUDED."summarisedAt", "upTo" = EXCLUDED."upTo"`;
        await tx.$executeRaw`DELETE FROM "ResponseFiguresMonth" WHERE month = ${month.first}::date`;
        await tx.$executeRaw`DELETE FROM "ResponseFiguresGestioneMonth" WHERE month = ${month.first}::date`;
        const marked = await summarisedDays(tx, month.first, month.last);
        if ([...marked].filter(([day, dayUpTo]) => isWholeDay(day, dayUpTo)).length === isoDaysInclusive(month.first, month.last)) {
          await tx.$executeRaw`
            INSERT INTO "ResponseFiguresMonth" (${subjectMonthColumns})
            ${mergedRowsSql(Prisma.sql`
              SELECT ${month.first}::date AS period, d."officeId", d."subjectId" AS key, ${summaryMeasures("d")}
              FROM "ResponseFiguresDay" d
              WHERE d.day BETWEEN ${month.first}::date AND ${month.last}::date`)}`;
          await tx.$executeRaw`
            INSERT INTO "ResponseFiguresGestioneMonth" (${gestioneMonthColumns})
            ${mergedRowsSql(Prisma.sql`
              SELECT ${month.first}::date AS period, g."officeId", g.gestione AS key, ${summaryMeasures("g")}
              FROM "ResponseFiguresGestioneDay" g
              WHERE g.day BETWEEN ${month.first}::date AND ${month.last}::date`)}`;
        }
      },
      { timeout: 5 * 60_000 },
    );
  }
  return days.length;
}
