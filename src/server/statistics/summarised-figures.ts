import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { addIsoDays, romeDayEnd, romeDayStart, romeIsoDay } from "@/lib/rome-dates";
import { prisma } from "@/server/db/client";
import { CLOSED_WEEK_ROW, DETAIL_ROW, OPEN_STATES, RECEIVED_WEEK_ROW, TOTAL_ROW, type FactRow } from "./figure-rows";
import { bucketPercentile, responseDayColumns, responseDaysSql, summarisedDays, timedSteps, type TimedStep } from "./response-days";

/** GROUPING() of (office, subject) of one office and subject; of (office, subject, week) the whole, one office and subject, a week. */
const PER_SUBJECT = 0b00;
const COUNTS_WHOLE = 0b111;
const COUNTS_PER_SUBJECT = 0b001;
const COUNTS_PER_WEEK = 0b110;

type CountRow = {
  level: number;
  officeId: string | null;
  subjectId: string | null;
  week: string | null;
  received: number;
  taken: number;
  replied: number;
  closed: number;
  closedWithDueDate: number;
  closedOnTime: number;
};
type RankRow = {
  level: number;
  officeId: string | null;
  subjectId: string | null;
  step: TimedStep;
  count: number;
  medianLower: number | null;
  medianUpper: number | null;
  p90Lower: number | null;
  p90Upper: number | null;
};
type BacklogRow = { level: number; officeId: string | null; subjectId: string | null; backlog: number; overdue: number };

/**
 * The days of the period as rows of ResponseFiguresDay: those summarised
 * from the table, the rest — today, and any day from the first one not
 * summarised yet — computed live by the same SQL the worker's job writes.
 */
async function periodDays(officeIds: string[], subjectIds: string[] | null, dal: string, al: string, now: Date): Promise<Prisma.Sql> {
  const yesterday = addIsoDays(romeIsoDay(now), -1);
  const done = dal <= yesterday ? await summarisedDays(prisma, dal, al < yesterday ? al : yesterday) : new Set<string>();
  let liveFrom = dal;
  while (liveFrom <= al && done.has(liveFrom)) liveFrom = addIsoDays(liveFrom, 1);
  const subjects = subjectIds ? Prisma.sql`AND "subjectId" = ANY(${subjectIds}::uuid[])` : Prisma.empty;
  const parts = [
    ...(liveFrom > dal
      ? [
          Prisma.sql`SELECT ${responseDayColumns} FROM "ResponseFiguresDay"
            WHERE day BETWEEN ${dal}::date AND ${addIsoDays(liveFrom, -1)}::date ${subjects}`,
        ]
      : []),
    ...(liveFrom <= al ? [Prisma.sql`(${responseDaysSql(officeIds, subjectIds, romeDayStart(liveFrom), romeDayEnd(al))})`] : []),
  ];
  return Prisma.join(parts, " UNION ALL ");
}

/**
 * The summed histograms' percentiles, per step, of the whole and of each
 * office and subject: of each the count and the buckets of the two ranks
 * around q × (count − 1) that `percentile_cont` would interpolate between.
 */
function ranksSql(days: Prisma.Sql): Prisma.Sql {
  const rank = (q: number, name: string) =>
    Prisma.raw(
      `min(bucket) FILTER (WHERE floor(${q} * (count - 1)) >= before AND floor(${q} * (count - 1)) < before + n) AS "${name}Lower", ` +
        `min(bucket) FILTER (WHERE ceil(${q} * (count - 1)) >= before AND ceil(${q} * (count - 1)) < before + n) AS "${name}Upper"`,
    );
  const histograms = Prisma.raw(
    timedSteps
      .map(([step]) => `SELECT '${step}' AS step, h.bucket, h.n FROM unnest(days."${step}Buckets", days."${step}Counts") AS h(bucket, n)`)
      .join(" UNION ALL "),
  );
  return Prisma.sql`
    WITH days AS (${days}),
    summed AS (
      SELECT GROUPING("officeId", "subjectId")::int AS level, "officeId", "subjectId", h.step, h.bucket, sum(h.n)::int AS n
      FROM days CROSS JOIN LATERAL (${histograms}) h
      GROUP BY GROUPING SETS ((h.step, h.bucket), ("officeId", "subjectId", h.step, h.bucket))
    ),
    cumulated AS (
      SELECT summed.*,
             sum(n) OVER (PARTITION BY level, "officeId", "subjectId", step ORDER BY bucket) - n AS before,
             sum(n) OVER (PARTITION BY level, "officeId", "subjectId", step) AS count
      FROM summed
    )
    SELECT level, "officeId", "subjectId", step, max(count)::int AS count, ${rank(0.5, "median")}, ${rank(0.9, "p90")}
    FROM cumulated
    GROUP BY level, "officeId", "subjectId", step`;
}

