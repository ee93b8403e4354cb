import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Gestione } from "@/generated/prisma/enums";
import { addIsoDays, monthEnd, monthStart, romeDayEnd, romeDayStart, romeIsoDay } from "@/lib/rome-dates";
import { prisma } from "@/server/db/client";
import { CLOSED_WEEK_ROW, DETAIL_ROW, OPEN_STATES, RECEIVED_WEEK_ROW, TOTAL_ROW, type FactRow } from "./figure-rows";
import {
  histogramEntriesSql,
  histogramPercentiles,
  isWholeDay,
  mergedRowsSql,
  responseDaysSql,
  summarisedDays,
  summaryMeasures,
  type TimedStep,
} from "./response-days";

/**
 * What the summary is read for: the offices, and either per office and
 * gestione (an ADMIN's all offices, optionally one gestione) or per office
 * and subject (one office, or some subjects).
 */
export type SummaryScope = { officeIds: string[] } & (
  { grain: "gestione"; gestione: Gestione | null } | { grain: "subject"; subjectIds: string[] | null }
);

/** GROUPING() of (office, key): the whole, or one office and key. */
const WHOLE = 0b11;
const PER_KEY = 0b00;

type CountRow = {
  level: number;
  officeId: string | null;
  key: string | null;
  received: number;
  taken: number;
  replied: number;
  closed: number;
  closedWithDueDate: number;
  closedOnTime: number;
};
type HistogramRow = { officeId: string; key: string; step: TimedStep; buckets: number[]; counts: number[] };
type WeekRow = { week: string; received: number; closed: number };
type BacklogRow = { level: number; officeId: string | null; key: string | null; backlog: number; overdue: number };

/** The scope's offices and its subjects or gestione, as a condition on the columns named (SQL written here, never input). */
function scopeFilter(scope: SummaryScope, columns: { officeId: string; subjectId: string; gestione: string }): Prisma.Sql {
  const offices = Prisma.sql`${Prisma.raw(columns.officeId)} = ANY(${scope.officeIds}::uuid[])`;
  if (scope.grain === "subject") {
    return scope.subjectIds ? Prisma.sql`${offices} AND ${Prisma.raw(columns.subjectId)} = ANY(${scope.subjectIds}::uuid[])` : offices;
  }
  return scope.gestione ? Prisma.sql`${offices} AND ${Prisma.raw(columns.gestione)} = ${scope.gestione}::"Gestione"` : offices;
}

/** The scope's filter on a summary table `t` of its grain. */
const keptFilter = (scope: SummaryScope) =>
  scopeFilter(scope, { officeId: 't."officeId"', subjectId: 't."subjectId"', gestione: "t.gestione" });

/** The summary's rows of the scope's grain, of whole months or of days: period, officeId, key (as text) and the measures. */
function keptRows(scope: SummaryScope, span: "day" | "month", from: string, to: string): Prisma.Sql {
  const table = Prisma.raw(`"ResponseFigures${scope.grain === "gestione" ? "Gestione" : ""}${span === "day" ? "Day" : "Month"}"`);
  const key = Prisma.raw(scope.grain === "gestione" ? "t.gestione::text" : 't."subjectId"::text');
  const period = Prisma.raw(`t.${span}`);
  return Prisma.sql`SELECT ${period} AS period, t."officeId", ${key} AS key, ${summaryMeasures("t")}
    FROM ${table} t WHERE ${keptFilter(scope)} AND ${period} BETWEEN ${from}::date AND ${to}::date`;
}

/** The days' received and closed counts only, for the weekly trend: read from the tables' covering index. */
function keptDayCounts(scope: SummaryScope, from: string, to: string): Prisma.Sql {
  const table = Prisma.raw(scope.grain === "gestione" ? '"ResponseFiguresGestioneDay"' : '"ResponseFiguresDay"');
  return Prisma.sql`SELECT t.day AS period, t.received, t.closed FROM ${table} t
    WHERE ${keptFilter(scope)} AND t.day BETWEEN ${from}::date AND ${to}::date`;
}

/** The steps from `from` to `to` (instants) computed live from Quesito by the worker's own SQL, at the scope's grain. */
function liveRows(scope: SummaryScope, from: Date, to: Date): Prisma.Sql {
  const subjectIds = scope.grain === "subject" ? scope.subjectIds : null;
  const days = responseDaysSql(scope.officeIds, subjectIds, from, to);
  const measures = summaryMeasures("l");
  if (scope.grain === "subject")
    return Prisma.sql`SELECT l.day AS period, l."officeId", l."subjectId"::text AS key, ${measures} FROM (${days}) l`;
  const gestione = scope.gestione ? Prisma.sql`WHERE s.gestione = ${scope.gestione}::"Gestione"` : Prisma.empty;
  return Prisma.sql`SELECT m.period, m."officeId", m.key::text, ${summaryMeasures("m")} FROM (${mergedRowsSql(Prisma.sql`
    SELECT l.day AS period, l."officeId", s.gestione AS key, ${measures}
    FROM (${days}) l JOIN "Subject" s ON s.id = l."subjectId" ${gestione}`)}) m`;
}

