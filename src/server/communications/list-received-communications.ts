import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { fullName } from "@/lib/full-name";
import { receivedCommunicationsWhere, unreadCommunicationsWhere } from "@/server/access/communication-access";
import { prisma } from "@/server/db/client";
import { beyondKeyset, decodeKeysetCursor, encodeKeysetCursor, isDateValue } from "@/server/db/keyset";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import type { ContributorActor } from "@/server/identity/actor";
import { requestSummary, requestSummarySelect, type RequestSummary } from "@/server/requests/request-summary";
import { COMMUNICATION_PAGE_SIZE, communicationListQuerySchema, type CommunicationListQuery } from "./schemas";

export type ReceivedCommunication = RequestSummary & {
  office: { name: string } | null;
  position: { matricola: string; denominazione: string; gestioneLabel: string; holderName: string };
  /** When this person first opened it; null while unread for them. */
  readAt: Date | null;
  /** The office waits for an answer until this instant (null: none expected, or no longer). */
  answerDueAt: Date | null;
};

export type ReceivedCommunicationsPage = {
  query: CommunicationListQuery;
  rows: ReceivedCommunication[];
  nextCursor: string | null;
};

/** The `dopo` cursor of a row (exported for the inbox benchmark, which needs deep pages). */
export function encodeCommunicationCursor(row: { createdAt: Date; id: string }): string {
  return encodeKeysetCursor(row.createdAt.toISOString(), row.id);
}

/**
 * Comunicazioni ricevute (F09): the office's communications on every position
 * the actor may act on now, or on one of them, newest first, "da leggere" or
 * "lette" for this person, a page at a time by keyset on (createdAt, id) — no
 * count. A position the actor may not act on shows nothing.
 */
export async function listReceivedCommunications(
  actor: ContributorActor,
  rawQuery: unknown,
  now = new Date(),
): Promise<ReceivedCommunicationsPage> {
  const query = communicationListQuerySchema.parse(rawQuery ?? {});
  const cursor = decodeKeysetCursor(query.dopo, isDateValue);
  const readWhere: Prisma.RequestWhereInput =
    query.lettura === "da-leggere"
      ? unreadCommunicationsWhere(actor, now)
      : query.lettura === "lette"
        ? { ...receivedCommunicationsWhere(actor, now), reads: { some: { personId: actor.personId } } }
        : receivedCommunicationsWhere(actor, now);
  const positionWhere: Prisma.RequestWhereInput = query.posizione ? { positionId: query.posizione } : {};
  const beyond: Prisma.RequestWhereInput = cursor ? beyondKeyset("createdAt", "desc", new Date(cursor.value), cursor.id) : {};
  const [rows, labels] = await Promise.all([
    prisma.request.findMany({
      where: { AND: [readWhere, positionWhere, beyond] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: COMMUNICATION_PAGE_SIZE + 1,
      select: {
        ...requestSummarySelect,
        quesito: { select: { state: true, esito: true, dueAt: true, office: { select: { name: true } } } },
        position: {
          select: { matricola: true, denominazione: true, gestione: true, holder: { select: { givenName: true, familyName: true } } },
        },
        reads: { where: { personId: actor.personId }, select: { readAt: true } },
      },
    }),
    getGestioneLabels(),
  ]);
  const page = rows.slice(0, COMMUNICATION_PAGE_SIZE);
  const last = page.at(-1);
  return {
    query,
    rows: page.map((row) => ({
      ...requestSummary(row),
      office: row.quesito?.office ?? null,
      position: {
        matricola: row.position.matricola,
        denominazione: row.position.denominazione,
        gestioneLabel: labels.get(row.position.gestione) ?? row.position.gestione,
        holderName: fullName(row.position.holder),
      },
      readAt: row.reads[0]?.readAt ?? null,
      answerDueAt: row.quesito?.state === "IN_ATTESA_CONTRIBUENTE" ? (row.quesito.dueAt ?? null) : null,
    })),
    nextCursor: rows.length > COMMUNICATION_PAGE_SIZE && last ? encodeCommunicationCursor(last) : null,
  };
}
