import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { ActingProfile, Esito, Gestione, QuesitoState, RequestDirection, RequestEventType } from "@/generated/prisma/enums";
import { officeQuesitiWhere } from "@/server/access/quesito-access";
import { accessEntryInsert } from "@/server/audit/record-access";
import { PREPARED_STATEMENT } from "@/server/db/create-client";
import { nameJson, withDatesAt, type WithDatesAsText, type Name } from "@/server/db/json-rows";
import { prisma } from "@/server/db/client";
import { whereSql } from "@/server/db/where-sql";
import type { OperatorActor } from "@/server/identity/actor";
import { failedNotificationsArgs } from "@/server/notifications/failed-notifications";
import type { DeliveryRow } from "@/server/notifications/notification-delivery";
import { requestContactsJson, type RequestContactRow } from "@/server/requests/request-contacts";
import { quesitoTimestamps, subjectWithAreaJson } from "@/server/requests/request-summary";
import { threadMessagesFromJson, threadMessagesJson, type ThreadMessageRow } from "@/server/requests/thread-messages";
import { quesitoTable } from "./quesito-table";

/** A quesito of the operator's office with everything its page shows, as getQuesito reads it. */
export type QuesitoOpeningRow = {
  id: string;
  version: number;
  state: QuesitoState;
  esito: Esito | null;
  receivedAt: Date;
  takenAt: Date | null;
  closedAt: Date | null;
  dueAt: Date | null;
  clockStoppedAt: Date | null;
  integrationDueAt: Date | null;
  smartTask: boolean;
  office: { id: string; code: string; name: string };
  assignee: ({ id: string } & Name) | null;
  request: RequestContactRow & {
    id: string;
    direction: RequestDirection;
    protocolNumber: string;
    createdAt: Date;
    istanza: Prisma.JsonValue;
    actingProfile: ActingProfile | null;
    subject: { label: string; parent: { label: string } | null };
    position: { gestione: Gestione; matricola: string; denominazione: string; province: string };
    holder: { id: string; codiceFiscale: string } & Name;
    submittedBy: ({ id: string; codiceFiscale: string } & Name) | null;
    /** Every message, internal notes included (the office reads them all), oldest first. */
    messages: ThreadMessageRow[];
    /** A communication's first reading, if any. */
    reads: { readAt: Date; actingProfile: ActingProfile; person: Name }[];
    /** A communication's notices and those that failed for good, by failedAt then id, descending (as failedNotificationsArgs). */
    notifications: (DeliveryRow & { eventId: string | null; createdAt: Date })[];
    /** Oldest first. */
    events: {
      id: string;
      type: RequestEventType;
      fromState: QuesitoState | null;
      toState: QuesitoState | null;
      comment: string | null;
      data: Prisma.JsonValue;
      createdAt: Date;
      actorPerson: Name | null;
      actorOperator: Name | null;
    }[];
  };
};

type JsonRow = WithDatesAsText<QuesitoOpeningRow>;

/** The same row with its timestamps as dates. */
function withDates(row: JsonRow): QuesitoOpeningRow {
  const { request } = row;
  return {
    ...withDatesAt(row, quesitoTimestamps),
    request: {
      ...withDatesAt(request, ["createdAt"]),
      messages: threadMessagesFromJson(request.messages),
      reads: request.reads.map((read) => withDatesAt(read, ["readAt"])),
      notifications: request.notifications.map((notice) =>
        withDatesAt(notice, ["sentAt", "deliveredAt", "failedAt", "updatedAt", "createdAt"]),
      ),
      events: request.events.map((event) => withDatesAt(event, ["createdAt"])),
    },
  };
}

/**
 * Reads a quesito of the operator's office with everything its page shows
 * and writes the opening to the access log, granted or refused, in ONE
 * statement: the log's INSERT is a WITH of the read (decision 0054), so the
 * office's most opened page makes one round trip for both, and the read is
 * prepared once per connection (PREPARED_STATEMENT). Null for a quesito of
 * another office or none; the entry then says refused, with no contributor.
 * `quesitoId` must be a checked uuid.
 */
