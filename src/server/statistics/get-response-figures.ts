import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Gestione } from "@/generated/prisma/enums";
import { addIsoDays, isoWeekday, romeDayEnd, romeDayStart, romeIsoDay } from "@/lib/rome-dates";
import { notFoundFor } from "@/server/access/report-foreign-record";
import { prisma } from "@/server/db/client";
import { NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import type { OperatorActor } from "@/server/identity/actor";
import { figuresFiltersSchema, type FiguresFilters } from "./schemas";

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
  total: Figures;
  rows: FiguresRow[];
  weeks: WeekFigures[];
  /** For the filter form: the offices an ADMIN may choose (empty for a RESPONSABILE), gestioni and subjects. */
  offices: Option[];
  gestioni: Option[];
  subjectGroups: { label: string; options: Option[] }[];
};

const INVALID = "Alcuni filtri non sono validi: correggerli.";
const OPEN_STATES = Prisma.sql`('NUOVO', 'IN_LAVORAZIONE', 'IN_ATTESA_CONTRIBUENTE')`;

type FactRow = {
  grouping: number;
  officeId: string | null;
  subjectId: string | null;
  gestione: Gestione | null;
  week: string | null;
  received: number;
  taken: number;
  takenMedian: number | null;
  takenP90: number | null;
  replied: number;
  repliedMedian: number | null;
  repliedP90: number | null;
  closed: number;
  closedMedian: number | null;
  closedP90: number | null;
  closedWithDueDate: number;
  closedOnTime: number;
  backlog: number;
  overdue: number;
};

/** GROUPING() of (office, gestione, subject, week): the bits of the columns a row does not group by. */
const TOTAL_ROW = 0b1111;
const DETAIL_ROW = 0b0001;
const WEEK_ROW = 0b1110;

/**
 * One statement for every figure. The quesiti of the offices that reached a
 * step in the period — received, taken, first replied, closed then — or are
 * open now are read once, through the index of each step (office and
 * instant) and of the open states, and tied to their request's subject; each
 * step is then a row of its own, grouped three ways at once: the whole, per
 * office and subject, per ISO week of Rome (decision 0036).
 */
