import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Gestione, QuesitoState } from "@/generated/prisma/enums";
import { cappedTotal, TOTAL_CAP, type CappedTotal } from "@/lib/capped-total";
import { fullName } from "@/lib/full-name";
import { romeDayEnd, romeDayStart } from "@/lib/rome-dates";
import { dueDay } from "@/lib/working-days";
import { getConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { countedPage } from "@/server/db/counted-page";
import { whereSql } from "@/server/db/where-sql";
import { beyondKeyset, decodeKeysetCursor, encodeKeysetCursor, isDateValue, keysetPage, reverseDirection } from "@/server/db/keyset";
import type { KeysetCursor, SortDirection } from "@/server/db/keyset";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import type { OperatorActor } from "@/server/identity/actor";
import { quesitoStateLabels } from "@/server/workflow/states";
import { requestSnippets, SEARCH_CANDIDATE_CAP } from "@/server/search/text-search";
import type { SnippetPart } from "@/lib/text-snippet";
import { officeQuesitiWhere } from "@/server/access/quesito-access";
import { isWholeProtocolNumber } from "@/server/protocol/format-protocol-number";
import { clockRunning, dueWhere } from "./due-filters";
import { quesitoTable } from "./quesito-table";
import { readQueueRows } from "./read-queue-rows";
import { isRankCursorValue, rankCursorValue, searchedQueuePage, type SearchSortColumn } from "./searched-queue";
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
};

const statesOfFilter: Record<QueueStateFilter, QuesitoState[]> = {
  aperti: ["NUOVO", "IN_LAVORAZIONE", "IN_ATTESA_CONTRIBUENTE"],
  nuovo: ["NUOVO"],
  in_lavorazione: ["IN_LAVORAZIONE"],
  in_attesa: ["IN_ATTESA_CONTRIBUENTE"],
  chiuso: ["CHIUSO"],
  tutti: ["NUOVO", "IN_LAVORAZIONE", "IN_ATTESA_CONTRIBUENTE", "CHIUSO"],
};

/** The subject chosen and, when it is an area, the subjects under it. */
async function subjectIds(oggetto: string): Promise<string[]> {
  const children = await prisma.subject.findMany({ where: { parentId: oggetto }, select: { id: true } });
  return [oggetto, ...children.map((subject) => subject.id)];
}

/**
 * The queue's filters but the state, which the page reads one state at a time,
 * and the search (decision 0041).
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
  };
}

type SortColumn = "receivedAt" | "dueAt";
/** The value a row is sorted by; a row read in due-date order always has a due date (dueWhere). */
const sortValue = (row: { receivedAt: Date; dueAt: Date | null }, column: SortColumn): Date => row[column] ?? row.receivedAt;

/** A page's rows (up to QUEUE_PAGE_SIZE + 1, in reading order) with the value their cursor carries, and the capped total. */
type FoundPage = { found: { id: string; cursorValue: string }[]; total: CappedTotal };

/**
 * The queue without a search (or with a whole protocol number) in one
 * statement: a branch per state, each read in the order of the
 * (officeId, state, receivedAt, id) index — or (officeId, state, dueAt, id) —
 * and stopped one row beyond a page, their union ordered again and cut:
 * PostgreSQL would otherwise sort every quesito of the office in those
 * states, or walk the closed ones to find the open ones (decision 0023). The
 * branches hold more than a page together exactly when the queue does. Ties
 * are cut by id as uuids, in the branches and in their union alike.
 */
