import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Gestione, QuesitoState } from "@/generated/prisma/enums";
import { officeQuesitiWhere } from "@/server/access/quesito-access";
import { PREPARED_STATEMENT } from "@/server/db/create-client";
import { prisma } from "@/server/db/client";
import { readInIdOrder } from "@/server/db/in-id-order";
import { nameJson, withDatesAt, type WithDatesAsText, type Name } from "@/server/db/json-rows";
import { whereSql } from "@/server/db/where-sql";
import type { OperatorActor } from "@/server/identity/actor";
import { subjectWithAreaJson } from "@/server/requests/request-summary";
import { quesitoTable } from "./quesito-table";

/** What the office's queue shows of a quesito. */
export type QueueRowRead = {
  id: string;
  requestId: string;
  state: QuesitoState;
  receivedAt: Date;
  dueAt: Date | null;
  clockStoppedAt: Date | null;
  assignee: Name | null;
  request: {
    protocolNumber: string;
    position: { gestione: Gestione; matricola: string; denominazione: string };
    holder: Name & { codiceFiscale: string };
    subject: { label: string; parent: { label: string } | null };
  };
};

/**
 * The queue page's quesiti by their ids, in the page's order: one
 * hand-written, prepared statement joining what the queue shows (decision
 * 0057), under the office's rule again (officeQuesitiWhere as SQL) though the
 * page's reads applied it. A quesito gone meanwhile, or now of another
 * office, is left out.
 */
export function readQueueRows(operator: OperatorActor, ids: string[]): Promise<QueueRowRead[]> {
  return readInIdOrder(ids, async (some) => {
    const rows = await prisma.$queryRaw<{ row: WithDatesAsText<QueueRowRead> }[]>`${Prisma.raw(PREPARED_STATEMENT)}
SELECT json_build_object(
  'id', q.id, 'requestId', q."requestId", 'state', q.state,
  'receivedAt', q."receivedAt", 'dueAt', q."dueAt", 'clockStoppedAt', q."clockStoppedAt",
  'assignee', CASE WHEN a.id IS NULL THEN NULL ELSE ${nameJson("a")} END,
  'request', json_build_object(
    'protocolNumber', r."protocolNumber",
    'position', json_build_object('gestione', p.gestione, 'matricola', p.matricola, 'denominazione', p.denominazione),
    'holder', json_build_object('givenName', h."givenName", 'familyName', h."familyName", 'codiceFiscale', h."codiceFiscale"),
    'subject', ${subjectWithAreaJson("s", "sp")})
) AS row
FROM "Quesito" q
JOIN "Request" r ON r.id = q."requestId"
JOIN "Position" p ON p.id = r."positionId"
JOIN "Person" h ON h.id = r."holderId"
JOIN "Subject" s ON s.id = r."subjectId"
LEFT JOIN "Subject" sp ON sp.id = s."parentId"
LEFT JOIN "Operator" a ON a.id = q."assigneeId"
WHERE q.id = ANY(${some}::uuid[]) AND ${whereSql("q", quesitoTable, officeQuesitiWhere(operator))}`;
    return rows.map(({ row }) => withDatesAt(row, ["receivedAt", "dueAt", "clockStoppedAt"]));
  });
}
