import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { romeDayEnd } from "@/lib/rome-dates";

/*
 * The response-time figures of a day in Rome, per office and subject, with
 * the histograms of the steps' durations from reception (decision 0036's
 * amendments): what the worker keeps in ResponseFiguresDay for past days and
 * what a view from the summary computes live for the days not kept yet
 * (today). One SQL for both, so the live figures and the kept ones are the
 * same by construction; the per-gestione days and months are the same rows
 * summed (mergedRowsSql).
 *
 * Buckets of a duration: an hour each for the first HOUR_BUCKETS hours
 * (0 = under an hour), then a day each, the last one open (a year and more).
 * Medians and percentiles over summed histograms are therefore "all'ora"
 * within the first two days, "al giorno" beyond.
 */

export const HOUR_BUCKETS = 48;
const HOUR = 3600;
const DAY = 86_400;
/** The last bucket: durations of HOUR_BUCKETS hours and 365 days or more. */
export const LAST_BUCKET = HOUR_BUCKETS + 365;

/** The steps timed from reception, and the column of each. */
export const timedSteps = [
  ["taken", "takenAt"],
  ["replied", "firstReplyAt"],
  ["closed", "closedAt"],
] as const;
export type TimedStep = (typeof timedSteps)[number][0];

/** The range of durations (seconds) a bucket holds: [from, to), `to` null for the last. */
export function bucketRange(bucket: number): { from: number; to: number | null } {
  if (bucket < HOUR_BUCKETS) return { from: bucket * HOUR, to: (bucket + 1) * HOUR };
  const from = HOUR_BUCKETS * HOUR + (bucket - HOUR_BUCKETS) * DAY;
  return { from, to: bucket === LAST_BUCKET ? null : from + DAY };
}

/** The value a bucket stands for: its middle (the last one, open, its start). */
function bucketValue(bucket: number): number {
  const { from, to } = bucketRange(bucket);
  return to === null ? from : (from + to) / 2;
}

/**
 * A percentile read from summed histograms as `percentile_cont` reads the
 * values themselves: the buckets of the two ranks around q × (count − 1)
 * (`lower`, `upper`), each standing for its middle, interpolated.
 */
export function bucketPercentile(q: number, count: number, lower: number | null, upper: number | null): number | null {
  if (count === 0 || lower === null || upper === null) return null;
  const position = q * (count - 1);
  return bucketValue(lower) + (position - Math.floor(position)) * (bucketValue(upper) - bucketValue(lower));
}

/**
 * The median and 90th percentile of a histogram — its buckets and their
 * counts, in any order — as bucketPercentile reads them: the buckets of the
 * two ranks around q × (count − 1), interpolated.
 */
export function histogramPercentiles(buckets: number[], counts: number[]): { median: number | null; p90: number | null } {
  const entries = buckets.map((bucket, index) => [bucket, counts[index] ?? 0] as const).sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  const bucketAt = (rank: number): number | null => {
    let before = 0;
    for (const [bucket, n] of entries) {
      if (rank < before + n) return bucket;
      before += n;
    }
    return null;
  };
  const percentile = (q: number) => {
    const position = q * (total - 1);
    return total === 0 ? null : bucketPercentile(q, total, bucketAt(Math.floor(position)), bucketAt(Math.ceil(position)));
  };
  return { median: percentile(0.5), p90: percentile(0.9) };
}

/** The bucket of `seconds` (an SQL expression), as bucketRange numbers them; a negative duration is the first. */
function bucketSql(seconds: string): Prisma.Sql {
  return Prisma.raw(
    `CASE WHEN ${seconds} < ${HOUR_BUCKETS * HOUR} THEN greatest(floor(${seconds} / ${HOUR}), 0)::int ` +
      `ELSE least(${HOUR_BUCKETS} + floor((${seconds} - ${HOUR_BUCKETS * HOUR}) / ${DAY}), ${LAST_BUCKET})::int END`,
  );
}