async function browsedQueue(
  where: Prisma.QuesitoWhereInput,
  states: QuesitoState[],
  column: SortColumn,
  direction: SortDirection,
  cursor: KeysetCursor | null,
): Promise<FoundPage> {
  const pageWhere: Prisma.QuesitoWhereInput = cursor
    ? { AND: [where, beyondKeyset(column, direction, new Date(cursor.value), cursor.id)] }
    : where;
  const order = Prisma.raw(`value ${direction.toUpperCase()}, id ${direction.toUpperCase()}`);
  const limit = QUEUE_PAGE_SIZE + 1;
  const branches = states.map(
    (state) =>
      Prisma.sql`(SELECT quesito.id, quesito.${Prisma.raw(`"${column}"`)} AS value FROM "Quesito" quesito
        WHERE ${whereSql("quesito", quesitoTable, { AND: [pageWhere, { state }] })} ORDER BY ${order} LIMIT ${limit})`,
  );
  // No state left (a due-date filter on the waiting ones): nothing to read.
  const readPage = async () =>
    branches.length === 0
      ? []
      : prisma.$queryRaw<{ id: string; value: Date }[]>`
          SELECT id, value FROM (${Prisma.join(branches, " UNION ALL ")}) page ORDER BY ${order} LIMIT ${limit}`;
  const [found, counted] = await countedPage(
    readPage,
    // Ordered by the office, a constant here: PostgreSQL drops the order and
    // stops at the cap, where Prisma's default order (by id) reads every row.
    () => prisma.quesito.count({ where: { ...where, state: { in: states } }, take: TOTAL_CAP + 1, orderBy: { officeId: "asc" } }),
    { size: QUEUE_PAGE_SIZE, firstPage: !cursor },
  );
  return { found: found.map((row) => ({ id: row.id, cursorValue: row.value.toISOString() })), total: cappedTotal(counted) };
}

/** The searched queue (decision 0041): one statement, its total capped at the candidates ranked. */
async function searchedQueue(
  where: Prisma.QuesitoWhereInput,
  states: QuesitoState[],
  term: string,
  order: { column: SearchSortColumn; direction: SortDirection },
  cursor: KeysetCursor | null,
): Promise<FoundPage> {
  const { found, counted } = await searchedQueuePage(where, states, term, order, cursor, QUEUE_PAGE_SIZE);
  return {
    found: found.map((row) => ({
      id: row.id,
      cursorValue: order.column === "rank" ? rankCursorValue(row.rank, row.receivedAt) : sortValue(row, order.column).toISOString(),
    })),
    total: cappedTotal(counted, SEARCH_CANDIDATE_CAP),
  };
}

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
  const ranked = filters.ordine === "pertinenza";
  const direction = filters.ordine === "piu_recenti" || ranked ? "desc" : "asc";
  const isCursorValue = ranked ? isRankCursorValue : isDateValue;
  const after = decodeKeysetCursor(filters.dopo, isCursorValue);
  const before = after ? null : decodeKeysetCursor(filters.prima, isCursorValue);
  const readDirection = before ? reverseDirection(direction) : direction;
  const cursor = after ?? before;

  const gestioneLabels = await getGestioneLabels();
  const { found, total } =
    filters.cerca && !isWholeProtocolNumber(filters.cerca)
      ? await searchedQueue(where, states, filters.cerca, { column: ranked ? "rank" : column, direction: readDirection }, cursor)
      : await browsedQueue(
          filters.cerca ? { ...where, request: { protocolNumber: filters.cerca } } : where,
          states,
          column,
          readDirection,
          cursor,
        );
  const { rows: page, hasNext, hasPrevious } = keysetPage(found, QUEUE_PAGE_SIZE, { after, before });
  const first = page[0];
  const last = page.at(-1);
  // The page's details in one read, not one per state (decisions 0049 addendum, 0057).
  const rows = await readQueueRows(
    operator,
    page.map((row) => row.id),
  );
  const snippets = await requestSnippets(
    operator,
    rows.map((row) => row.requestId),
    filters.cerca,
  );

  return {
    filters,
    total,
    nextCursor: hasNext && last ? encodeKeysetCursor(last.cursorValue, last.id) : null,
    previousCursor: hasPrevious && first ? encodeKeysetCursor(first.cursorValue, first.id) : null,
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
  };
}
