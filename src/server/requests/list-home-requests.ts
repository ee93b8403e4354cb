import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Gestione, QuesitoState, RequestEventType } from "@/generated/prisma/enums";
import { positionLabel } from "@/lib/position-label";
import { prisma } from "@/server/db/client";
import { PREPARED_STATEMENT } from "@/server/db/create-client";
import { utc, withDatesAt, type WithDatesAsText } from "@/server/db/json-rows";
import { whereSql } from "@/server/db/where-sql";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import type { ContributorActor } from "@/server/identity/actor";
import { requestAccessWhere } from "@/server/access/request-access";
import { contributorVisibleEventTypes, eventTypeLabels } from "@/server/workflow/states";
import {
  requestSummary,
  requestSummaryJson,
  requestSummaryTimestamps,
  type RequestSummary,
  type RequestSummaryRow,
} from "./request-summary";
import { requestTable } from "./request-table";

/** How many requests of each kind the Cassetto home shows; the rest are one link away, in the list. */
export const HOME_REQUESTS_SHOWN = 5;

export type HomeRequest = RequestSummary & {
  position: { id: string; label: string };
  /** The last step the contributor may see ("Risposta della sede", "Presa in carico"…), if any. */
  latestActivity: { label: string; at: Date } | null;
};

export type HomeRequests = {
  /** Requests the office waits on the contributor for ("La sede attende un tuo riscontro"). */
  awaiting: HomeRequest[];
  /** Other requests still open, the most recently active first. */
  open: HomeRequest[];
};

/** A row of the home's read: requestSummary's columns, the position, the latest step the contributor may see. */
type HomeRequestRow = RequestSummaryRow & {
  awaiting: boolean;
  position: { id: string; gestione: Gestione; matricola: string };
  latestEvent: { type: RequestEventType; createdAt: Date } | null;
};

/** The HOME_REQUESTS_SHOWN most recent requests within the actor's reach in `states`: one branch of the home's read. */
function latestIn(actor: ContributorActor, states: QuesitoState[], awaiting: boolean, now: Date): Prisma.Sql {
  // The request's copy of its quesito's state (decision 0029): no join of Quesito to plan and read.
  const where = { AND: [requestAccessWhere(actor, now), { quesitoState: { in: states } }] };
  return Prisma.sql`(SELECT r.id, r.direction, r."protocolNumber", r."createdAt", r."lastActivityAt", r."subjectId", r."positionId", ${Prisma.raw(awaiting ? "true" : "false")} AS awaiting
    FROM "Request" r WHERE ${whereSql("r", requestTable, where)}
    ORDER BY r."lastActivityAt" DESC, r.id DESC LIMIT ${HOME_REQUESTS_SHOWN})`;
}

/**
 * The requests the Cassetto home puts first (F02): those waiting for the
 * contributor, then the other open ones, a few of each, the most recently
 * active first. One hand-written, prepared statement (decision 0057): two
 * bounded reads on the (lastActivityAt, id) index, the access rule in each
 * (requestAccessWhere as SQL), then the few rows' relations; no counts.
 */
export async function listHomeRequests(actor: ContributorActor, now = new Date()): Promise<HomeRequests> {
  const [rows, labels] = await Promise.all([
    prisma.$queryRaw<{ row: WithDatesAsText<HomeRequestRow> }[]>`${Prisma.raw(PREPARED_STATEMENT)}
SELECT json_build_object(
  'awaiting', r.awaiting,
  ${requestSummaryJson()},
  'position', json_build_object('id', p.id, 'gestione', p.gestione, 'matricola', p.matricola),
  'latestEvent', CASE WHEN latest.type IS NULL THEN NULL ELSE json_build_object('type', latest.type, 'createdAt', latest."createdAt") END
) AS row
FROM (${latestIn(actor, ["IN_ATTESA_CONTRIBUENTE"], true, now)} UNION ALL ${latestIn(actor, ["NUOVO", "IN_LAVORAZIONE"], false, now)}) r
JOIN "Subject" s ON s.id = r."subjectId"
LEFT JOIN "Subject" sp ON sp.id = s."parentId"
LEFT JOIN "Quesito" q ON q."requestId" = r.id
JOIN "Position" p ON p.id = r."positionId"
LEFT JOIN LATERAL (
  SELECT e.type, e."createdAt" FROM "RequestEvent" e
  WHERE e."requestId" = r.id AND e.type = ANY(${[...contributorVisibleEventTypes]}::"RequestEventType"[])
  ORDER BY e."createdAt" DESC, e.id DESC LIMIT 1
) latest ON true
ORDER BY r.awaiting DESC, r."lastActivityAt" DESC, r.id DESC`,
    getGestioneLabels(),
  ]);
  const homeRequest = ({ row }: (typeof rows)[number]): HomeRequest => ({
    ...requestSummary(withDatesAt(row, requestSummaryTimestamps)),
    position: {
      id: row.position.id,
      label: positionLabel({
        gestioneLabel: labels.get(row.position.gestione) ?? row.position.gestione,
        matricola: row.position.matricola,
      }),
    },
    latestActivity: row.latestEvent ? { label: eventTypeLabels[row.latestEvent.type], at: utc(row.latestEvent.createdAt) } : null,
  });
  return {
    awaiting: rows.filter(({ row }) => row.awaiting).map(homeRequest),
    open: rows.filter(({ row }) => !row.awaiting).map(homeRequest),
  };
}
