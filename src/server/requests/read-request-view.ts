import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type {
  ActingProfile,
  Esito,
  Gestione,
  NotificationChannel,
  QuesitoState,
  RequestDirection,
  RequestEventType,
  SmartTaskKind,
  SmartTaskStatus,
} from "@/generated/prisma/enums";
import { requestAccessWhere } from "@/server/access/request-access";
import { PREPARED_STATEMENT } from "@/server/db/create-client";
import { prisma } from "@/server/db/client";
import { withDatesAt, type WithDatesAsText, type Name } from "@/server/db/json-rows";
import { whereSql } from "@/server/db/where-sql";
import type { ContributorActor } from "@/server/identity/actor";
import { failedNotificationsArgs } from "@/server/notifications/failed-notifications";
import { contributorVisibleEventTypes } from "@/server/workflow/states";
import { requestContactsJson, type RequestContactRow } from "./request-contacts";
import { quesitoTimestamps, requestSummaryTimestamps, subjectWithAreaJson } from "./request-summary";
import { requestTable } from "./request-table";
import { threadMessagesFromJson, threadMessagesJson, type ThreadMessageRow } from "./thread-messages";

type Office = { code: string; name: string };

/** A request within the contributor's reach with everything its page shows, as getRequest reads it. */
export type RequestViewRow = RequestContactRow & {
  id: string;
  direction: RequestDirection;
  protocolNumber: string;
  createdAt: Date;
  lastActivityAt: Date;
  actingProfile: ActingProfile | null;
  istanza: Prisma.JsonValue;
  subject: { label: string; parent: { label: string } | null };
  position: { id: string; matricola: string; denominazione: string; gestione: Gestione; office: Office };
  submittedBy: ({ id: string } & Name) | null;
  holder: { id: string } & Name;
  quesito: {
    state: QuesitoState;
    esito: Esito | null;
    closedAt: Date | null;
    receivedAt: Date;
    takenAt: Date | null;
    dueAt: Date | null;
    clockStoppedAt: Date | null;
    integrationDueAt: Date | null;
    office: Office;
  } | null;
  /** The public messages, oldest first. */
  messages: ThreadMessageRow[];
  /** The steps the contributor may see, oldest first. */
  events: { id: string; type: RequestEventType; createdAt: Date; comment: string | null }[];
  /** The notices that failed for good, by failedAt then id, descending (as failedNotificationsArgs). */
  notifications: {
    id: string;
    channel: NotificationChannel;
    recipient: string;
    failedAt: Date | null;
    updatedAt: Date;
    failureReason: string | null;
  }[];
  smartTask: { kind: SmartTaskKind; status: SmartTaskStatus; checks: Prisma.JsonValue } | null;
  appointmentCount: number;
  /** Whether this person has opened it before (a communication of the office is read once per person, decision 0021). */
  readBefore: boolean;
};

type JsonRow = WithDatesAsText<RequestViewRow>;

/** The same row with its timestamps as dates. */
function withDates(row: JsonRow): RequestViewRow {
  const { quesito } = row;
  return {
    ...withDatesAt(row, requestSummaryTimestamps),
    quesito: quesito && withDatesAt(quesito, quesitoTimestamps),
    messages: threadMessagesFromJson(row.messages),
    events: row.events.map((event) => withDatesAt(event, ["createdAt"])),
    notifications: row.notifications.map((notice) => withDatesAt(notice, ["failedAt", "updatedAt"])),
  };
}

/**
 * Reads a request within the contributor's reach with everything its page
 * shows, in ONE hand-written, prepared statement (decision 0057): the page
 * every contributor opens most skips Prisma's compiler, as the office's
 * quesito page does (decision 0054). The access rule is requestAccessWhere
 * itself, written as SQL by whereSql: one definition for both. Null for
 * someone else's request, one of a position the actor may no longer act on,
 * or none. `requestId` must be a checked uuid.
 */
export async function readRequestView(actor: ContributorActor, requestId: string, now: Date): Promise<RequestViewRow | null> {
  const rows = await prisma.$queryRaw<{ request: JsonRow }[]>`${Prisma.raw(PREPARED_STATEMENT)}
SELECT json_build_object(
  'id', r.id, 'direction', r.direction, 'protocolNumber', r."protocolNumber",
  'createdAt', r."createdAt", 'lastActivityAt', r."lastActivityAt", 'actingProfile', r."actingProfile", 'istanza', r.istanza,
  ${requestContactsJson("r")},
  'subject', ${subjectWithAreaJson("s", "sp")},
  'position', json_build_object(
    'id', p.id, 'matricola', p.matricola, 'denominazione', p.denominazione, 'gestione', p.gestione,
    'office', json_build_object('code', po.code, 'name', po.name)),
  'submittedBy', CASE WHEN sb.id IS NULL THEN NULL ELSE json_build_object('id', sb.id, 'givenName', sb."givenName", 'familyName', sb."familyName") END,
  'holder', json_build_object('id', h.id, 'givenName', h."givenName", 'familyName', h."familyName"),
  'quesito', CASE WHEN q.id IS NULL THEN NULL ELSE json_build_object(
    'state', q.state, 'esito', q.esito, 'closedAt', q."closedAt", 'receivedAt', q."receivedAt", 'takenAt', q."takenAt",
    'dueAt', q."dueAt", 'clockStoppedAt', q."clockStoppedAt", 'integrationDueAt', q."integrationDueAt",
    'office', json_build_object('code', qo.code, 'name', qo.name)) END,
  'messages', ${threadMessagesJson(actor, "r")},
  'events', (
    SELECT coalesce(json_agg(json_build_object('id', e.id, 'type', e.type, 'createdAt', e."createdAt", 'comment', e.comment)
      ORDER BY e."createdAt", e.id), '[]')
    FROM "RequestEvent" e
    WHERE e."requestId" = r.id AND e.type = ANY(${[...contributorVisibleEventTypes]}::"RequestEventType"[])),
  'notifications', (
    SELECT coalesce(json_agg(json_build_object(
      'id', n.id, 'channel', n.channel, 'recipient', n.recipient, 'failedAt', n."failedAt", 'updatedAt', n."updatedAt",
      'failureReason', n."failureReason"
    ) ORDER BY n."failedAt" DESC, n.id DESC), '[]')
    FROM "Notification" n
    WHERE n."requestId" = r.id AND n.status = ${failedNotificationsArgs.where.status}::"NotificationStatus"),
  'smartTask', (SELECT json_build_object('kind', t.kind, 'status', t.status, 'checks', t.checks) FROM "SmartTask" t WHERE t."requestId" = r.id),
  'appointmentCount', (SELECT count(*)::int FROM "Appointment" a WHERE a."requestId" = r.id),
  'readBefore', EXISTS (SELECT 1 FROM "CommunicationRead" cr WHERE cr."requestId" = r.id AND cr."personId" = ${actor.personId}::uuid)
) AS request
FROM "Request" r
JOIN "Subject" s ON s.id = r."subjectId"
LEFT JOIN "Subject" sp ON sp.id = s."parentId"
JOIN "Position" p ON p.id = r."positionId"
JOIN "Office" po ON po.id = p."officeId"
JOIN "Person" h ON h.id = r."holderId"
LEFT JOIN "Person" sb ON sb.id = r."submittedById"
LEFT JOIN "Quesito" q ON q."requestId" = r.id
LEFT JOIN "Office" qo ON qo.id = q."officeId"
WHERE r.id = ${requestId}::uuid AND ${whereSql("r", requestTable, requestAccessWhere(actor, now))}`;
  const row = rows[0]?.request;
  return row ? withDates(row) : null;
}
