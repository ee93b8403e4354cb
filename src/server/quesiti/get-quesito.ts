import "server-only";
import { dueDay } from "@/lib/working-days";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { Esito, type Gestione, type MessageVisibility, type QuesitoState, type RequestEventType } from "@/generated/prisma/enums";
import { fullName } from "@/lib/full-name";
import { prisma } from "@/server/db/client";
import { getGestioneDisplaySetting } from "@/server/gestioni/gestione-labels";
import { listOffices } from "@/server/offices/list-offices";
import { notFoundFor } from "@/server/access/report-foreign-record";
import { profileLabels, type OperatorActor } from "@/server/identity/actor";
import { allowedActions, type TransitionAction } from "@/server/workflow/lifecycle";
import {
  contributorStateLabels,
  contributorStateOf,
  contributorVisibleEventTypes,
  esitoLabels,
  eventTypeLabels,
  quesitoStateLabels,
} from "@/server/workflow/states";
import { requestContacts, type RequestContacts } from "@/server/requests/request-contacts";
import { contributorAuthorName, type ThreadAttachment } from "@/server/requests/thread-messages";
import { deliveryOf, type NotificationDelivery } from "@/server/notifications/notification-delivery";
import { failedNotificationsArgs, notificationFailure, type NotificationFailure } from "@/server/notifications/failed-notifications";
import { readQuesitoOpening } from "./read-quesito-opening";
import { checkedQuesitoId } from "./policy";

export type QuesitoMessage = {
  id: string;
  /** The request itself: the first message of a request the contributor sent. */
  opening: boolean;
  visibility: MessageVisibility;
  body: string;
  createdAt: Date;
  author: { name: string; side: "contribuente" | "sede"; detail: string | null };
  attachments: ThreadAttachment[];
  /** Whether the compressed bundle of the message's files exists. */
  bundleAvailable: boolean;
};

export type QuesitoEvent = {
  id: string;
  type: RequestEventType;
  typeLabel: string;
  createdAt: Date;
  /** Null for what the system did by itself (routing). */
  actorName: string | null;
  fromStateLabel: string | null;
  toStateLabel: string | null;
  comment: string | null;
  /** What the event's data says, in words (protocol number, new office, esito…). */
  detail: string | null;
  /** Not shown to the contributor. */
  internal: boolean;
};

export type QuesitoDetail = {
  id: string;
  version: number;
  state: QuesitoState;
  stateLabel: string;
  contributorStateLabel: string;
  esito: Esito | null;
  esitoLabel: string | null;
  receivedAt: Date;
  takenAt: Date | null;
  closedAt: Date | null;
  /** The service level (B4): the due day (Rome, `yyyy-mm-dd`), whether it has passed on an open quesito, whether the clock stands still. */
  due: { day: string; overdue: boolean; clockStopped: boolean } | null;
  /** The contributor's deadline for the integration asked for, while the office waits for it. */
  integrationDueDay: string | null;
  office: { id: string; code: string; name: string };
  assignee: { id: string; name: string } | null;
  /** What the operator may do now (the lifecycle's table for this state). */
  actions: TransitionAction[];
  request: {
    id: string;
    protocolNumber: string;
    createdAt: Date;
    subject: { label: string; areaLabel: string | null };
    position: { gestione: Gestione; gestioneLabel: string; matricola: string; denominazione: string; province: string };
    holder: { name: string; codiceFiscale: string };
    /** Who pressed "Invia" when it was not the holder ("presentata da … per conto di …"). */
    submitter: { name: string; codiceFiscale: string; profileLabel: string | null } | null;
    contacts: RequestContacts;
    consents: { email: boolean; sms: boolean; pec: boolean };
    /** An Istanza online's kind and values, as stored (decision 0038); null for other requests. */
    istanza: Prisma.JsonValue;
  };
  /** Null for a contributor's request; for a communication the office started, its first reading (null while unread). */
  communication: {
    firstRead: { readAt: Date; readerName: string; profileLabel: string } | null;
    /** The notices the communication sent the contributor, and where each stands. */
    notifications: NotificationDelivery[];
  } | null;
  /** The notices about the request that could not be delivered (B6), newest first. */
  failedNotifications: NotificationFailure[];
  messages: QuesitoMessage[];
  history: QuesitoEvent[];
  /** What files a reply may carry (the gestione's limits). */
  replyLimits: { maxFiles: number; maxBytesPerFile: number };
};

