import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Esito, Gestione, QuesitoState } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import { whereSql } from "@/server/db/where-sql";
import type { ContributorActor } from "@/server/identity/actor";
import { actablePositionIds, SEARCH_CANDIDATE_CAP } from "@/server/search/text-search";
import type { requestSummarySelect } from "./request-summary";
import { requestTable } from "./request-table";

/**
 * Up to this many requests within the contributor's reach are searched one
 * by one rather than through the text index: a holder's 2,000 requests read
 * in 10 ms, where the index reads every match of the words across all
 * requests first (decision 0035, amended) — 360,000 for two frequent words
 * at 1M requests, 90 ms.
 */
const SCANNED_REACH = 5_000;

/**
 * The requests of the positions the contributor may act on whose text
 * matches `term`, under the list's `filters`: the FROM and WHERE of the
 * searched statements (`r` the request), access first. A reach of at most
 * SCANNED_REACH requests (counted up to one more, from the positions'
 * index) is matched request by request: the subquery, kept apart by
 * `OFFSET 0`, cannot be read through the text index.
 */
async function matchingRequestsSql(actor: ContributorActor, term: string, filters: Prisma.RequestWhereInput, now: Date) {
  const positionIds = await actablePositionIds(actor, now);
  const [reach] = await prisma.$queryRaw<{ small: boolean }[]>`
    SELECT count(*) <= ${SCANNED_REACH} AS small
    FROM (SELECT 1 FROM "Request" r WHERE r."positionId" = ANY(${positionIds}::uuid[]) LIMIT ${SCANNED_REACH + 1}) reach`;
  const inReach = Prisma.sql`r."positionId" = ANY(${positionIds}::uuid[]) AND ${whereSql("r", requestTable, filters)}`;
  const query = Prisma.sql`websearch_to_tsquery('portal_italian', ${term}) q`;
  return reach?.small
    ? Prisma.sql`(SELECT * FROM "Request" r WHERE ${inReach} OFFSET 0) r, ${query} WHERE r."searchVector" @@ q`
    : Prisma.sql`"Request" r, ${query} WHERE r."searchVector" @@ q AND ${inReach}`;
}

/** What a page of the list needs of a request beyond its details: its id and every value a cursor may carry. */
export type RequestPageKeys = { id: string; createdAt: Date; lastActivityAt: Date; protocolNumber: string };

/**
 * One page of the contributor's searched list and the matches' count, in one
 * statement (decision 0041, as the office's queue): the requests of the
 * positions the contributor may act on whose text matches `term`, under the
 * list's `filters`, the SEARCH_CANDIDATE_CAP + 1 most recently active (ranking every
 * match of a frequent word would read them all, decision 0035); of those the
 * `size` + 1 beyond the keyset bound `beyond`, in `orderBy`. No list of
 * matches travels as parameters: the page's ids and cursor values come
 * back, the count beside them.
 */
export async function searchedRequestPage(
  actor: ContributorActor,
  term: string,
  filters: Prisma.RequestWhereInput,
  page: { beyond: Prisma.RequestWhereInput; orderBy: Prisma.RequestOrderByWithRelationInput[]; size: number },
  now: Date,
): Promise<{ found: RequestPageKeys[]; counted: number }> {
  const orderBy = Prisma.raw(
    page.orderBy
      .flatMap((order) => Object.entries(order).map(([column, direction]) => `c."${column}" ${direction === "asc" ? "ASC" : "DESC"}`))
      .join(", "),
  );
  const rows = await prisma.$queryRaw<((RequestPageKeys | { [Key in keyof RequestPageKeys]: null }) & { counted: number })[]>`
    WITH candidates AS MATERIALIZED (
      SELECT r.id, r."createdAt", r."lastActivityAt", r."protocolNumber"
      FROM ${await matchingRequestsSql(actor, term, filters, now)}
      ORDER BY r."lastActivityAt" DESC, r.id DESC
      LIMIT ${SEARCH_CANDIDATE_CAP + 1}
    )
    SELECT found.*, total.counted
    FROM (SELECT count(*)::int AS counted FROM candidates) total
    LEFT JOIN LATERAL (
      SELECT c.id, c."createdAt", c."lastActivityAt", c."protocolNumber" FROM candidates c WHERE ${whereSql("c", requestTable, page.beyond)} ORDER BY ${orderBy} LIMIT ${page.size + 1}
    ) found ON TRUE`;
  return {
    counted: rows[0]?.counted ?? 0,
    found: rows.flatMap(({ id, createdAt, lastActivityAt, protocolNumber }) =>
      id === null ? [] : [{ id, createdAt, lastActivityAt, protocolNumber }],
    ),
  };
}

