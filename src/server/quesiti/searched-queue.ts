import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { QuesitoState } from "@/generated/prisma/enums";
import { likeLiteral } from "@/lib/form-fields";
import { prisma } from "@/server/db/client";
import { isDateValue, type KeysetCursor, type SortDirection } from "@/server/db/keyset";
import { whereSql } from "@/server/db/where-sql";
import { hasUsefulTerms, SEARCH_CANDIDATE_CAP } from "@/server/search/text-search";
import { quesitoTable } from "./quesito-table";

/**
 * The queue searched (decision 0041): one statement that starts from the
 * office's quesiti under the other filters, keeps those whose request matches
 * the term — its text (both documents: the office reads its internal notes),
 * part of its protocol, the codice fiscale of its holder or submitter, its
 * position's matricola — and ranks them. No list of ids travels as
 * parameters. The candidates are the SEARCH_CANDIDATE_CAP + 1 most recently
 * received: ranking every match of a frequent word would read every matching
 * document of the office, so beyond the cap the total says "più di" and the
 * page orders only those.
 */

/** The searched queue's orders: relevance (ts_rank with the documents' weights A–C), or a date of the quesito. */
export type SearchSortColumn = "rank" | "receivedAt" | "dueAt";

type SearchedRow = { id: string; requestId: string; receivedAt: Date; dueAt: Date | null; rank: number };
export type SearchedPage = { found: SearchedRow[]; counted: number };

/**
 * The term's arms on the request's own columns, each with an index of
 * Request (GIN on both documents, trigrams on the protocol, holder,
 * submitter, position), so that for a rare term PostgreSQL may start from
 * their BitmapOr, and for a frequent one from the office's newest quesiti.
 */
async function matchSql(term: string): Promise<Prisma.Sql> {
  const [people, positions, text] = await Promise.all([
    prisma.person.findMany({ where: { codiceFiscale: term }, select: { id: true } }),
    prisma.position.findMany({ where: { matricola: term }, select: { id: true } }),
    hasUsefulTerms(term),
  ]);
  const personIds = people.map((person) => person.id);
  const query = Prisma.sql`websearch_to_tsquery('portal_italian', ${term})`;
  // A codice fiscale or a matricola found is what was searched for, not part of a protocol: a matricola's
  // digits are in most protocols' trigrams, whose posting lists took 20–30 ms to read at 1M requests.
  const identified = personIds.length > 0 || positions.length > 0;
  const arms = [
    ...(identified ? [] : [Prisma.sql`r."protocolNumber" ILIKE ${`%${likeLiteral(term)}%`}`]),
    ...(personIds.length > 0
      ? [Prisma.sql`r."holderId" = ANY(${personIds}::uuid[])`, Prisma.sql`r."submittedById" = ANY(${personIds}::uuid[])`]
      : []),
    ...(positions.length > 0 ? [Prisma.sql`r."positionId" = ANY(${positions.map((position) => position.id)}::uuid[])`] : []),
    ...(text ? [Prisma.sql`r."searchVector" @@ ${query}`, Prisma.sql`r."internalSearchVector" @@ ${query}`] : []),
  ];
  return Prisma.sql`(${Prisma.join(arms, " OR ")})`;
}

/** A cursor of the relevance order carries the rank and the reception ("rank|ISO date"), of a date order the date. */
export const rankCursorValue = (rank: number, receivedAt: Date) => `${rank}|${receivedAt.toISOString()}`;

export function isRankCursorValue(value: string): boolean {
  const [rank, receivedAt, ...rest] = value.split("|");
  return rest.length === 0 && !!rank?.trim() && Number.isFinite(Number(rank)) && isDateValue(receivedAt ?? "");
}

function cursorValues(column: SearchSortColumn, cursor: KeysetCursor): Prisma.Sql[] {
  const id = Prisma.sql`${cursor.id}::uuid`;
  if (column !== "rank") return [Prisma.sql`${new Date(cursor.value)}`, id];
  const [rank, receivedAt] = cursor.value.split("|");
  return [Prisma.sql`${rank}::real`, Prisma.sql`${new Date(receivedAt ?? "")}`, id];
}

/**
 * One page of the searched queue and the candidates' count: the quesiti of
 * `where` in `states` matching `term`, the newest SEARCH_CANDIDATE_CAP + 1,
 * ordered by `column` in `direction` (equal ranks by reception) then by id,
 * after `cursor`.
 */
export async function searchedQueuePage(
  where: Prisma.QuesitoWhereInput,
  states: QuesitoState[],
  term: string,
  order: { column: SearchSortColumn; direction: SortDirection },
  cursor: KeysetCursor | null,
  size: number,
): Promise<SearchedPage> {
  // Equal ranks (every row found by its protocol or codice fiscale has 0) newest first, then by id.
  const keys = Prisma.raw(order.column === "rank" ? `rank, "receivedAt", id` : `"${order.column}", id`);
  const orderBy = Prisma.raw(
    (order.column === "rank" ? ["rank", '"receivedAt"', "id"] : [`"${order.column}"`, "id"])
      .map((key) => `${key} ${order.direction === "asc" ? "ASC" : "DESC"}`)
      .join(", "),
  );
  const beyond = cursor
    ? Prisma.sql`WHERE (${keys}) ${Prisma.raw(order.direction === "asc" ? ">" : "<")} (${Prisma.join(cursorValues(order.column, cursor))})`
    : Prisma.empty;
  const query = Prisma.sql`websearch_to_tsquery('portal_italian', ${term})`;
  const rows = await prisma.$queryRaw<(SearchedRow & { counted: number })[]>`
    WITH candidates AS MATERIALIZED (
      SELECT quesito.id, quesito."requestId", quesito."receivedAt", quesito."dueAt", r."searchVector" || r."internalSearchVector" AS document
      FROM "Quesito" quesito JOIN "Request" r ON r.id = quesito."requestId"
      WHERE ${whereSql("quesito", quesitoTable, { AND: [where, { state: { in: states } }] })} AND ${await matchSql(term)}
      ORDER BY quesito."receivedAt" DESC, quesito.id DESC
      LIMIT ${SEARCH_CANDIDATE_CAP + 1}
    ),
    ranked AS (
      SELECT id, "requestId", "receivedAt", "dueAt", ts_rank(document, ${query}) AS rank FROM candidates
    )
    SELECT page.*, total.counted
    FROM (SELECT count(*)::int AS counted FROM candidates) total
    LEFT JOIN LATERAL (
      SELECT * FROM ranked ${beyond} ORDER BY ${orderBy} LIMIT ${size + 1}
    ) page ON TRUE`;
  return {
    counted: rows[0]?.counted ?? 0,
    found: rows.flatMap((row) =>
      row.id ? [{ id: row.id, requestId: row.requestId, receivedAt: row.receivedAt, dueAt: row.dueAt, rank: row.rank }] : [],
    ),
  };
}