function figuresQuery(officeIds: string[], from: Date, to: Date, now: Date, filters: FiguresFilters): Prisma.Sql {
  const subject = filters.oggetto
    ? Prisma.sql`AND (s.id = ${filters.oggetto}::uuid OR s."parentId" = ${filters.oggetto}::uuid)`
    : Prisma.empty;
  const gestione = filters.gestione ? Prisma.sql`AND s.gestione = ${filters.gestione}::"Gestione"` : Prisma.empty;
  const inPeriod = (column: Prisma.Sql) => Prisma.sql`(${column} >= ${from} AND ${column} < ${to})`;
  const seconds = (column: Prisma.Sql) => Prisma.sql`extract(epoch FROM ${column} - q."receivedAt")::float8`;
  const [received, taken, replied, closed] = [
    Prisma.sql`q."receivedAt"`,
    Prisma.sql`q."takenAt"`,
    Prisma.sql`q."firstReplyAt"`,
    Prisma.sql`q."closedAt"`,
  ];
  return Prisma.sql`
    WITH scoped AS (
      SELECT q."officeId", q.state, q."receivedAt", q."takenAt", q."firstReplyAt", q."closedAt", q."dueAt", s.id AS "subjectId", s.gestione
      FROM "Quesito" q
      JOIN "Request" r ON r.id = q."requestId"
      JOIN "Subject" s ON s.id = r."subjectId"
      WHERE q."officeId" = ANY(${officeIds}::uuid[])
        AND (${inPeriod(received)} OR ${inPeriod(taken)} OR ${inPeriod(replied)} OR ${inPeriod(closed)} OR q.state IN ${OPEN_STATES})
        AND r.direction = 'DAL_CONTRIBUENTE' ${gestione} ${subject}
    ), tied AS (
      SELECT q."officeId", q."subjectId", q.gestione, step.kind, step.seconds, step.flag,
             CASE WHEN step.kind IN ('R', 'C')
                  THEN to_char(date_trunc('week', (step.at AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Rome'), 'YYYY-MM-DD') END AS week
      FROM scoped q
      CROSS JOIN LATERAL (VALUES
        ('R', ${received}, NULL::float8, NULL::boolean, ${inPeriod(received)}),
        ('T', ${taken}, ${seconds(taken)}, NULL, ${inPeriod(taken)}),
        ('A', ${replied}, ${seconds(replied)}, NULL, ${inPeriod(replied)}),
        ('C', ${closed}, ${seconds(closed)}, ${closed} <= q."dueAt", ${inPeriod(closed)}),
        ('O', NULL, NULL, q."dueAt" < ${now}, q.state IN ${OPEN_STATES})
      ) AS step(kind, at, seconds, flag, counted)
      WHERE step.counted
    )
    SELECT GROUPING("officeId", gestione, "subjectId", week)::int AS grouping, "officeId", gestione, "subjectId", week,
           count(*) FILTER (WHERE kind = 'R')::int AS received,
           count(*) FILTER (WHERE kind = 'T')::int AS taken,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE kind = 'T') AS "takenMedian",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE kind = 'T') AS "takenP90",
           count(*) FILTER (WHERE kind = 'A')::int AS replied,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE kind = 'A') AS "repliedMedian",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE kind = 'A') AS "repliedP90",
           count(*) FILTER (WHERE kind = 'C')::int AS closed,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE kind = 'C') AS "closedMedian",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE kind = 'C') AS "closedP90",
           count(*) FILTER (WHERE kind = 'C' AND flag IS NOT NULL)::int AS "closedWithDueDate",
           count(*) FILTER (WHERE kind = 'C' AND flag)::int AS "closedOnTime",
           count(*) FILTER (WHERE kind = 'O')::int AS backlog,
           count(*) FILTER (WHERE kind = 'O' AND flag)::int AS overdue
    FROM tied
    GROUP BY GROUPING SETS ((), ("officeId", gestione, "subjectId"), (week))`;
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
  const found = new Map(rows.map((row) => [row.week, row]));
  const weeks: WeekFigures[] = [];
  for (let monday = addIsoDays(filters.dal, 1 - isoWeekday(filters.dal)); monday <= filters.al; monday = addIsoDays(monday, 7)) {
    const row = found.get(monday);
    weeks.push({ monday, ...isoWeekOf(monday), received: row?.received ?? 0, closed: row?.closed ?? 0 });
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
 * row per office and subject. Only the contributors' requests count, not the
 * office's own communications. OPERATORE, or a RESPONSABILE asking for
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
  const rows = await prisma.$queryRaw<FactRow[]>(
    figuresQuery(
      scope.map((office) => office.id),
      romeDayStart(filters.dal),
      romeDayEnd(filters.al),
      now,
      filters,
    ),
  );

  const subjectsById = new Map(subjects.map((subject) => [subject.id, subject]));
  const officeNames = new Map(scope.map((office) => [office.id, office.name]));
  const gestioneLabel = (gestione: Gestione) => gestioneLabels.get(gestione) ?? gestione;
  const details = rows
    .filter((row) => row.grouping === DETAIL_ROW)
    .map((row): FiguresRow => {
      const subject = row.subjectId ? subjectsById.get(row.subjectId) : undefined;
      const area = subject?.parentId ? subjectsById.get(subject.parentId) : undefined;
      return {
        ...figuresOf(row),
        officeName: officeNames.get(row.officeId ?? "") ?? "",
        gestioneLabel: row.gestione ? gestioneLabel(row.gestione) : "",
        areaLabel: area?.label ?? null,
        subjectLabel: subject?.label ?? "",
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
    total: figuresOf(rows.find((row) => row.grouping === TOTAL_ROW)),
    rows: details,
    weeks: weeksOf(
      filters,
      rows.filter((row) => row.grouping === WEEK_ROW && row.week !== null),
    ),
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