const eventDataSchema = z
  .object({
    protocolNumber: z.string(),
    officeName: z.string(),
    toAssigneeId: z.string(),
    toOfficeId: z.string(),
    fromOfficeId: z.string(),
    esito: z.enum(Esito),
  })
  .partial();
type EventData = z.infer<typeof eventDataSchema>;

function eventData(data: Prisma.JsonValue): EventData {
  const parsed = eventDataSchema.safeParse(data);
  return parsed.success ? parsed.data : {};
}

function eventDetail(
  type: RequestEventType,
  data: EventData,
  operatorNames: Map<string, string>,
  officeNames: Map<string, string>,
): string | null {
  switch (type) {
    case "PROTOCOLLATA":
      return data.protocolNumber ? `Protocollo ${data.protocolNumber}` : null;
    case "SMISTATA":
      return data.officeName ? `Sede competente: ${data.officeName}` : null;
    case "RIASSEGNATA":
      if (data.toOfficeId) {
        const from = data.fromOfficeId ? officeNames.get(data.fromOfficeId) : undefined;
        const to = officeNames.get(data.toOfficeId) ?? "altra sede";
        return from ? `Trasferita da ${from} a ${to}` : `Trasferita a ${to}`;
      }
      return data.toAssigneeId ? `Assegnata a ${operatorNames.get(data.toAssigneeId) ?? "altro operatore"}` : null;
    case "CHIUSA":
      return data.esito ? `Esito: ${esitoLabels[data.esito]}` : null;
    default:
      return null;
  }
}

/**
 * Everything the office's page of a quesito shows (F20–F22). A quesito of
 * another office, or an id that names none, is NotFoundError. Every opening
 * from `page`, granted or refused, is written to the access log by the read's
 * own statement (decisions 0032, 0054); an id that cannot name a quesito
 * reaches neither query nor log.
 */