/**
 * The period's rows as the statement's CTEs: `kept`, the summarised days,
 * each whole month of them as its month's row, and the steps since the
 * summary, computed once (`live`) by the worker's own SQL — of today, which
 * the worker summarises so far every hour, or from the first day not
 * summarised; `days`, every day's received and closed counts, for the weeks.
 */
async function periodCtes(scope: SummaryScope, dal: string, al: string, now: Date): Promise<Prisma.Sql> {
  const today = romeIsoDay(now);
  const done = dal <= today ? await summarisedDays(prisma, dal, al < today ? al : today) : new Map<string, Date>();
  let firstNotWhole = dal;
  while (firstNotWhole <= al && isWholeDay(firstNotWhole, done.get(firstNotWhole))) firstNotWhole = addIsoDays(firstNotWhole, 1);
  // A day summarised in part (today, or a day ended since the worker's last run): its rows, and live from where they stop.
  const partUpTo = firstNotWhole <= al ? done.get(firstNotWhole) : undefined;
  const liveFrom = partUpTo ?? (firstNotWhole <= al ? romeDayStart(firstNotWhole) : null);

  const parts: { rows: Prisma.Sql[]; days: Prisma.Sql[] } = { rows: [], days: [] };
  if (firstNotWhole > dal) {
    const whole = { from: dal, to: addIsoDays(firstNotWhole, -1) };
    // Its calendar months that lie whole inside: the worker writes a month's row once all its days are summarised whole.
    const first = whole.from === monthStart(whole.from) ? whole.from : addIsoDays(monthEnd(whole.from), 1);
    const last = whole.to === monthEnd(whole.to) ? whole.to : addIsoDays(monthStart(whole.to), -1);
    if (first <= last) {
      if (whole.from < first) parts.rows.push(keptRows(scope, "day", whole.from, addIsoDays(first, -1)));
      parts.rows.push(keptRows(scope, "month", first, monthStart(last)));
      if (last < whole.to) parts.rows.push(keptRows(scope, "day", addIsoDays(last, 1), whole.to));
    } else {
      parts.rows.push(keptRows(scope, "day", whole.from, whole.to));
    }
  }
  const keptDaysTo = partUpTo ? firstNotWhole : addIsoDays(firstNotWhole, -1);
  if (partUpTo) parts.rows.push(keptRows(scope, "day", firstNotWhole, firstNotWhole));
  if (keptDaysTo >= dal) parts.days.push(keptDayCounts(scope, dal, keptDaysTo));
  const live = liveFrom ? Prisma.sql`live AS MATERIALIZED (${liveRows(scope, liveFrom, romeDayEnd(al))}),` : Prisma.empty;
  if (liveFrom) {
    parts.rows.push(Prisma.sql`SELECT * FROM live`);
    parts.days.push(Prisma.sql`SELECT period, received, closed FROM live`);
  }
  const union = (selects: Prisma.Sql[]) =>
    Prisma.join(
      selects.map((select) => Prisma.sql`(${select})`),
      " UNION ALL ",
    );
  return Prisma.sql`${live} kept AS (${union(parts.rows)}), days AS (${union(parts.days)})`;
}

/**
 * One statement for the period's figures from the summary: the counts of the
 * whole and of each office and key, the weekly trend, and each office and
 * key's histogram per step, summed over the period's rows (buckets and their
 * counts, unordered) — three JSON arrays in one row. The percentiles are read
 * from the histograms here (histogramPercentiles): a few hundred arrays,
 * where ranking in SQL sorted every bucket.
 */