export async function readQuesitoOpening(operator: OperatorActor, quesitoId: string, page: string): Promise<QuesitoOpeningRow | null> {
  const outcome = Prisma.sql`SELECT holder."codiceFiscale", found.id IS NOT NULL AS "granted"
    FROM (VALUES (1)) AS one
    LEFT JOIN found ON true
    LEFT JOIN "Request" opened ON opened.id = found."requestId"
    LEFT JOIN "Person" holder ON holder.id = opened."holderId"`;
  const opening = accessEntryInsert(operator, { action: "QUESITO_APERTO", targetType: "QUESITO", targetId: quesitoId, page }, outcome);
  const rows = await prisma.$queryRaw<{ quesito: JsonRow }[]>`${Prisma.raw(PREPARED_STATEMENT)}
WITH found AS (
  SELECT * FROM "Quesito" quesito WHERE quesito.id = ${quesitoId}::uuid AND ${whereSql("quesito", quesitoTable, officeQuesitiWhere(operator))}
), opening AS (${opening})
SELECT json_build_object(
  'id', q.id, 'version', q.version, 'state', q.state, 'esito', q.esito,
  'receivedAt', q."receivedAt", 'takenAt', q."takenAt", 'closedAt', q."closedAt",
  'dueAt', q."dueAt", 'clockStoppedAt', q."clockStoppedAt", 'integrationDueAt', q."integrationDueAt",
  'smartTask', q."smartTask",
  'office', json_build_object('id', o.id, 'code', o.code, 'name', o.name),
  'assignee', CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'givenName', a."givenName", 'familyName', a."familyName") END,
  'request', json_build_object(
    'id', r.id, 'direction', r.direction, 'protocolNumber', r."protocolNumber", 'createdAt', r."createdAt",
    'istanza', r.istanza, 'actingProfile', r."actingProfile",
    ${requestContactsJson("r")},
    'subject', ${subjectWithAreaJson("s", "sp")},
    'position', json_build_object('gestione', p.gestione, 'matricola', p.matricola, 'denominazione', p.denominazione, 'province', p.province),
    'holder', json_build_object('id', h.id, 'givenName', h."givenName", 'familyName', h."familyName", 'codiceFiscale', h."codiceFiscale"),
    'submittedBy', CASE WHEN sb.id IS NULL THEN NULL
      ELSE json_build_object('id', sb.id, 'givenName', sb."givenName", 'familyName', sb."familyName", 'codiceFiscale', sb."codiceFiscale") END,
    'messages', ${threadMessagesJson(operator, "r")},
    'reads', (
      SELECT coalesce(json_agg(json_build_object('readAt', first_read."readAt", 'actingProfile', first_read."actingProfile", 'person', ${nameJson("first_read")})), '[]')
      FROM (
        SELECT cr."readAt", cr."actingProfile", reader."givenName", reader."familyName"
        FROM "CommunicationRead" cr JOIN "Person" reader ON reader.id = cr."personId"
        WHERE cr."requestId" = r.id ORDER BY cr."readAt", cr."personId" LIMIT 1
      ) AS first_read),
    'notifications', (
      SELECT coalesce(json_agg(json_build_object(
        'id', n.id, 'channel', n.channel, 'recipient', n.recipient, 'status', n.status, 'sentAt', n."sentAt",
        'deliveredAt', n."deliveredAt", 'failedAt', n."failedAt", 'updatedAt', n."updatedAt", 'failureReason', n."failureReason",
        'eventId', n."eventId", 'createdAt', n."createdAt"
      ) ORDER BY n."failedAt" DESC, n.id DESC), '[]')
      FROM "Notification" n LEFT JOIN "RequestEvent" sent ON sent.id = n."eventId"
      WHERE n."requestId" = r.id
        AND (sent.type = 'COMUNICAZIONE_INVIATA' OR n.status = ${failedNotificationsArgs.where.status}::"NotificationStatus")),
    'events', (
      SELECT coalesce(json_agg(json_build_object(
        'id', e.id, 'type', e.type, 'fromState', e."fromState", 'toState', e."toState", 'comment', e.comment, 'data', e.data,
        'createdAt', e."createdAt",
        'actorPerson', CASE WHEN ep.id IS NULL THEN NULL ELSE ${nameJson("ep")} END,
        'actorOperator', CASE WHEN eo.id IS NULL THEN NULL ELSE ${nameJson("eo")} END
      ) ORDER BY e."createdAt", e.id), '[]')
      FROM "RequestEvent" e
      LEFT JOIN "Person" ep ON ep.id = e."actorPersonId"
      LEFT JOIN "Operator" eo ON eo.id = e."actorOperatorId"
      WHERE e."requestId" = r.id)
  )
) AS quesito
FROM found q
JOIN "Office" o ON o.id = q."officeId"
LEFT JOIN "Operator" a ON a.id = q."assigneeId"
JOIN "Request" r ON r.id = q."requestId"
JOIN "Subject" s ON s.id = r."subjectId"
LEFT JOIN "Subject" sp ON sp.id = s."parentId"
JOIN "Position" p ON p.id = r."positionId"
JOIN "Person" h ON h.id = r."holderId"
LEFT JOIN "Person" sb ON sb.id = r."submittedById"`;
  const row = rows[0]?.quesito;
  return row ? withDates(row) : null;
}
