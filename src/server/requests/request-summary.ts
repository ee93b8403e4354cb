import { Prisma } from "@/generated/prisma/client";
import type { RequestDirection } from "@/generated/prisma/enums";
import {
  awaitsContributor,
  contributorStateLabels,
  esitoLabels,
  requestDirectionLabels,
  requestStateOf,
  type ContributorState,
} from "@/server/workflow/states";

/** What every view of a request on the contributor's side shows of it: the list's rows, its page, the export. */
export type RequestSummary = {
  id: string;
  direction: RequestDirection;
  /** "Richiesta" or "Comunicazione della sede". */
  directionLabel: string;
  protocolNumber: string;
  createdAt: Date;
  lastActivityAt: Date;
  state: ContributorState;
  stateLabel: string;
  /** The office waits for the contributor's answer ("La sede attende un tuo riscontro"). */
  awaitingContributor: boolean;
  /** The outcome of a closed request (a Smart-Task's Accolta / Non accolta among them). */
  esitoLabel: string | null;
  subject: { label: string; areaLabel: string | null };
};

/** The columns requestSummary reads, to select (or include) with the rest of a view. */
export const requestSummarySelect = {
  id: true,
  direction: true,
  protocolNumber: true,
  createdAt: true,
  lastActivityAt: true,
  subject: { select: { label: true, parent: { select: { label: true } } } },
  quesito: { select: { state: true, esito: true } },
} as const satisfies Prisma.RequestSelect;

/** What requestSummary reads of a request. */
export type RequestSummaryRow = Prisma.RequestGetPayload<{ select: typeof requestSummarySelect }>;

/**
 * RequestSummaryRow's fields as arguments of a `json_build_object`, for the
 * hand-written reads of a list (decision 0057): of the request `r`, its subject
 * `s` and area `sp`, its quesito `q`.
 */
export function requestSummaryJson(): Prisma.Sql {
  return Prisma.sql`'id', r.id, 'direction', r.direction, 'protocolNumber', r."protocolNumber",
  'createdAt', r."createdAt", 'lastActivityAt', r."lastActivityAt",
  'subject', ${subjectWithAreaJson("s", "sp")},
  'quesito', CASE WHEN q.id IS NULL THEN NULL ELSE json_build_object('state', q.state, 'esito', q.esito) END`;
}

/** The timestamps of requestSummaryJson's row, to revive with withDatesAt. */
export const requestSummaryTimestamps = ["createdAt", "lastActivityAt"] as const;

/** A quesito's timestamps as the hand-written reads of a quesito's page and a request's page give them (withDatesAt). */
export const quesitoTimestamps = ["receivedAt", "takenAt", "closedAt", "dueAt", "clockStoppedAt", "integrationDueAt"] as const;

/** A subject and its area (requestSummarySelect's `subject`) as JSON, from the rows `subject` and `parent` of the hand-written reads (decision 0057). */
export function subjectWithAreaJson(subject: string, parent: string): Prisma.Sql {
  return Prisma.raw(
    `json_build_object('label', ${subject}.label, 'parent', CASE WHEN ${parent}.id IS NULL THEN NULL ELSE json_build_object('label', ${parent}.label) END)`,
  );
}

export function requestSummary(row: RequestSummaryRow): RequestSummary {
  const state = requestStateOf(row.quesito);
  return {
    id: row.id,
    direction: row.direction,
    directionLabel: requestDirectionLabels[row.direction],
    protocolNumber: row.protocolNumber,
    createdAt: row.createdAt,
    lastActivityAt: row.lastActivityAt,
    state,
    stateLabel: contributorStateLabels[state],
    awaitingContributor: awaitsContributor(row.quesito),
    esitoLabel: row.quesito?.esito ? esitoLabels[row.quesito.esito] : null,
    subject: { label: row.subject.label, areaLabel: row.subject.parent?.label ?? null },
  };
}
