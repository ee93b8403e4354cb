import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { RequestDirection } from "@/generated/prisma/enums";
import { hasForbiddenCharacters, isUuid, likeLiteral } from "@/lib/form-fields";
import { fullName } from "@/lib/full-name";
import { romeDayEnd, romeDayStart } from "@/lib/rome-dates";
import { prisma } from "@/server/db/client";
import { parseInput } from "@/server/errors/parse-input";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import type { ContributorActor } from "@/server/identity/actor";
import { requestAccessWhere } from "@/server/access/request-access";
import { requestSummary, requestSummarySelect, type RequestSummary } from "./request-summary";
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
};

export type RequestListPage = {
  query: RequestListQuery;
  rows: RequestListRow[];
  /** Requests matching the filters, over all pages. */
  total: number;
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

/** Where a page starts: the sort value and id of the row just outside it. */
type Cursor = { value: string; id: string };

/** The `dopo` / `prima` cursor of a row for this sort (exported for the inbox benchmark, which needs deep pages). */
export function encodeCursor(row: { id: string; createdAt: Date; lastActivityAt: Date; protocolNumber: string }, sort: RequestSortKey) {
  const column = sortColumn[sort];
  const value = column === "protocolNumber" ? row.protocolNumber : row[column].toISOString();
  return Buffer.from(JSON.stringify({ value, id: row.id })).toString("base64url");
}

/** A cursor this service wrote, or null (a hand-edited one just shows the first page). */
function decodeCursor(encoded: string | undefined, sort: RequestSortKey): Cursor | null {
  if (!encoded) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
    if (typeof parsed !== "object" || parsed === null) return null;
    const { value, id } = parsed as Record<string, unknown>;
    // Whatever reaches the query must be a value the database takes: an id, a date or protocol text.
    if (typeof value !== "string" || typeof id !== "string" || !isUuid(id) || hasForbiddenCharacters(value)) return null;
    if (sortColumn[sort] !== "protocolNumber" && Number.isNaN(Date.parse(value))) return null;
    return { value, id };
  } catch {
    return null;
  }
}

/** Rows strictly beyond the cursor, in the direction `direction` of the sort column. */
function beyond(sort: RequestSortKey, direction: "asc" | "desc", cursor: Cursor): Prisma.RequestWhereInput {
  const column = sortColumn[sort];
  const op = direction === "asc" ? "gt" : "lt";
  // Protocol numbers are unique: the column alone orders the rows.
  if (column === "protocolNumber") return { protocolNumber: { [op]: cursor.value } };
  const value = new Date(cursor.value);
  // (column, id) beyond (value, id), written with a bound on the column alone
  // that PostgreSQL can use to start the index scan at the cursor
  // (npm run bench:inbox: deep pages as fast as the first).
  const orEqual = op === "lt" ? "lte" : "gte";
  return { [column]: { [orEqual]: value }, OR: [{ [column]: { [op]: value } }, { id: { [op]: cursor.id } }] };
}

function orderBy(sort: RequestSortKey, direction: "asc" | "desc"): Prisma.RequestOrderByWithRelationInput[] {
  const column = sortColumn[sort];
  return column === "protocolNumber" ? [{ protocolNumber: direction }] : [{ [column]: direction }, { id: direction }];
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

/** The list's filters from the page's search parameters; invalid ones throw ValidationError with field messages. */
export function parseRequestListQuery(rawQuery: Record<string, unknown>): RequestListQuery {
  return parseInput(requestListQuerySchema, rawQuery, "Alcuni filtri non sono validi: correggerli.");
}

function filtersWhere(query: RequestListQuery): Prisma.RequestWhereInput[] {
  const where: Prisma.RequestWhereInput[] = [];
  if (query.posizione) where.push({ positionId: query.posizione });
  if (query.matricola) where.push({ position: { matricola: query.matricola } });
  if (query.cliente) where.push({ holder: clientWhere(query.cliente) });
  if (query.oggetto) where.push({ OR: [{ subjectId: query.oggetto }, { subject: { parentId: query.oggetto } }] });
  if (query.tipo) where.push({ direction: directionOfFilter[query.tipo] });
  if (query.stato) where.push({ quesito: { state: { in: quesitoStatesFor(contributorStateOfFilter[query.stato]) } } });
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
  const where = requestListWhere(actor, query, now);

  const after = decodeCursor(query.dopo, query.ordina);
  const before = after ? null : decodeCursor(query.prima, query.ordina);
  const reversed = query.verso === "asc" ? "desc" : "asc";
  const pageWhere: Prisma.RequestWhereInput = after
    ? { AND: [where, beyond(query.ordina, query.verso, after)] }
    : before
      ? { AND: [where, beyond(query.ordina, reversed, before)] }
      : where;

  const labels = await getGestioneLabels();
  const [found, total] = await Promise.all([
    prisma.request.findMany({
      where: pageWhere,
      orderBy: orderBy(query.ordina, before ? reversed : query.verso),
      take: REQUEST_PAGE_SIZE + 1,
      select: {
        ...requestSummarySelect,
        position: {
          select: {
            matricola: true,
            denominazione: true,
            gestione: true,
            holder: { select: { givenName: true, familyName: true } },
          },
        },
      },
    }),
    prisma.request.count({ where }),
  ]);

  const more = found.length > REQUEST_PAGE_SIZE;
  const page = found.slice(0, REQUEST_PAGE_SIZE);
  if (before) page.reverse();
  const rows = page.map((row): RequestListRow => ({
    ...requestSummary(row),
    position: {
      matricola: row.position.matricola,
      denominazione: row.position.denominazione,
      gestioneLabel: labels.get(row.position.gestione) ?? row.position.gestione,
      holderName: fullName(row.position.holder),
    },
  }));
  const first = page[0];
  const last = page.at(-1);
  const hasNext = before ? true : more;
  const hasPrevious = before ? more : after !== null;
  return {
    query,
    rows,
    total,
    nextCursor: hasNext && last ? encodeCursor(last, query.ordina) : null,
    previousCursor: hasPrevious && first ? encodeCursor(first, query.ordina) : null,
  };
}