/** The measures of every summary table, after its keys: the counts, and each timed step's histogram (sparse, by bucket). */
const measureColumns = [
  "received",
  ...timedSteps.flatMap(([step]) => [step, `${step}Buckets`, `${step}Counts`]),
  "closedWithDueDate",
  "closedOnTime",
];
const columnList = (columns: string[]) => Prisma.raw(columns.map((column) => `"${column}"`).join(", "));

/** The columns of ResponseFiguresDay in the order responseDaysSql gives them. */
export const responseDayColumns = columnList(["day", "officeId", "subjectId", ...measureColumns]);
/** The columns of ResponseFiguresMonth, ResponseFiguresGestioneDay and …Month in the order mergedRowsSql gives them. */
export const subjectMonthColumns = columnList(["month", "officeId", "subjectId", ...measureColumns]);
export const gestioneDayColumns = columnList(["day", "officeId", "gestione", ...measureColumns]);
export const gestioneMonthColumns = columnList(["month", "officeId", "gestione", ...measureColumns]);

/** The measure columns of the summary row `alias`, in the tables' order. */
export const summaryMeasures = (alias: string) => Prisma.raw(measureColumns.map((column) => `${alias}."${column}"`).join(", "));

/** The histogram entries (step, bucket, n) of each timed step of the summary row `alias`: a LATERAL source. */
export function histogramEntriesSql(alias: string): Prisma.Sql {
  return Prisma.raw(
    timedSteps
      .map(
        ([step]) =>
          `SELECT '${step}' AS step, h.bucket, h.n FROM unnest(${alias}."${step}Buckets", ${alias}."${step}Counts") AS h(bucket, n)`,
      )
      .join(" UNION ALL "),
  );
}

/**
 * Summary rows summed to a coarser grain (decision 0036, second amendment):
 * `source` gives the summary's measure columns with `period`, `officeId` and
 * `key` — the day or month and the gestione they are summed into —; the
 * result has period, officeId, key and the measures, the counts added and
 * each step's histograms merged bucket by bucket.
 */
export function mergedRowsSql(source: Prisma.Sql): Prisma.Sql {
  const histogram = (name: string) =>
    Prisma.raw(
      `coalesce(array_agg(bucket ORDER BY bucket) FILTER (WHERE step = '${name}'), '{}') AS "${name}Buckets", ` +
        `coalesce(array_agg(n ORDER BY bucket) FILTER (WHERE step = '${name}'), '{}') AS "${name}Counts"`,
    );
  const histogramColumns = (name: string) =>
    Prisma.raw(`coalesce(h."${name}Buckets", '{}') AS "${name}Buckets", coalesce(h."${name}Counts", '{}') AS "${name}Counts"`);
  return Prisma.sql`
    WITH source AS MATERIALIZED (${source}),
    totals AS (
      SELECT period, "officeId", key, sum(received)::int AS received, sum(taken)::int AS taken, sum(replied)::int AS replied,
             sum(closed)::int AS closed, sum("closedWithDueDate")::int AS "closedWithDueDate", sum("closedOnTime")::int AS "closedOnTime"
      FROM source GROUP BY period, "officeId", key
    ),
    entries AS (
      SELECT period, "officeId", key, e.step, e.bucket, sum(e.n)::int AS n
      FROM source CROSS JOIN LATERAL (${histogramEntriesSql("source")}) e
      GROUP BY period, "officeId", key, e.step, e.bucket
    ),
    histograms AS (
      SELECT period, "officeId", key, ${Prisma.join(
        timedSteps.map(([name]) => histogram(name)),
        ", ",
      )}
      FROM entries GROUP BY period, "officeId", key
    )
    SELECT t.period, t."officeId", t.key, t.received,
           ${Prisma.join(
             timedSteps.map(([name]) => Prisma.sql`t.${Prisma.raw(`"${name}"`)}, ${histogramColumns(name)}`),
             ", ",
           )},
           t."closedWithDueDate", t."closedOnTime"
    FROM totals t LEFT JOIN histograms h USING (period, "officeId", key)`;
}

/**
 * The rows of the Rome days between `from` and `to` (instants, `to`
 * excluded) of the offices given (and the subjects, when given): each step
 * of a contributor's quesito counted on its day, under the office and
 * subject the quesito has now (decision 0036), each read through its
 * `(officeId, instant)` index.
 */
