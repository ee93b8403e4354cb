import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Gestione } from "@/generated/prisma/enums";
import { addIsoDays, monthEnd, monthStart, romeDayEnd, romeDayStart, romeIsoDay } from "@/lib/rome-dates";
import { prisma } from "@/server/db/client";
import { CLOSED_WEEK_ROW, DETAIL_ROW, OPEN_STATES, RECEIVED_WEEK_ROW, TOTAL_ROW, type FactRow } from "./figure-rows";
import {
  bucketPercentile,
  histogramEntriesSql,
  mergedRowsSql,
  responseDaysSql,
  summarisedDays,
  summaryMeasures,
  type TimedStep,
} from "./response-days";

/**
 * What the summary is read for: the offices, and either per office and
 * gestione (an ADMIN's all offices, optionally one gestione: the small
 * tables, whole months from ResponseFiguresGestioneMonth) or per office and
 * subject (one office, or some subjects: ResponseFiguresDay).
 */
export type SummaryScope = { officeIds: string[] } & (
  { grain: "gestione"; gestione: Gestione | null } | { grain: "subject"; subjectIds: string[] | null }
);

/** GROUPING() of (office, key) of one office and key; of (office, key, week) the whole, one office and key, a week. */
const PER_KEY = 0b00;
const COUNTS_WHOLE = 0b111;
const COUNTS_PER_KEY = 0b001;
const COUNTS_PER_WEEK = 0b110;

type CountRow = {
  level: number;
  officeId: string | null;
  key: string | null;
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
  key: string | null;
  step: TimedStep;
  count: number;
  medianLower: number | null;
  medianUpper: number | null;
  p90Lower: number | null;
  p90Upper: number | null;
};
type BacklogRow = { level: number; officeId: string | null; key: string | null; backlog: number; overdue: number };

/** The summary's rows of the scope: the table of its grain, keyed by `key` (subject id or gestione as text). */
function keptRows(scope: SummaryScope, table: "day" | "month", from: string, to: string): Prisma.Sql {
  const measures = summaryMeasures("t");
  const offices = Prisma.sql`t."officeId" = ANY(${scope.officeIds}::uuid[])`;
  if (scope.grain === "subject") {
    const subjects = scope.subjectIds ? Prisma.sql`AND t."subjectId" = ANY(${scope.subjectIds}::uuid[])` : Prisma.empty;
    return Prisma.sql`SELECT t.day AS period, t."officeId", t."subjectId"::text AS key, ${measures}
      FROM "ResponseFiguresDay" t WHERE ${offices} AND t.day BETWEEN ${from}::date AND ${to}::date ${subjects}`;
  }
  const gestione = scope.gestione ? Prisma.sql`AND t.gestione = ${scope.gestione}::"Gestione"` : Prisma.empty;
  return table === "day"
    ? Prisma.sql`SELECT t.day AS period, t."officeId", t.gestione::text AS key, ${measures}
        FROM "ResponseFiguresGestioneDay" t WHERE ${offices} AND t.day BETWEEN ${from}::date AND ${to}::date ${gestione}`
    : Prisma.sql`SELECT t.month AS period, t."officeId", t.gestione::text AS key, ${measures}
        FROM "ResponseFiguresGestioneMonth" t WHERE ${offices} AND t.month BETWEEN ${from}::date AND ${to}::date ${gestione}`;
}

/** The days from `from` to `to` computed live from Quesito by the worker's own SQL, at the scope's grain. */
function liveRows(scope: SummaryScope, from: string, to: string): Prisma.Sql {
  const subjectIds = scope.grain === "subject" ? scope.subjectIds : null;
  const days = responseDaysSql(scope.officeIds, subjectIds, romeDayStart(from), romeDayEnd(to));
  const measures = summaryMeasures("l");
  if (scope.grain === "subject")
    return Prisma.sql`SELECT l.day AS period, l."officeId", l."subjectId"::text AS key, ${measures} FROM (${days}) l`;
  const gestione = scope.gestione ? Prisma.sql`WHERE s.gestione = ${scope.gestione}::"Gestione"` : Prisma.empty;
  return Prisma.sql`SELECT m.period, m."officeId", m.key::text, ${summaryMeasures("m")} FROM (${mergedRowsSql(Prisma.sql`
    SELECT l.day AS period, l."officeId", s.gestione AS key, ${measures}
    FROM (${days}) l JOIN "Subject" s ON s.id = l."subjectId" ${gestione}`)}) m`;
}

