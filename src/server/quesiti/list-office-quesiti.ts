import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Gestione, QuesitoState } from "@/generated/prisma/enums";
import { cappedTotal, TOTAL_CAP, type CappedTotal } from "@/lib/capped-total";
import { likeLiteral } from "@/lib/form-fields";
import { fullName } from "@/lib/full-name";
import { romeDayEnd, romeDayStart } from "@/lib/rome-dates";
import { dueDay } from "@/lib/working-days";
import { getConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { beyondKeyset, decodeKeysetCursor, encodeKeysetCursor, isDateValue, keysetPage, reverseDirection } from "@/server/db/keyset";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import type { OperatorActor } from "@/server/identity/actor";
import type { SubjectFilterGroup } from "@/server/requests/list-request-subjects";
import { quesitoStateLabels } from "@/server/workflow/states";
import { requestSnippets, textSearchArm } from "@/server/search/text-search";
import type { SnippetPart } from "@/lib/text-snippet";
import { officeQuesitiWhere } from "@/server/access/quesito-access";
import { isWholeProtocolNumber } from "@/server/protocol/format-protocol-number";
import { clockRunning, dueWhere } from "./due-filters";
import { parseQuesitoInput, QUEUE_PAGE_SIZE, queueFiltersSchema, type QueueFilters, type QueueStateFilter } from "./schemas";

type QueueRow = {
  id: string;
  protocolNumber: string;
  receivedAt: Date;
  position: { gestione: Gestione; gestioneLabel: string; matricola: string; denominazione: string };
  holder: { name: string; codiceFiscale: string };
  subject: { label: string; areaLabel: string | null };
  state: QuesitoState;
  stateLabel: string;
  assigneeName: string | null;
  /** The due day (Rome, `yyyy-mm-dd`) and whether it has passed while the office's clock runs (B4). */
  due: { day: string; overdue: boolean } | null;
  /** With a search: where its words were found, marked; null when found otherwise (protocol, codice fiscale…). */
  snippet: SnippetPart[] | null;
};

export type OfficeQueue = {
  filters: QueueFilters;
  rows: QueueRow[];
  /** Quesiti matching the filters, over all pages, counted up to TOTAL_CAP. */
  total: CappedTotal;
  /** Cursors for the `dopo` / `prima` parameters; null when there is no such page. */
  nextCursor: string | null;
  previousCursor: string | null;
  /** For the filter form: gestioni and, per gestione and area, the area and (of one gestione) its subjects. */
  gestioni: { value: Gestione; label: string }[];
  subjectGroups: SubjectFilterGroup[];
};

const statesOfFilter: Record<QueueStateFilter, QuesitoState[]> = {
  aperti: ["NUOVO", "IN_LAVORAZIONE", "IN_ATTESA_CONTRIBUENTE"],
  nuovo: ["NUOVO"],
  in_lavorazione: ["IN_LAVORAZIONE"],
  in_attesa: ["IN_ATTESA_CONTRIBUENTE"],
  chiuso: ["CHIUSO"],
  tutti: ["NUOVO", "IN_LAVORAZIONE", "IN_ATTESA_CONTRIBUENTE", "CHIUSO"],
};

/**
 * The search's arms as conditions on Request's own columns: the people and
 * positions are looked up first by their unique codice fiscale and indexed
 * matricola, so that PostgreSQL can combine the four arms from indexes (the
 * protocol's by trigrams) instead of reading every request (decision 0023);
 * a whole protocol number is looked up as such (decision 0030).
 */
async function searchWhere(operator: OperatorActor, term: string): Promise<Prisma.RequestWhereInput> {
  // A whole number names one request (nor is it a codice fiscale, a matricola or words):
  // its unique index answers at once, where its trigrams, shared with every
  // number of its office and day, match thousands.
  if (isWholeProtocolNumber(term)) return { protocolNumber: term };
  const [people, positions, text] = await Promise.all([
    prisma.person.findMany({ where: { codiceFiscale: term }, select: { id: true } }),
    prisma.position.findMany({ where: { matricola: term }, select: { id: true } }),
    textSearchArm(operator, term, new Date()),
  ]);
  const personIds = people.map((person) => person.id);
  return {
    OR: [
      { protocolNumber: { contains: likeLiteral(term), mode: "insensitive" } },
      { holderId: { in: personIds } },
      { submittedById: { in: personIds } },
      { positionId: { in: positions.map((position) => position.id) } },
      ...(text ? [text] : []),
    ],
  };
}

/** The subject chosen and, when it is an area, the subjects under it. */
async function subjectIds(oggetto: string): Promise<string[]> {
  const children = await prisma.subject.findMany({ where: { parentId: oggetto }, select: { id: true } });
  return [oggetto, ...children.map((subject) => subject.id)];
}

/**
 * The queue's filters but the state, which the page reads one state at a time.
 * Gestione and subject are the quesito's own copies (decision 0030): each has
 * an index of the office's quesiti, where a filter through the request joins
 * every quesito of the office to it.
 */
async function queueWhere(operator: OperatorActor, filters: QueueFilters, now: Date): Promise<Prisma.QuesitoWhereInput> {
  return {
    ...officeQuesitiWhere(operator),
    ...(filters.gestione ? { gestione: filters.gestione } : {}),
    ...(filters.oggetto ? { subjectId: { in: await subjectIds(filters.oggetto) } } : {}),
    ...(filters.assegnazione === "miei" ? { assigneeId: operator.operatorId } : {}),
    ...(filters.assegnazione === "liberi" ? { assigneeId: null } : {}),
    ...(filters.tipo === "tutti" ? {} : { smartTask: filters.tipo === "smart_task" }),
    ...(filters.dal || filters.al
      ? {
          receivedAt: {
            ...(filters.dal ? { gte: romeDayStart(filters.dal) } : {}),
            ...(filters.al ? { lt: romeDayEnd(filters.al) } : {}),
          },
        }
      : {}),
    ...dueWhere(filters.scadenza, filters.ordine === "scadenza", now, getConfig().SLA_WARNING_WORKING_DAYS),
    ...(filters.cerca ? { request: await searchWhere(operator, filters.cerca) } : {}),
  };
}

const queueRowSelect = {
  id: true,
  requestId: true,
  state: true,
  receivedAt: true,
  dueAt: true,
  clockStoppedAt: true,
  assignee: { select: { givenName: true, familyName: true } },
  request: {
    select: {
      protocolNumber: true,
      position: { select: { gestione: true, matricola: true, denominazione: true } },
      holder: { select: { givenName: true, familyName: true, codiceFiscale: true } },
      subject: { select: { label: true, parent: { select: { label: true } } } },
    },
  },
} as const satisfies Prisma.QuesitoSelect;

/**
 * The subject filter's choices: every area, and the single subjects of one
 * gestione only, the chosen one (else that of the chosen subject). Every
 * subject of every gestione would weigh on each view of the queue; without
 * JavaScript the operator picks the gestione, applies, then the subject.
 */
async function subjectGroups(gestioneLabels: Map<Gestione, string>, filters: QueueFilters): Promise<SubjectFilterGroup[]> {
  const detailed =
    filters.gestione ??
    (filters.oggetto
      ? (await prisma.subject.findUnique({ where: { id: filters.oggetto }, select: { gestione: true } }))?.gestione
      : undefined);
  const areas = await prisma.subject.findMany({
    where: { parentId: null, ...(filters.gestione ? { gestione: filters.gestione } : {}) },
    orderBy: [{ gestione: "asc" }, { sortOrder: "asc" }, { label: "asc" }],
    select: {
      id: true,
      gestione: true,
      label: true,
      children: {
        where: { gestione: detailed ?? { in: [] } },
        orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
        select: { id: true, label: true },
      },
    },
  });
  return areas.map((area) => ({
    label: `${gestioneLabels.get(area.gestione) ?? area.gestione} – ${area.label}`,
    options: [
      { value: area.id, label: `${area.label}: tutti gli oggetti` },
      ...area.children.map((subject) => ({ value: subject.id, label: subject.label })),
    ],
  }));
}

type SortColumn = "receivedAt" | "dueAt";
/** The value a row is sorted by; a row read in due-date order always has a due date (dueWhere). */
const sortValue = (row: { receivedAt: Date; dueAt: Date | null }, column: SortColumn): Date => row[column] ?? row.receivedAt;

/**
 * The work queue of the operator's office (F20): filtered, searched, oldest
 * first unless asked otherwise (or by due date, B4), 25 a page, cut by keyset
 * on (receivedAt, id) or (dueAt, id) so that a page deep in the queue costs
 * what the first does. Invalid filters: ValidationError with the
 * parameter's message; a damaged cursor shows the first page.
 */
export async function listOfficeQuesiti(operator: OperatorActor, rawFilters: unknown, now = new Date()): Promise<OfficeQueue> {
  const filters = parseQuesitoInput(queueFiltersSchema, rawFilters, "Alcuni filtri non sono validi: correggerli.");
  const where = await queueWhere(operator, filters, now);
  const states = statesOfFilter[filters.stato].filter((state) => filters.scadenza === "tutte" || clockRunning.includes(state));
  const column: SortColumn = filters.ordine === "scadenza" ? "dueAt" : "receivedAt";
  const direction = filters.ordine === "piu_recenti" ? "desc" : "asc";
  const after = decodeKeysetCursor(filters.dopo, isDateValue);
  const before = after ? null : decodeKeysetCursor(filters.prima, isDateValue);
  const readDirection = before ? reverseDirection(direction) : direction;
  const cursor = after ?? before;
  const pageWhere: Prisma.QuesitoWhereInput = cursor
    ? { AND: [where, beyondKeyset(column, readDirection, new Date(cursor.value), cursor.id)] }
    : where;

  const gestioneLabels = await getGestioneLabels();
  const [counted, perState, groups] = await Promise.all([
    // Ordered by the office, a constant here: PostgreSQL drops the order and
    // stops at the cap, where Prisma's default order (by id) reads every row.
    prisma.quesito.count({ where: { ...where, state: { in: states } }, take: TOTAL_CAP + 1, orderBy: { officeId: "asc" } }),
    // One read per state, each in the order of the (officeId, state,
    // receivedAt, id) index — or (officeId, state, dueAt, id) — merged here:
    // PostgreSQL would otherwise sort every quesito of the office in those
    // states, or walk the closed ones to find the open ones (decision 0023).
    Promise.all(
      states.map((state) =>
        prisma.quesito.findMany({
          where: { AND: [pageWhere, { state }] },
          orderBy: [{ [column]: readDirection }, { id: readDirection }],
          take: QUEUE_PAGE_SIZE + 1,
          select: { id: true, receivedAt: true, dueAt: true },
        }),
      ),
    ),
    subjectGroups(gestioneLabels, filters),
  ]);
  const sign = readDirection === "asc" ? 1 : -1;
  const found = perState
    .flat()
    .sort((a, b) => sign * (sortValue(a, column).getTime() - sortValue(b, column).getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    .slice(0, QUEUE_PAGE_SIZE + 1);
  // The rows' details in one read for the whole page, not one per state.
  const details = new Map(
    (await prisma.quesito.findMany({ where: { id: { in: found.map((row) => row.id) } }, select: queueRowSelect })).map((row) => [
      row.id,
      row,
    ]),
  );
  const quesiti = found.flatMap((row) => details.get(row.id) ?? []);
  const { rows, hasNext, hasPrevious } = keysetPage(quesiti, QUEUE_PAGE_SIZE, { after, before });
  const first = rows[0];
  const last = rows.at(-1);
  const snippets = await requestSnippets(
    operator,
    rows.map((row) => row.requestId),
    filters.cerca,
  );

  return {
    filters,
    total: cappedTotal(counted),
    nextCursor: hasNext && last ? encodeKeysetCursor(sortValue(last, column).toISOString(), last.id) : null,
    previousCursor: hasPrevious && first ? encodeKeysetCursor(sortValue(first, column).toISOString(), first.id) : null,
    rows: rows.map(({ request, assignee, ...quesito }) => ({
      id: quesito.id,
      protocolNumber: request.protocolNumber,
      receivedAt: quesito.receivedAt,
      position: { ...request.position, gestioneLabel: gestioneLabels.get(request.position.gestione) ?? request.position.gestione },
      holder: { name: fullName(request.holder), codiceFiscale: request.holder.codiceFiscale },
      subject: { label: request.subject.label, areaLabel: request.subject.parent?.label ?? null },
      state: quesito.state,
      stateLabel: quesitoStateLabels[quesito.state],
      assigneeName: assignee ? fullName(assignee) : null,
      due: quesito.dueAt
        ? {
            day: dueDay(quesito.dueAt),
            overdue: clockRunning.includes(quesito.state) && quesito.clockStoppedAt === null && quesito.dueAt <= now,
          }
        : null,
      snippet: snippets.get(quesito.requestId) ?? null,
    })),
    gestioni: [...gestioneLabels].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, "it")),
    subjectGroups: groups,
  };
}