/**
 * The figures of every office (an ADMIN's "all offices") from the daily
 * summary (decision 0036, amended), in the rows of the exact statement: the
 * counts summed over the period's days, the weeks from the days' counts, the
 * medians and 90th percentiles from the summed histograms (approximate: to
 * the hour within two days, to the day beyond), and the backlog and overdue
 * of now, live.
 */
export async function summarisedFactRows(
  officeIds: string[],
  subjectIds: string[] | null,
  period: { dal: string; al: string },
  now: Date,
): Promise<FactRow[]> {
  const days = await periodDays(officeIds, subjectIds, period.dal, period.al, now);
  const subjects = subjectIds ? Prisma.sql`AND q."subjectId" = ANY(${subjectIds}::uuid[])` : Prisma.empty;
  const [counts, ranks, backlogs] = await Promise.all([
    prisma.$queryRaw<CountRow[]>`
      WITH days AS (${days})
      SELECT GROUPING("officeId", "subjectId", week)::int AS level, "officeId", "subjectId", to_char(week, 'YYYY-MM-DD') AS week,
             sum(received)::int AS received, sum(taken)::int AS taken, sum(replied)::int AS replied, sum(closed)::int AS closed,
             sum("closedWithDueDate")::int AS "closedWithDueDate", sum("closedOnTime")::int AS "closedOnTime"
      FROM (SELECT days.*, date_trunc('week', day) AS week FROM days) weekly
      GROUP BY GROUPING SETS ((), ("officeId", "subjectId"), (week))`,
    prisma.$queryRaw<RankRow[]>(ranksSql(days)),
    prisma.$queryRaw<BacklogRow[]>`
      SELECT GROUPING(q."officeId", q."subjectId")::int AS level, q."officeId", q."subjectId",
             count(*)::int AS backlog, count(*) FILTER (WHERE q."dueAt" < ${now})::int AS overdue
      FROM "Quesito" q
      WHERE q."officeId" = ANY(${officeIds}::uuid[]) AND q.direction = 'DAL_CONTRIBUENTE' AND q.state IN ${OPEN_STATES} ${subjects}
      GROUP BY GROUPING SETS ((), (q."officeId", q."subjectId"))`,
  ]);

  const key = (row: { officeId: string | null; subjectId: string | null }) => `${row.officeId ?? ""}|${row.subjectId ?? ""}`;
  const ranksOf = new Map(ranks.map((row) => [`${key(row)}|${row.step}`, row]));
  const backlogOf = new Map(backlogs.map((row) => [key(row), row]));
  /** Median and 90th percentile of a step, for the whole (`at` "|") or an office and subject. */
  const times = (at: string, step: TimedStep): [number | null, number | null] => {
    const rank = ranksOf.get(`${at}|${step}`);
    if (!rank) return [null, null];
    return [
      bucketPercentile(0.5, rank.count, rank.medianLower, rank.medianUpper),
      bucketPercentile(0.9, rank.count, rank.p90Lower, rank.p90Upper),
    ];
  };
  const factRow = (grouping: number, row: Partial<CountRow>, at: string | null): FactRow => {
    const [takenMedian, takenP90] = at === null ? [null, null] : times(at, "taken");
    const [repliedMedian, repliedP90] = at === null ? [null, null] : times(at, "replied");
    const [closedMedian, closedP90] = at === null ? [null, null] : times(at, "closed");
    const backlog = at === null ? undefined : backlogOf.get(at);
    return {
      grouping,
      officeId: row.officeId ?? null,
      subjectId: row.subjectId ?? null,
      week: row.week ?? null,
      received: row.received ?? 0,
      taken: row.taken ?? 0,
      takenMedian,
      takenP90,
      replied: row.replied ?? 0,
      repliedMedian,
      repliedP90,
      closed: row.closed ?? 0,
      closedMedian,
      closedP90,
      closedWithDueDate: row.closedWithDueDate ?? 0,
      closedOnTime: row.closedOnTime ?? 0,
      backlog: backlog?.backlog ?? 0,
      overdue: backlog?.overdue ?? 0,
    };
  };
  const perSubject = counts.filter((row) => row.level === COUNTS_PER_SUBJECT);
  const counted = new Set(perSubject.map(key));
  const weeks = counts.filter((row) => row.level === COUNTS_PER_WEEK);
  return [
    factRow(TOTAL_ROW, counts.find((row) => row.level === COUNTS_WHOLE) ?? {}, "|"),
    ...perSubject.map((row) => factRow(DETAIL_ROW, row, key(row))),
    // Offices and subjects with open quesiti but nothing in the period.
    ...backlogs.filter((row) => row.level === PER_SUBJECT && !counted.has(key(row))).map((row) => factRow(DETAIL_ROW, row, key(row))),
    ...weeks.map((row) => factRow(RECEIVED_WEEK_ROW, { week: row.week, received: row.received }, null)),
    ...weeks.map((row) => factRow(CLOSED_WEEK_ROW, { week: row.week, closed: row.closed }, null)),
  ];
}