/**
 * The period's rows, as two sources: `days`, a row per day (for the counts
 * and the weeks), and `histograms`, the same figures with each whole month
 * of summarised days as one row where the grain has months (for the
 * times). Summarised days come from the tables; today, and any day from the
 * first one not summarised yet, are computed live by the same SQL.
 */
async function periodRows(scope: SummaryScope, dal: string, al: string, now: Date) {
  const yesterday = addIsoDays(romeIsoDay(now), -1);
  const done = dal <= yesterday ? await summarisedDays(prisma, dal, al < yesterday ? al : yesterday) : new Set<string>();
  let liveFrom = dal;
  while (liveFrom <= al && done.has(liveFrom)) liveFrom = addIsoDays(liveFrom, 1);
  const kept = liveFrom > dal ? { from: dal, to: addIsoDays(liveFrom, -1) } : null;
  const live = liveFrom <= al ? [liveRows(scope, liveFrom, al)] : [];
  if (!kept) return { days: Prisma.join(live, " UNION ALL "), histograms: Prisma.join(live, " UNION ALL ") };

  // The whole calendar months among the kept days: a month is in its table once all its days are summarised.
  const firstMonth = kept.from === monthStart(kept.from) ? kept.from : addIsoDays(monthEnd(kept.from), 1);
  const lastMonth = kept.to === monthEnd(kept.to) ? monthStart(kept.to) : monthStart(addIsoDays(monthStart(kept.to), -1));
  const months = scope.grain === "gestione" && firstMonth <= lastMonth ? { first: firstMonth, last: monthEnd(lastMonth) } : null;
  const keptDays = keptRows(scope, "day", kept.from, kept.to);
  const histograms = months
    ? [
        ...(kept.from < months.first ? [keptRows(scope, "day", kept.from, addIsoDays(months.first, -1))] : []),
        keptRows(scope, "month", months.first, monthStart(months.last)),
        ...(months.last < kept.to ? [keptRows(scope, "day", addIsoDays(months.last, 1), kept.to)] : []),
      ]
    : [keptDays];
  return {
    days: Prisma.join(
      [keptDays, ...live].map((part) => Prisma.sql`(${part})`),
      " UNION ALL ",
    ),
    histograms: Prisma.join(
      [...histograms, ...live].map((part) => Prisma.sql`(${part})`),
      " UNION ALL ",
    ),
  };
}

/**
 * The summed histograms' percentiles, per step, of the whole and of each
 * office and key: of each the count and the buckets of the two ranks
 * around q × (count − 1) that `percentile_cont` would interpolate between.
 */
function ranksSql(rows: Prisma.Sql): Prisma.Sql {
  const rank = (q: number, name: string) =>
    Prisma.raw(
      `min(bucket) FILTER (WHERE floor(${q} * (count - 1)) >= before AND floor(${q} * (count - 1)) < before + n) AS "${name}Lower", ` +
        `min(bucket) FILTER (WHERE ceil(${q} * (count - 1)) >= before AND ceil(${q} * (count - 1)) < before + n) AS "${name}Upper"`,
    );
  return Prisma.sql`
    WITH rows AS (${rows}),
    summed AS (
      SELECT GROUPING("officeId", key)::int AS level, "officeId", key, e.step, e.bucket, sum(e.n)::int AS n
      FROM rows CROSS JOIN LATERAL (${histogramEntriesSql("rows")}) e
      GROUP BY GROUPING SETS ((e.step, e.bucket), ("officeId", key, e.step, e.bucket))
    ),
    cumulated AS (
      SELECT summed.*,
             sum(n) OVER (PARTITION BY level, "officeId", key, step ORDER BY bucket) - n AS before,
             sum(n) OVER (PARTITION BY level, "officeId", key, step) AS count
      FROM summed
    )
    SELECT level, "officeId", key, step, max(count)::int AS count, ${rank(0.5, "median")}, ${rank(0.9, "p90")}
    FROM cumulated
    GROUP BY level, "officeId", key, step`;
}

