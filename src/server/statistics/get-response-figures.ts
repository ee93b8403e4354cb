import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Gestione } from "@/generated/prisma/enums";
import { addIsoDays, isoDaysInclusive, isoWeekday, romeDayEnd, romeDayStart, romeIsoDay } from "@/lib/rome-dates";
import { notFoundFor } from "@/server/access/report-foreign-record";
import { prisma } from "@/server/db/client";
import { NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import type { OperatorActor } from "@/server/identity/actor";
import { CLOSED_WEEK_ROW, DETAIL_ROW, OPEN_STATES, RECEIVED_WEEK_ROW, TOTAL_ROW, type FactRow } from "./figure-rows";
import { figuresFiltersSchema, type FiguresFilters } from "./schemas";
import { summarisedFactRows, type SummaryScope } from "./summarised-figures";

/**
 * The longest period one office's figures are computed exactly for, from
 * Quesito (about 70 ms for the default 90 days of an office with 138,000
 * quesiti); longer periods, and all offices, come from the daily summary
 * (decision 0036, amended twice).
 */
export const EXACT_PERIOD_DAYS = 92;

/** How many steps reached in the period, and how long they took from reception (seconds). */
export type StepTimes = { count: number; median: number | null; p90: number | null };

export type Figures = {
  received: number;
  taken: StepTimes;
  firstReply: StepTimes;
  closed: StepTimes;
  /** Closed in the period with a due date, and of those within it. */
  closedWithDueDate: number;
  closedOnTime: number;
  /** Now, whatever the period: not closed, and of those past their due date. */
  backlog: number;
  overdue: number;
};

export type FiguresRow = Figures & { officeName: string; gestioneLabel: string; areaLabel: string | null; subjectLabel: string };

export type WeekFigures = { monday: string; isoYear: number; isoWeek: number; received: number; closed: number };

type Option = { value: string; label: string };

export type ResponseFigures = {
  filters: FiguresFilters;
  /** The office shown, or null for all offices (ADMIN). */
  officeName: string | null;
  /** Times from summed histograms (all offices, or a period over EXACT_PERIOD_DAYS): to the hour within two days, to the day beyond. */
  approximateTimes: boolean;
  /** The rows' breakdown: per office and subject, or per office and gestione (all offices, no subject chosen). */
  breakdown: "oggetto" | "gestione";
  total: Figures;
  rows: FiguresRow[];
  weeks: WeekFigures[];
  /** For the filter form: the offices an ADMIN may choose (empty for a RESPONSABILE), gestioni and subjects. */
  offices: Option[];
  gestioni: Option[];
  subjectGroups: { label: string; options: Option[] }[];
};

const INVALID = "Alcuni filtri non sono validi: correggerli.";
/** A row per office and gestione stands for all of the gestione's subjects. */
const ALL_SUBJECTS = "Tutti gli oggetti";
/**
 * One statement for every figure. The quesiti of the offices that reached a
 * step in the period — received, taken, first replied, closed then — or are
 * open now are read once, through the index of each step (office and
 * instant) and of the open states, with the subject and direction they
 * copy from their request (decisions 0030, 0041: no request is read; the
 * subjects chosen, when `subjectIds` is given); each step's figures are
 * aggregates over the quesiti that reached it, grouped four ways at once: the
 * whole, per office and subject, per ISO week of Rome of reception and of
 * closing (decision 0036).
 */
function figuresQuery(officeIds: string[], subjectIds: string[] | null, from: Date, to: Date, now: Date): Prisma.Sql {
  const subjects = subjectIds ? Prisma.sql`AND q."subjectId" = ANY(${subjectIds}::uuid[])` : Prisma.empty;
  // Column names written by this function only, never input: safe as raw SQL.
  const inPeriod = (column: string) => Prisma.sql`(q.${Prisma.raw(`"${column}"`)} >= ${from} AND q.${Prisma.raw(`"${column}"`)} < ${to})`;
  const week = (column: string) => Prisma.raw(`date_trunc('week', ("${column}" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Rome')`);
  const times = (name: string, column: string, flag: string) => {
    const seconds = `extract(epoch FROM "${column}" - "receivedAt")::float8`;
    return Prisma.raw(
      `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds}) FILTER (WHERE "${flag}") AS "${name}Median", ` +
        `percentile_cont(0.9) WITHIN GROUP (ORDER BY ${seconds}) FILTER (WHERE "${flag}") AS "${name}P90"`,
    );
  };
  return Prisma.sql`
    WITH scoped AS (
      SELECT q."officeId", q."subjectId", q."receivedAt", q."takenAt", q."firstReplyAt", q."closedAt", q."dueAt",
             ${inPeriod("receivedAt")} AS "isReceived", ${inPeriod("takenAt")} AS "isTaken",
             ${inPeriod("firstReplyAt")} AS "isReplied", ${inPeriod("closedAt")} AS "isClosed",
             q.state IN ${OPEN_STATES} AS "isOpen"
      FROM "Quesito" q
      WHERE q."officeId" = ANY(${officeIds}::uuid[]) AND q.direction = 'DAL_CONTRIBUENTE' ${subjects}
        AND (${inPeriod("receivedAt")} OR ${inPeriod("takenAt")} OR ${inPeriod("firstReplyAt")} OR ${inPeriod("closedAt")}
             OR q.state IN ${OPEN_STATES})
    ), weeks AS (
      SELECT scoped.*,
             CASE WHEN "isReceived" THEN ${week("receivedAt")} END AS "receivedWeek",
             CASE WHEN "isClosed" THEN ${week("closedAt")} END AS "closedWeek"
      FROM scoped
    )
    SELECT GROUPING("officeId", "subjectId", "receivedWeek", "closedWeek")::int AS grouping, "officeId", "subjectId", NULL AS gestione,
           to_char(coalesce("receivedWeek", "closedWeek"), 'YYYY-MM-DD') AS week,
           count(*) FILTER (WHERE "isReceived")::int AS received,
           count(*) FILTER (WHERE "isTaken")::int AS taken, ${times("taken", "takenAt", "isTaken")},
           count(*) FILTER (WHERE "isReplied")::int AS replied, ${times("replied", "firstReplyAt", "isReplied")},
           count(*) FILTER (WHERE "isClosed")::int AS closed, ${times("closed", "closedAt", "isClosed")},
           count(*) FILTER (WHERE "isClosed" AND "dueAt" IS NOT NULL)::int AS "closedWithDueDate",
           count(*) FILTER (WHERE "isClosed" AND "closedAt" <= "dueAt")::int AS "closedOnTime",
           count(*) FILTER (WHERE "isOpen")::int AS backlog,
           count(*) FILTER (WHERE "isOpen" AND "dueAt" < ${now})::int AS overdue
    FROM weeks
    GROUP BY GROUPING SETS ((), ("officeId", "subjectId"), ("receivedWeek"), ("closedWeek"))`;
}

function figuresOf(row: FactRow | undefined): Figures {
  return {
    received: row?.received ?? 0,
    taken: { count: row?.taken ?? 0, median: row?.takenMedian ?? null, p90: row?.takenP90 ?? null },
    firstReply: { count: row?.replied ?? 0, median: row?.repliedMedian ?? null, p90: row?.repliedP90 ?? null },
    closed: { count: row?.closed ?? 0, median: row?.closedMedian ?? null, p90: row?.closedP90 ?? null },
    closedWithDueDate: row?.closedWithDueDate ?? 0,
    closedOnTime: row?.closedOnTime ?? 0,
    backlog: row?.backlog ?? 0,
    overdue: row?.overdue ?? 0,
  };
}

/** The ISO year and week of a Monday (`yyyy-mm-dd`): those of its Thursday. */
function isoWeekOf(monday: string): { isoYear: number; isoWeek: number } {
  const thursday = new Date(`${addIsoDays(monday, 3)}T00:00:00Z`);
  const isoYear = thursday.getUTCFullYear();
  const dayOfYear = (thursday.getTime() - Date.UTC(isoYear, 0, 1)) / 86_400_000;
  return { isoYear, isoWeek: Math.floor(dayOfYear / 7) + 1 };
}

/** Every ISO week the period touches, with its figures (none: zero). */
function weeksOf(filters: FiguresFilters, rows: FactRow[]): WeekFigures[] {
  const countsOf = (grouping: number, count: (row: FactRow) => number) =>
    new Map(rows.filter((row) => row.grouping === grouping).map((row) => [row.week, count(row)]));
  const received = countsOf(RECEIVED_WEEK_ROW, (row) => row.received);
  const closed = countsOf(CLOSED_WEEK_ROW, (row) => row.closed);
  const weeks: WeekFigures[] = [];
  for (let monday = addIsoDays(filters.dal, 1 - isoWeekday(filters.dal)); monday <= filters.al; monday = addIsoDays(monday, 7)) {
    weeks.push({ monday, ...isoWeekOf(monday), received: received.get(monday) ?? 0, closed: closed.get(monday) ?? 0 });
  }
  return weeks;
}

/** The offices the actor may read: ADMIN any (all when none is chosen), RESPONSABILE their own. */
async function officesInScope(operator: OperatorActor, chosen: string | undefined) {
  if (operator.role === "RESPONSABILE") {
    if (chosen && chosen !== operator.office.id) throw await notFoundFor(operator, "office", chosen);
    return { scope: [{ id: operator.office.id, name: operator.office.name }], choices: [] };
  }
  const all = await prisma.office.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
  if (!chosen) return { scope: all, choices: all };
  const office = all.find((candidate) => candidate.id === chosen);
  if (!office) throw new ValidationError({ sede: ["Scegliere una sede tra quelle proposte."] }, INVALID);
  return { scope: [office], choices: all };
}

/**
 * Response-time figures (F26) of the offices the operator may read, for a
 * period of days in Rome (by default the last 90) and optionally a gestione
 * and a subject or area: counts, median and 90th percentile of the time from
 * reception to taking in charge, first reply and closing, the share closed
 * within the due date, the backlog and overdue now, the weekly trend and a
 * row per office and subject (per office and gestione for an ADMIN's all
 * offices without a subject chosen: `breakdown`). Only the contributors'
 * requests count, not the office's own communications. All offices, and
 * periods over EXACT_PERIOD_DAYS, come from the daily summary (times
 * approximate, `approximateTimes`); one office's shorter periods from the
 * exact statement. OPERATORE, or a RESPONSABILE asking for
 * another office: not found. Invalid filters: ValidationError per field.
 */
export async function getResponseFigures(operator: OperatorActor, rawFilters: unknown, now = new Date()): Promise<ResponseFigures> {
  if (operator.role === "OPERATORE") throw new NotFoundError();
  const filters = parseInput(figuresFiltersSchema(romeIsoDay(now)), rawFilters, INVALID);
  const { scope, choices } = await officesInScope(operator, filters.sede);
  const [subjects, gestioneLabels] = await Promise.all([
    prisma.subject.findMany({
      orderBy: [{ gestione: "asc" }, { sortOrder: "asc" }, { label: "asc" }],
      select: { id: true, gestione: true, label: true, parentId: true },
    }),
    getGestioneLabels(),
  ]);
  if (filters.oggetto && !subjects.some((subject) => subject.id === filters.oggetto)) {
    throw new ValidationError({ oggetto: ["Scegliere un oggetto tra quelli proposti."] }, INVALID);
  }
  // The subjects of the gestione or area chosen, from the reference table already read.
  const chosen =
    filters.gestione || filters.oggetto
      ? subjects
          .filter((subject) => !filters.gestione || subject.gestione === filters.gestione)
          .filter((subject) => !filters.oggetto || subject.id === filters.oggetto || subject.parentId === filters.oggetto)
          .map((subject) => subject.id)
      : null;
  const officeIds = scope.map((office) => office.id);
  const allOffices = operator.role === "ADMIN" && !filters.sede;
  // All offices, and any period longer than EXACT_PERIOD_DAYS, from the summary: approximate times (decision 0036, amended).
  const summarised = allOffices || isoDaysInclusive(filters.dal, filters.al) > EXACT_PERIOD_DAYS;
  const summaryScope: SummaryScope =
    allOffices && !filters.oggetto
      ? { officeIds, grain: "gestione", gestione: filters.gestione ?? null }
      : { officeIds, grain: "subject", subjectIds: chosen };
  const rows = summarised
    ? await summarisedFactRows(summaryScope, filters, now)
    : await prisma.$queryRaw<FactRow[]>(figuresQuery(officeIds, chosen, romeDayStart(filters.dal), romeDayEnd(filters.al), now));

  const subjectsById = new Map(subjects.map((subject) => [subject.id, subject]));
  const officeNames = new Map(scope.map((office) => [office.id, office.name]));
  const gestioneLabel = (gestione: Gestione) => gestioneLabels.get(gestione) ?? gestione;
  const details = rows
    .filter((row) => row.grouping === DETAIL_ROW)
    .map((row): FiguresRow => {
      const subject = row.subjectId ? subjectsById.get(row.subjectId) : undefined;
      const area = subject?.parentId ? subjectsById.get(subject.parentId) : undefined;
      const gestione = subject?.gestione ?? row.gestione;
      return {
        ...figuresOf(row),
        officeName: officeNames.get(row.officeId ?? "") ?? "",
        gestioneLabel: gestione ? gestioneLabel(gestione) : "",
        areaLabel: area?.label ?? null,
        subjectLabel: subject?.label ?? (row.gestione ? ALL_SUBJECTS : ""),
      };
    })
    .sort(
      (a, b) =>
        a.officeName.localeCompare(b.officeName, "it") ||
        a.gestioneLabel.localeCompare(b.gestioneLabel, "it") ||
        (a.areaLabel ?? "").localeCompare(b.areaLabel ?? "", "it") ||
        a.subjectLabel.localeCompare(b.subjectLabel, "it"),
    );

  return {
    filters,
    officeName: scope.length === 1 ? (scope[0]?.name ?? null) : null,
    approximateTimes: summarised,
    breakdown: summaryScope.grain === "gestione" ? "gestione" : "oggetto",
    total: figuresOf(rows.find((row) => row.grouping === TOTAL_ROW)),
    rows: details,
    weeks: weeksOf(filters, rows),
    offices: choices.map((office) => ({ value: office.id, label: office.name })),
    gestioni: [...gestioneLabels].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, "it")),
    subjectGroups: subjects
      .filter((area) => area.parentId === null)
      .map((area) => ({
        label: `${gestioneLabel(area.gestione)} – ${area.label}`,
        options: [
          { value: area.id, label: `${area.label}: tutti gli oggetti` },
          ...subjects.filter((subject) => subject.parentId === area.id).map((subject) => ({ value: subject.id, label: subject.label })),
        ],
      })),
  };
}
