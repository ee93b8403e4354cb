import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { TOTAL_CAP } from "@/lib/capped-total";
import { prisma } from "@/server/db/client";
import { whereSql, type TableSql } from "@/server/db/where-sql";
import type { ContributorActor } from "@/server/identity/actor";
import { actablePositionIds } from "@/server/search/text-search";

const personTable: TableSql = { table: "Person", columns: { codiceFiscale: null, givenName: null, familyName: null } };
const subjectTable: TableSql = { table: "Subject", columns: { id: "uuid", parentId: "uuid" } };
const positionTable: TableSql = { table: "Position", columns: { matricola: null } };

/** The request list's filters and keyset bounds (list-requests.ts), as SQL on a request. */
const requestTable: TableSql = {
  table: "Request",
  columns: {
    id: "uuid",
    positionId: "uuid",
    direction: '"RequestDirection"',
    quesitoState: '"QuesitoState"',
    createdAt: null,
    lastActivityAt: null,
    protocolNumber: null,
  },
  relations: {
    position: { foreignKey: "positionId", target: () => positionTable },
    holder: { foreignKey: "holderId", target: () => personTable },
    subject: { foreignKey: "subjectId", target: () => subjectTable },
  },
};

/**
 * One page of the contributor's searched list and the matches' count, in one
 * statement (decision 0041, as the office's queue): the requests of the
 * positions the contributor may act on whose text matches `term`, under the
 * list's `filters`, the TOTAL_CAP + 1 most recently active (ranking every
 * match of a frequent word would read them all, decision 0035); of those the
 * `size` + 1 beyond the keyset bound `beyond`, in `orderBy`. No list of
 * matches travels as parameters: the page's ids come back, the count beside
 * them.
 */
export async function searchedRequestPage(
  actor: ContributorActor,
  term: string,
  filters: Prisma.RequestWhereInput,
  page: { beyond: Prisma.RequestWhereInput; orderBy: Prisma.RequestOrderByWithRelationInput[]; size: number },
  now: Date,
): Promise<{ ids: string[]; counted: number }> {
  const orderBy = Prisma.raw(
    page.orderBy
      .flatMap((order) => Object.entries(order).map(([column, direction]) => `c."${column}" ${direction === "asc" ? "ASC" : "DESC"}`))
      .join(", "),
  );
  const rows = await prisma.$queryRaw<{ id: string | null; counted: number }[]>`
    WITH candidates AS MATERIALIZED (
      SELECT r.id, r."createdAt", r."lastActivityAt", r."protocolNumber"
      FROM "Request" r, websearch_to_tsquery('portal_italian', ${term}) q
      WHERE r."positionId" = ANY(${await actablePositionIds(actor, now)}::uuid[]) AND r."searchVector" @@ q
        AND ${whereSql("r", requestTable, filters)}
      ORDER BY r."lastActivityAt" DESC, r.id DESC
      LIMIT ${TOTAL_CAP + 1}
    )
    SELECT found.id, total.counted
    FROM (SELECT count(*)::int AS counted FROM candidates) total
    LEFT JOIN LATERAL (
      SELECT c.id FROM candidates c WHERE ${whereSql("c", requestTable, page.beyond)} ORDER BY ${orderBy} LIMIT ${page.size + 1}
    ) found ON TRUE`;
  return { counted: rows[0]?.counted ?? 0, ids: rows.flatMap((row) => (row.id ? [row.id] : [])) };
}