/** The quesiti not closed now, and of those past their due date, per office and key. */
function backlogSql(scope: SummaryScope, now: Date): Prisma.Sql {
  const filter =
    scope.grain === "subject"
      ? scope.subjectIds
        ? Prisma.sql`AND q."subjectId" = ANY(${scope.subjectIds}::uuid[])`
        : Prisma.empty
      : scope.gestione
        ? Prisma.sql`AND s.gestione = ${scope.gestione}::"Gestione"`
        : Prisma.empty;
  const key = scope.grain === "subject" ? Prisma.sql`q."subjectId"::text` : Prisma.sql`s.gestione::text`;
  return Prisma.sql`
    SELECT GROUPING(q."officeId", ${key})::int AS level, q."officeId", ${key} AS key,
           count(*)::int AS backlog, count(*) FILTER (WHERE q."dueAt" < ${now})::int AS overdue
    FROM "Quesito" q JOIN "Subject" s ON s.id = q."subjectId"
    WHERE q."officeId" = ANY(${scope.officeIds}::uuid[]) AND q.direction = 'DAL_CONTRIBUENTE' AND q.state IN ${OPEN_STATES} ${filter}
    GROUP BY GROUPING SETS ((), (q."officeId", ${key}))`;
}

/**
 * The figures from the summary (decision 0036, amended twice), in the rows
 * of the exact statement, `subjectId` or `gestione` by the grain: the counts
 * summed over the period's days, the weeks from the days' counts, the
 * medians and 90th percentiles from the summed histograms (approximate: to
 * the hour within two days, to the day beyond), and the backlog and overdue
 * of now, live.
 */
export async function summarisedFactRows(scope: SummaryScope, period: { dal: string; al: string }, now: Date): Promise<FactRow[]> {
  const rows = await periodRows(scope, period.dal, period.al, now);
  const [counts, ranks, backlogs] = await Promise.all([
    prisma.$queryRaw<CountRow[]>`
      WITH days AS (${rows.days})
      SELECT GROUPING("officeId", key, week)::int AS level, "officeId", key, to_char(week, 'YYYY-MM-DD') AS week,
             sum(received)::int AS received, sum(taken)::int AS taken, sum(replied)::int AS replied, sum(closed)::int AS closed,
             sum("closedWithDueDate")::int AS "closedWithDueDate", sum("closedOnTime")::int AS "closedOnTime"
      FROM (SELECT days.*, date_trunc('week', period) AS week FROM days) weekly
      GROUP BY GROUPING SETS ((), ("officeId", key), (week))`,
    prisma.$queryRaw<RankRow[]>(ranksSql(rows.histograms)),
    prisma.$queryRaw<BacklogRow[]>(backlogSql(scope, now)),
  ]);

  const id = (row: { officeId: string | null; key: string | null }) => `${row.officeId ?? ""}|${row.key ?? ""}`;
  const ranksOf = new Map(ranks.map((row) => [`${id(row)}|${row.step}`, row]));
  const backlogOf = new Map(backlogs.map((row) => [id(row), row]));
  /** Median and 90th percentile of a step, for the whole (`at` "|") or an office and key. */
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
    const key = row.key ?? null;
    return {
      grouping,
      officeId: row.officeId ?? null,
      subjectId: scope.grain === "subject" ? key : null,
      gestione: scope.grain === "gestione" ? (key as Gestione | null) : null,
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
  const perKey = counts.filter((row) => row.level === COUNTS_PER_KEY);
  const counted = new Set(perKey.map(id));
  const weeks = counts.filter((row) => row.level === COUNTS_PER_WEEK);
  return [
    factRow(TOTAL_ROW, counts.find((row) => row.level === COUNTS_WHOLE) ?? {}, "|"),
    ...perKey.map((row) => factRow(DETAIL_ROW, row, id(row))),
    // Offices and keys with open quesiti but nothing in the period.
    ...backlogs.filter((row) => row.level === PER_KEY && !counted.has(id(row))).map((row) => factRow(DETAIL_ROW, row, id(row))),
    ...weeks.map((row) => factRow(RECEIVED_WEEK_ROW, { week: row.week, received: row.received }, null)),
    ...weeks.map((row) => factRow(CLOSED_WEEK_ROW, { week: row.week, closed: row.closed }, null)),
  ];
}
