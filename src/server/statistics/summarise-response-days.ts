import type { PrismaClient } from "@/generated/prisma/client";
import { addIsoDays, romeDayEnd, romeDayStart, romeIsoDay } from "@/lib/rome-dates";
import { responseDayColumns, responseDaysSql, summarisedDays } from "./response-days";
import { MAX_PERIOD_DAYS } from "./schemas";

/**
 * Each run summarises again the last RESUMMARISED_DAYS closed days: a past
 * day's figures still change when a quesito is reassigned to another office
 * (it counts for the office that has it now) or taken in charge again (its
 * `takenAt` moves), and a run the worker missed is made good. Older days stay
 * as they were summarised.
 */
export const RESUMMARISED_DAYS = 7;
/** Days summarised in one transaction: the first run's year goes a month at a time. */
const DAYS_PER_TRANSACTION = 31;

/** The days to summarise, in order, as runs of consecutive days, each at most DAYS_PER_TRANSACTION long. */
function runsOf(days: string[]): [string, string][] {
  const runs: [string, string][] = [];
  for (const day of days) {
    const last = runs.at(-1);
    if (last && addIsoDays(last[1], 1) === day && addIsoDays(last[0], DAYS_PER_TRANSACTION - 1) >= day) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}

/**
 * The worker's job for the ADMIN's all-offices response-time figures
 * (decision 0036, amended): writes ResponseFiguresDay for every closed day
 * (before today in Rome) of the last year not summarised yet and for the last
 * RESUMMARISED_DAYS whatever their state. Each run of days is replaced in one
 * transaction (its rows deleted, written again from Quesito, the days marked),
 * so a run made twice leaves the same rows. Returns how many days it wrote.
 */
export async function summariseResponseDays(prisma: PrismaClient, now = new Date()): Promise<number> {
  const today = romeIsoDay(now);
  const oldest = addIsoDays(today, -MAX_PERIOD_DAYS);
  const recent = addIsoDays(today, -RESUMMARISED_DAYS);
  const done = await summarisedDays(prisma, oldest, addIsoDays(recent, -1));
  const days: string[] = [];
  for (let day = oldest; day < today; day = addIsoDays(day, 1)) if (day >= recent || !done.has(day)) days.push(day);
  if (days.length === 0) return 0;
  const officeIds = (await prisma.office.findMany({ select: { id: true } })).map((office) => office.id);
  for (const [first, last] of runsOf(days)) {
    await prisma.$transaction(
      async (tx) => {
        // Two workers summarising the same days one after the other, never interleaved.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('response-figures-days'))`;
        await tx.$executeRaw`DELETE FROM "ResponseFiguresDay" WHERE day BETWEEN ${first}::date AND ${last}::date`;
        await tx.$executeRaw`
          INSERT INTO "ResponseFiguresDay" (${responseDayColumns})
          ${responseDaysSql(officeIds, null, romeDayStart(first), romeDayEnd(last))}`;
        await tx.$executeRaw`
          INSERT INTO "ResponseFiguresSummarisedDay" (day, "summarisedAt")
          SELECT day::date, ${now} FROM generate_series(${first}::date, ${last}::date, interval '1 day') AS day
          ON CONFLICT (day) DO UPDATE SET "summarisedAt" = EXCLUDED."summarisedAt"`;
      },
      { timeout: 5 * 60_000 },
    );
  }
  return days.length;
}