function figuresSql(ctes: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH ${ctes},
    counted AS (
      SELECT GROUPING("officeId", key)::int AS level, "officeId", key,
             sum(received)::int AS received, sum(taken)::int AS taken, sum(replied)::int AS replied, sum(closed)::int AS closed,
             sum("closedWithDueDate")::int AS "closedWithDueDate", sum("closedOnTime")::int AS "closedOnTime"
      FROM kept GROUP BY GROUPING SETS ((), ("officeId", key))
    ),
    weekly AS (
      SELECT to_char(date_trunc('week', period), 'YYYY-MM-DD') AS week, sum(received)::int AS received, sum(closed)::int AS closed
      FROM days GROUP BY 1
    ),
    summed AS (
      SELECT "officeId", key, e.step, e.bucket, sum(e.n)::int AS n
      FROM kept CROSS JOIN LATERAL (${histogramEntriesSql("kept")}) e
      GROUP BY "officeId", key, e.step, e.bucket
    ),
    histograms AS (
      SELECT "officeId", key, step, array_agg(bucket) AS buckets, array_agg(n) AS counts FROM summed GROUP BY "officeId", key, step
    )
    SELECT (SELECT coalesce(json_agg(counted), '[]') FROM counted) AS counts,
           (SELECT coalesce(json_agg(weekly), '[]') FROM weekly) AS weeks,
           (SELECT coalesce(json_agg(histograms), '[]') FROM histograms) AS histograms`;
}

/** The quesiti not closed now, and of those past their due date, per office and key. */
function backlogSql(scope: SummaryScope, now: Date): Prisma.Sql {
  const filter = scopeFilter(scope, { officeId: 'q."officeId"', subjectId: 'q."subjectId"', gestione: "s.gestione" });
  const key = scope.grain === "subject" ? Prisma.sql`q."subjectId"::text` : Prisma.sql`s.gestione::text`;
  const subjects = scope.grain === "gestione" ? Prisma.sql`JOIN "Subject" s ON s.id = q."subjectId"` : Prisma.empty;
  // From the (state, direction, officeId, subjectId, dueAt) index alone.
  return Prisma.sql`
    SELECT GROUPING(q."officeId", ${key})::int AS level, q."officeId", ${key} AS key,
           count(*)::int AS backlog, count(*) FILTER (WHERE q."dueAt" < ${now})::int AS overdue
    FROM "Quesito" q ${subjects}
    WHERE ${filter} AND q.direction = 'DAL_CONTRIBUENTE' AND q.state IN ${OPEN_STATES}
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
  const ctes = await periodCtes(scope, period.dal, period.al, now);
  const [[figures], backlogs] = await Promise.all([
    prisma.$queryRaw<{ counts: CountRow[]; weeks: WeekRow[]; histograms: HistogramRow[] }[]>(figuresSql(ctes)),
    prisma.$queryRaw<BacklogRow[]>(backlogSql(scope, now)),
  ]);
  const { counts, weeks, histograms } = figures ?? { counts: [], weeks: [], histograms: [] };

  const id = (row: { officeId: string | null; key: string | null }) => `${row.officeId ?? ""}|${row.key ?? ""}`;
  // Each office and key's times, and the whole's from all their histograms summed.
  const timesOf = new Map<string, { median: number | null; p90: number | null }>();
  const whole = new Map<TimedStep, Map<number, number>>();
  for (const row of histograms) {
    timesOf.set(`${id(row)}|${row.step}`, histogramPercentiles(row.buckets, row.counts));
    const summed = whole.get(row.step) ?? new Map<number, number>();
    row.buckets.forEach((bucket, index) => summed.set(bucket, (summed.get(bucket) ?? 0) + (row.counts[index] ?? 0)));
    whole.set(row.step, summed);
  }
  const wholeId = id({ officeId: null, key: null });
  for (const [step, summed] of whole) timesOf.set(`${wholeId}|${step}`, histogramPercentiles([...summed.keys()], [...summed.values()]));
  const backlogOf = new Map(backlogs.map((row) => [id(row), row]));
  /** Median and 90th percentile of a step, for the whole (`at` wholeId) or an office and key. */
  const times = (at: string, step: TimedStep): [number | null, number | null] => {
    const found = timesOf.get(`${at}|${step}`);
    return found ? [found.median, found.p90] : [null, null];
  };
  const factRow = (grouping: number, row: Partial<CountRow> & { week?: string }, at: string | null): FactRow => {
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
  const perKey = counts.filter((row) => row.level === PER_KEY);
  const counted = new Set(perKey.map(id));
  return [
    factRow(TOTAL_ROW, counts.find((row) => row.level === WHOLE) ?? {}, wholeId),
    ...perKey.map((row) => factRow(DETAIL_ROW, row, id(row))),
    // Offices and keys with open quesiti but nothing in the period.
    ...backlogs.filter((row) => row.level === PER_KEY && !counted.has(id(row))).map((row) => factRow(DETAIL_ROW, row, id(row))),
    ...weeks.map((row) => factRow(RECEIVED_WEEK_ROW, { week: row.week, received: row.received }, null)),
    ...weeks.map((row) => factRow(CLOSED_WEEK_ROW, { week: row.week, closed: row.closed }, null)),
  ];
}
