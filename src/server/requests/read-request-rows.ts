import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Gestione } from "@/generated/prisma/enums";
import { requestAccessWhere } from "@/server/access/request-access";
import { PREPARED_STATEMENT } from "@/server/db/create-client";
import { prisma } from "@/server/db/client";
import { readInIdOrder } from "@/server/db/in-id-order";
import { withDatesAt, type WithDatesAsText } from "@/server/db/json-rows";
import { whereSql } from "@/server/db/where-sql";
import type { ContributorActor } from "@/server/identity/actor";
import { requestSummaryJson, requestSummaryTimestamps, type RequestSummaryRow } from "./request-summary";
import { requestTable } from "./request-table";

/** What the request list shows of a request: requestSummary's columns, and its position with the holder. */
export type RequestListRowRead = RequestSummaryRow & {
  position: { matricola: string; denominazione: string; gestione: Gestione; holder: { givenName: string; familyName: string } };
};

/**
 * The list page's requests by their ids, in the page's order: one
 * hand-written, prepared statement joining what the list shows (decision
 * 0057), under the access rule again (requestAccessWhere as SQL) though the
 * page query applied it. A request now out of the actor's reach is left out.
 */
export function readRequestListRows(actor: ContributorActor, ids: string[], now: Date): Promise<RequestListRowRead[]> {
  return readInIdOrder(ids, async (some) => {
    const rows = await prisma.$queryRaw<{ row: WithDatesAsText<RequestListRowRead> }[]>`${Prisma.raw(PREPARED_STATEMENT)}
SELECT json_build_object(
  ${requestSummaryJson()},
  'position', json_build_object(
    'matricola', p.matricola, 'denominazione', p.denominazione, 'gestione', p.gestione,
    'holder', json_build_object('givenName', h."givenName", 'familyName', h."familyName"))
) AS row
FROM "Request" r
JOIN "Subject" s ON s.id = r."subjectId"
LEFT JOIN "Subject" sp ON sp.id = s."parentId"
LEFT JOIN "Quesito" q ON q."requestId" = r.id
JOIN "Position" p ON p.id = r."positionId"
JOIN "Person" h ON h.id = p."holderId"
WHERE r.id = ANY(${some}::uuid[]) AND ${whereSql("r", requestTable, requestAccessWhere(actor, now))}`;
    return rows.map(({ row }) => withDatesAt(row, requestSummaryTimestamps));
  });
}