export function responseDaysSql(officeIds: string[], subjectIds: string[] | null, from: Date, to: Date): Prisma.Sql {
  // Step names are this function's constants, never input.
  const literal = (name: string) => Prisma.raw(`'${name}'`);
  const subjects = subjectIds ? Prisma.sql`AND q."subjectId" = ANY(${subjectIds}::uuid[])` : Prisma.empty;
  const step = (name: string, column: string, closing = false) =>
    Prisma.sql`
      SELECT q."officeId", q."subjectId", ${literal(name)} AS step, q.${Prisma.raw(`"${column}"`)} AS at,
             ${name === "received" ? Prisma.sql`NULL::int` : bucketSql(`extract(epoch FROM q."${column}" - q."receivedAt")`)} AS bucket,
             ${closing ? Prisma.sql`q."dueAt" IS NOT NULL` : Prisma.sql`FALSE`} AS "withDueDate",
             ${closing ? Prisma.sql`q."closedAt" <= q."dueAt"` : Prisma.sql`FALSE`} AS "onTime"
      FROM "Quesito" q
      WHERE q."officeId" = ANY(${officeIds}::uuid[]) AND q.direction = 'DAL_CONTRIBUENTE' ${subjects}
        AND q.${Prisma.raw(`"${column}"`)} >= ${from} AND q.${Prisma.raw(`"${column}"`)} < ${to}`;
  const histogram = (name: string) =>
    Prisma.sql`coalesce(sum(n) FILTER (WHERE step = ${literal(name)}), 0)::int AS ${Prisma.raw(`"${name}"`)},
      coalesce(array_agg(bucket ORDER BY bucket) FILTER (WHERE step = ${literal(name)}), '{}') AS ${Prisma.raw(`"${name}Buckets"`)},
      coalesce(array_agg(n ORDER BY bucket) FILTER (WHERE step = ${literal(name)}), '{}') AS ${Prisma.raw(`"${name}Counts"`)}`;
  return Prisma.sql`
    WITH steps AS (
      ${step("received", "receivedAt")}
      UNION ALL ${step("taken", "takenAt")}
      UNION ALL ${step("replied", "firstReplyAt")}
      UNION ALL ${step("closed", "closedAt", true)}
    ), buckets AS (
      SELECT ((at AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Rome')::date AS day, "officeId", "subjectId", step, bucket,
             count(*)::int AS n, count(*) FILTER (WHERE "withDueDate")::int AS "withDueDate",
             count(*) FILTER (WHERE "onTime")::int AS "onTime"
      FROM steps
      GROUP BY 1, "officeId", "subjectId", step, bucket
    )
    SELECT day, "officeId", "subjectId", coalesce(sum(n) FILTER (WHERE step = 'received'), 0)::int AS received,
           ${Prisma.join(
             timedSteps.map(([name]) => histogram(name)),
             ", ",
           )},
           sum("withDueDate")::int AS "closedWithDueDate", sum("onTime")::int AS "closedOnTime"
    FROM buckets
    GROUP BY day, "officeId", "subjectId"`;
}

/**
 * The days between `from` and `to` (Rome, `yyyy-mm-dd`, both included)
 * summarised in ResponseFiguresDay, each with the instant its summary goes
 * up to: the end of the day, or — today's, summarised so far at every run —
 * the run's instant.
 */
export async function summarisedDays(client: Pick<PrismaClient, "$queryRaw">, from: string, to: string): Promise<Map<string, Date>> {
  const rows = await client.$queryRaw<{ day: string; upTo: Date }[]>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, "upTo" FROM "ResponseFiguresSummarisedDay" WHERE day BETWEEN ${from}::date AND ${to}::date`;
  return new Map(rows.map((row) => [row.day, row.upTo]));
}

/** Whether a day's summary is whole: it goes up to the end of the day. */
export const isWholeDay = (day: string, upTo: Date | undefined): upTo is Date => upTo !== undefined && upTo >= romeDayEnd(day);