/** A request of the searched export, in the shape of `requestSummarySelect` with its holder and position. */
export type ExportedRequest = Prisma.RequestGetPayload<{ select: typeof requestSummarySelect }> & {
  holder: { codiceFiscale: string; givenName: string; familyName: string };
  position: { matricola: string; denominazione: string; gestione: Gestione };
};

type ExportedRow = Omit<ExportedRequest, "subject" | "quesito" | "holder" | "position"> & {
  subjectLabel: string;
  areaLabel: string | null;
  quesitoState: QuesitoState | null;
  esito: Esito | null;
  codiceFiscale: string;
  givenName: string;
  familyName: string;
  matricola: string;
  denominazione: string;
  gestione: Gestione;
};

/**
 * The contributor's searched list for the CSV export, in one statement: the
 * same matches as the pages (`matchingRequestsSql`), every one up to `limit`
 * (the export's, not the pages' cap), newest activity first, with what the
 * export writes of each. No list of ids travels as parameters (decision 0041).
 */
export async function searchedRequestsForExport(
  actor: ContributorActor,
  term: string,
  filters: Prisma.RequestWhereInput,
  limit: number,
  now: Date,
): Promise<ExportedRequest[]> {
  const rows = await prisma.$queryRaw<ExportedRow[]>`
    WITH found AS MATERIALIZED (
      SELECT r.id, r.direction, r."protocolNumber", r."createdAt", r."lastActivityAt", r."subjectId", r."holderId", r."positionId"
      FROM ${await matchingRequestsSql(actor, term, filters, now)}
      ORDER BY r."lastActivityAt" DESC, r.id DESC
      LIMIT ${limit}
    )
    SELECT r.id, r.direction, r."protocolNumber", r."createdAt", r."lastActivityAt",
           s.label AS "subjectLabel", area.label AS "areaLabel", quesito.state AS "quesitoState", quesito.esito,
           holder."codiceFiscale", holder."givenName", holder."familyName", p.matricola, p.denominazione, p.gestione
    FROM found r
    JOIN "Subject" s ON s.id = r."subjectId"
    LEFT JOIN "Subject" area ON area.id = s."parentId"
    LEFT JOIN "Quesito" quesito ON quesito."requestId" = r.id
    JOIN "Person" holder ON holder.id = r."holderId"
    JOIN "Position" p ON p.id = r."positionId"
    ORDER BY r."lastActivityAt" DESC, r.id DESC`;
  // The rows' relations are each one row by primary key (or the request's unique quesito): joined after the limit.
  return rows.map(
    ({
      subjectLabel,
      areaLabel,
      quesitoState,
      esito,
      codiceFiscale,
      givenName,
      familyName,
      matricola,
      denominazione,
      gestione,
      ...request
    }) => ({
      ...request,
      subject: { label: subjectLabel, parent: areaLabel === null ? null : { label: areaLabel } },
      quesito: quesitoState === null ? null : { state: quesitoState, esito },
      holder: { codiceFiscale, givenName, familyName },
      position: { matricola, denominazione, gestione },
    }),
  );
}