export async function getQuesito(operator: OperatorActor, quesitoId: string, page: string, now = new Date()): Promise<QuesitoDetail> {
  const quesito = await readQuesitoOpening(operator, checkedQuesitoId(quesitoId), page);
  if (!quesito) throw await notFoundFor(operator, "quesito", quesitoId);
  const { request } = quesito;
  const communicationEvents = new Set(request.events.filter((event) => event.type === "COMUNICAZIONE_INVIATA").map((event) => event.id));
  const communicationNotices = request.notifications
    .filter((notice) => notice.eventId !== null && communicationEvents.has(notice.eventId))
    // As they were sent: by creation.
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const events = request.events.map((event) => ({ event, data: eventData(event.data) }));
  const referencedOperators = events.flatMap(({ data }) => (data.toAssigneeId ? [data.toAssigneeId] : []));
  const [offices, referenced, settings] = await Promise.all([
    listOffices(),
    // Prisma sends a statement even for an empty list.
    referencedOperators.length > 0
      ? prisma.operator.findMany({
          where: { id: { in: referencedOperators } },
          select: { id: true, givenName: true, familyName: true },
        })
      : [],
    // The gestione's name and the reply's upload limits: one row.
    getGestioneDisplaySetting(request.position.gestione),
  ]);
  const operatorNames = new Map(referenced.map((row) => [row.id, fullName(row)]));
  const officeNames = new Map(offices.map((office) => [office.id, office.name]));
  const submitter = request.submittedBy && request.submittedBy.id !== request.holder.id ? request.submittedBy : null;
  const firstRead = request.reads[0];

  return {
    id: quesito.id,
    version: quesito.version,
    state: quesito.state,
    stateLabel: quesitoStateLabels[quesito.state],
    contributorStateLabel: contributorStateLabels[contributorStateOf(quesito.state)],
    esito: quesito.esito,
    esitoLabel: quesito.esito ? esitoLabels[quesito.esito] : null,
    receivedAt: quesito.receivedAt,
    takenAt: quesito.takenAt,
    closedAt: quesito.closedAt,
    due: quesito.dueAt
      ? {
          day: dueDay(quesito.dueAt),
          overdue: quesito.state !== "CHIUSO" && quesito.clockStoppedAt === null && quesito.dueAt <= now,
          clockStopped: quesito.clockStoppedAt !== null,
        }
      : null,
    integrationDueDay: quesito.integrationDueAt ? dueDay(quesito.integrationDueAt) : null,
    office: { id: quesito.office.id, code: quesito.office.code, name: quesito.office.name },
    assignee: quesito.assignee ? { id: quesito.assignee.id, name: fullName(quesito.assignee) } : null,
    // A Smart-Task is handled by the portal: the office reads it only (decision 0037).
    actions: quesito.smartTask ? [] : allowedActions(quesito.state, "operator"),
    communication:
      request.direction === "DALLA_SEDE"
        ? {
            firstRead: firstRead
              ? { readAt: firstRead.readAt, readerName: fullName(firstRead.person), profileLabel: profileLabels[firstRead.actingProfile] }
              : null,
            notifications: communicationNotices.map(deliveryOf),
          }
        : null,
    request: {
      id: request.id,
      protocolNumber: request.protocolNumber,
      createdAt: request.createdAt,
      istanza: request.istanza,
      subject: { label: request.subject.label, areaLabel: request.subject.parent?.label ?? null },
      position: {
        ...request.position,
        gestioneLabel: settings.label,
      },
      holder: { name: fullName(request.holder), codiceFiscale: request.holder.codiceFiscale },
      submitter: submitter
        ? {
            name: fullName(submitter),
            codiceFiscale: submitter.codiceFiscale,
            profileLabel: request.actingProfile ? profileLabels[request.actingProfile] : null,
          }
        : null,
      contacts: requestContacts(request),
      consents: { email: request.consentEmail, sms: request.consentSms, pec: request.consentPec },
    },
    failedNotifications: request.notifications
      .filter((notice) => notice.status === failedNotificationsArgs.where.status)
      .map(notificationFailure),
    messages: request.messages.map((message, index) => ({
      id: message.id,
      opening: index === 0 && request.direction === "DAL_CONTRIBUENTE" && message.authorPersonId !== null,
      visibility: message.visibility,
      body: message.body,
      createdAt: message.createdAt,
      author: message.authorOperator
        ? { name: fullName(message.authorOperator), side: "sede" as const, detail: null }
        : {
            name: contributorAuthorName(message),
            side: "contribuente" as const,
            detail: message.actingProfile ? profileLabels[message.actingProfile] : null,
          },
      attachments: message.attachments,
      bundleAvailable: message.bundleKey !== null,
    })),
    history: events.map(({ event, data }) => ({
      id: event.id,
      type: event.type,
      typeLabel: eventTypeLabels[event.type],
      createdAt: event.createdAt,
      actorName: event.actorOperator ? fullName(event.actorOperator) : event.actorPerson ? fullName(event.actorPerson) : null,
      fromStateLabel: event.fromState ? quesitoStateLabels[event.fromState] : null,
      toStateLabel: event.toState ? quesitoStateLabels[event.toState] : null,
      comment: event.comment,
      detail: eventDetail(event.type, data, operatorNames, officeNames),
      internal: !contributorVisibleEventTypes.includes(event.type),
    })),
    replyLimits: { maxFiles: settings.maxFiles, maxBytesPerFile: settings.maxBytesPerFile },
  };
}
