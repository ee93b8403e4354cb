import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { RequestDirection } from "@/generated/prisma/enums";
import { cappedTotal, TOTAL_CAP, type CappedTotal } from "@/lib/capped-total";
import { likeLiteral } from "@/lib/form-fields";
import { fullName } from "@/lib/full-name";
import { romeDayEnd, romeDayStart } from "@/lib/rome-dates";
import { prisma } from "@/server/db/client";
import { countedPage } from "@/server/db/counted-page";
import {
  beyondKeyset,
  decodeKeysetCursor,
  encodeKeysetCursor,
  isDateValue,
  keysetPage,
  reverseDirection,
  type KeysetCursor,
  type SortDirection,
} from "@/server/db/keyset";
import { parseInput } from "@/server/errors/parse-input";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import type { ContributorActor } from "@/server/identity/actor";
import { requestAccessWhere } from "@/server/access/request-access";
import { requestSnippets, requireUsefulTerms, SEARCH_CANDIDATE_CAP } from "@/server/search/text-search";
import { readRequestListRows } from "./read-request-rows";
import { searchedRequestPage, type RequestPageKeys } from "./searched-requests";
import type { SnippetPart } from "@/lib/text-snippet";
import { requestSummary, type RequestSummary } from "./request-summary";
import {
  contributorStateOfFilter,
  REQUEST_PAGE_SIZE,
  requestListQuerySchema,
  type RequestKindFilter,
  type RequestListQuery,
  type RequestSortKey,
} from "./schemas";
import { quesitoStatesFor } from "@/server/workflow/states";

export type RequestListRow = RequestSummary & {
  position: { matricola: string; denominazione: string; gestioneLabel: string; holderName: string };
  /** With a text search: where the words were found, marked; null when they are not in a text shown. */
  snippet: SnippetPart[] | null;
};

export type RequestListPage = {
  query: RequestListQuery;
  rows: RequestListRow[];
  /** Requests matching the filters, over all pages, counted up to TOTAL_CAP (SEARCH_CANDIDATE_CAP with a text search). */
  total: CappedTotal;
  /** Cursors for the `dopo` / `prima` parameters; null when there is no such page. */
  nextCursor: string | null;
  previousCursor: string | null;
};

const directionOfFilter: Record<RequestKindFilter, RequestDirection> = {
  richieste: "DAL_CONTRIBUENTE",
  comunicazioni: "DALLA_SEDE",
};

const sortColumn = {
  apertura: "createdAt",
  aggiornamento: "lastActivityAt",
  protocollo: "protocolNumber",
} as const satisfies Record<RequestSortKey, keyof Prisma.RequestWhereInput>;

/** The `dopo` / `prima` cursor of a row for this sort (exported for the inbox benchmark, which needs deep pages). */
export function encodeCursor(row: RequestPageKeys, sort: RequestSortKey) {
  const column = sortColumn[sort];
  return encodeKeysetCursor(column === "protocolNumber" ? row.protocolNumber : row[column].toISOString(), row.id);
}

function decodeCursor(encoded: string | undefined, sort: RequestSortKey): KeysetCursor | null {
  return decodeKeysetCursor(encoded, sortColumn[sort] === "protocolNumber" ? () => true : isDateValue);
}

/** Rows strictly beyond the cursor, in the direction `direction` of the sort column. */
function beyond(sort: RequestSortKey, direction: SortDirection, cursor: KeysetCursor): Prisma.RequestWhereInput {
  const column = sortColumn[sort];
  // Protocol numbers are unique: the column alone orders the rows.
  if (column === "protocolNumber") return { protocolNumber: { [direction === "asc" ? "gt" : "lt"]: cursor.value } };
  return beyondKeyset(column, direction, new Date(cursor.value), cursor.id);
}

function orderBy(sort: RequestSortKey, direction: "asc" | "desc"): Prisma.RequestOrderByWithRelationInput[] {
  const column = sortColumn[sort];
  return column === "protocolNumber" ? [{ protocolNumber: direction }] : [{ [column]: direction }, { id: direction }];
}

/**
 * The order the capped count reads rows in. Prisma orders a count with `take`
 * by id, and PostgreSQL then reads every matching row before it can stop at
 * the cap; read in an order the filter's index gives, it stops there (decision
 * 0023). Otherwise the access rule's path, position by position: a state
 * filter too, from Request(positionId, quesitoState) alone (decision 0029).
 */
function countOrder(query: RequestListQuery): Prisma.RequestOrderByWithRelationInput {
  if (query.posizione || query.matricola) return { positionId: "asc" };
  if (query.cliente) return { holderId: "asc" };
  if (query.apertaDal || query.apertaAl) return { createdAt: "asc" };
  if (query.aggiornataDal || query.aggiornataAl) return { lastActivityAt: "asc" };
  if (query.oggetto) return { subjectId: "asc" };
  return { positionId: "asc" };
}

/** A client by exact codice fiscale, or by every word of the name (case and order aside). */
function clientWhere(text: string): Prisma.PersonWhereInput {
  const words = text.split(/\s+/).filter(Boolean);
  return {
    OR: [
      { codiceFiscale: text.toUpperCase() },
      {
        AND: words.map((word) => ({
          OR: [
            { givenName: { contains: likeLiteral(word), mode: "insensitive" as const } },
            { familyName: { contains: likeLiteral(word), mode: "insensitive" as const } },
          ],
        })),
      },
    ],
  };
}

/**
 * What the list shows for these filters: the requests of the positions the
 * actor may act on, sent from the Cassetto or started by the office.
 */
export function requestListWhere(actor: ContributorActor, query: RequestListQuery, now: Date): Prisma.RequestWhereInput {
  return { AND: [requestAccessWhere(actor, now), ...filtersWhere(query)] };
}

/** The page's requests of `where`, in `order`, one more than a page: their ids and what their cursors carry. */
function findPage(where: Prisma.RequestWhereInput, order: Prisma.RequestOrderByWithRelationInput[]): Promise<RequestPageKeys[]> {
  return prisma.request.findMany({
    where,
    orderBy: order,
    take: REQUEST_PAGE_SIZE + 1,
    select: { id: true, createdAt: true, lastActivityAt: true, protocolNumber: true },
  });
}

/** With `testo`: the page's requests and the matches' count from one statement (requests/searched-requests.ts, decision 0041). */
async function searchedPage(
  actor: ContributorActor,
  query: RequestListQuery,
  term: string,
  bound: Prisma.RequestWhereInput,
  order: Prisma.RequestOrderByWithRelationInput[],
  now: Date,
) {
  await requireUsefulTerms(term, "testo");
  const { found, counted } = await searchedRequestPage(
    actor,
    term,
    { AND: filtersWhere(query) },
    { beyond: bound, orderBy: order, size: REQUEST_PAGE_SIZE },
    now,
  );
  return [found, counted] as const;
}

/** The list's filters from the page's search parameters; invalid ones throw ValidationError with field messages. */
export function parseRequestListQuery(rawQuery: Record<string, unknown>): RequestListQuery {
  return parseInput(requestListQuerySchema, rawQuery, "Alcuni filtri non sono validi: correggerli.");
}

/** The list's filters but access and the text search, as Prisma conditions (also the searched statements', decision 0041). */
export function filtersWhere(query: RequestListQuery): Prisma.RequestWhereInput[] {
  const where: Prisma.RequestWhereInput[] = [];
  if (query.posizione) where.push({ positionId: query.posizione });
  if (query.matricola) where.push({ position: { matricola: query.matricola } });
  if (query.cliente) where.push({ holder: clientWhere(query.cliente) });
  // One relation filter, not an OR of a column and a relation: the subjects
  // are found first, then their requests through the subjectId index.
  if (query.oggetto) where.push({ subject: { OR: [{ id: query.oggetto }, { parentId: query.oggetto }] } });
  if (query.tipo) where.push({ direction: directionOfFilter[query.tipo] });
  // The request's copy of its quesito's state, beside positionId in an index (decision 0029).
  if (query.stato) where.push({ quesitoState: { in: quesitoStatesFor(contributorStateOfFilter[query.stato]) } });
  const range = (from: string | undefined, to: string | undefined): Prisma.DateTimeFilter | null =>
    from || to ? { ...(from ? { gte: romeDayStart(from) } : {}), ...(to ? { lt: romeDayEnd(to) } : {}) } : null;
  const opened = range(query.apertaDal, query.apertaAl);
  if (opened) where.push({ createdAt: opened });
  const updated = range(query.aggiornataDal, query.aggiornataAl);
  if (updated) where.push({ lastActivityAt: updated });
  return where;
}

/**
 * The requests the actor sent or may follow (F06) and the communications the
 * office sent them (F09): a holder's own positions, an intermediary's clients
 * across all of them. `rawQuery` is the page's search parameters; invalid
 * filters throw ValidationError with field messages. Pages are cut by keyset
 * (sort value, id), so a page costs the same at the first row and at the
 * ten-thousandth.
 */
export async function listRequests(actor: ContributorActor, rawQuery: Record<string, unknown>, now = new Date()): Promise<RequestListPage> {
  const query = parseRequestListQuery(rawQuery);
  const after = decodeCursor(query.dopo, query.ordina);
  const before = after ? null : decodeCursor(query.prima, query.ordina);
  const reversed = reverseDirection(query.verso);
  const bound = after ? beyond(query.ordina, query.verso, after) : before ? beyond(query.ordina, reversed, before) : {};
  const order = orderBy(query.ordina, before ? reversed : query.verso);

  const labels = await getGestioneLabels();
  const [found, total] = query.testo
    ? await searchedPage(actor, query, query.testo, bound, order, now)
    : await countedPage(
        () => findPage({ AND: [requestListWhere(actor, query, now), bound] }, order),
        () => prisma.request.count({ where: requestListWhere(actor, query, now), take: TOTAL_CAP + 1, orderBy: countOrder(query) }),
        { size: REQUEST_PAGE_SIZE, firstPage: !after && !before },
      );

  const { rows: page, hasNext, hasPrevious } = keysetPage(found, REQUEST_PAGE_SIZE, { after, before });
  const ids = page.map((row) => row.id);
  const [detailed, snippets] = await Promise.all([readRequestListRows(actor, ids, now), requestSnippets(actor, ids, query.testo)]);
  const rows = detailed.map((row): RequestListRow => ({
    ...requestSummary(row),
    position: {
      matricola: row.position.matricola,
      denominazione: row.position.denominazione,
      gestioneLabel: labels.get(row.position.gestione) ?? row.position.gestione,
      holderName: fullName(row.position.holder),
    },
    snippet: snippets.get(row.id) ?? null,
  }));
  const first = page[0];
  const last = page.at(-1);
  return {
    query,
    rows,
    total: query.testo ? cappedTotal(total, SEARCH_CANDIDATE_CAP) : cappedTotal(total),
    nextCursor: hasNext && last ? encodeCursor(last, query.ordina) : null,
    previousCursor: hasPrevious && first ? encodeCursor(first, query.ordina) : null,
  };
}
