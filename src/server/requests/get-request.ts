import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { ActingProfile, Esito, RequestEventType, SmartTaskKind, SmartTaskStatus } from "@/generated/prisma/enums";
import { isUuid } from "@/lib/form-fields";
import { fullName } from "@/lib/full-name";
import { romeIsoDay } from "@/lib/rome-dates";
import { dueDay } from "@/lib/working-days";
import type { UploadLimits } from "@/server/attachments/receive-upload";
import { prisma } from "@/server/db/client";
import { getGestioneDisplaySetting } from "@/server/gestioni/gestione-labels";
import { NotFoundError } from "@/server/errors/domain-errors";
import { notificationFailure, type NotificationFailure } from "@/server/notifications/failed-notifications";
import { notFoundFor } from "@/server/access/report-foreign-record";
import type { ContributorActor } from "@/server/identity/actor";
import { contributorMessagingRefusal } from "@/server/workflow/contributor-messaging";
import { isBookable } from "@/server/workflow/appointment-booking";
import { REQUEST_NOT_FOUND } from "@/server/access/request-access";
import { requestContacts, type RequestContacts } from "./request-contacts";
import { readRequestView } from "./read-request-view";
import { requestSummary, type RequestSummary } from "./request-summary";
import { esitoLabels, eventTypeLabels } from "@/server/workflow/states";
import { contributorAuthorName, type ThreadAttachment } from "./thread-messages";

export type RequestMessage = {
  id: string;
  createdAt: Date;
  body: string;
  /** A person of the Cassetto, or the office that wrote. */
  author: { kind: "contributor"; name: string } | { kind: "office"; officeName: string };
  attachments: ThreadAttachment[];
};

export type RequestHistoryEntry = {
  id: string;
  type: RequestEventType;
  label: string;
  createdAt: Date;
  /** The operator's comment on a state change or closure. */
  comment: string | null;
};

export type RequestDetail = RequestSummary & {
  /** The quesito's office; for a communication of the office without one, the position's competent office. */
  office: { code: string; name: string };
  position: { id: string; matricola: string; denominazione: string; gestioneLabel: string };
  submittedBy: { name: string; profile: ActingProfile | null } | null;
  holder: { name: string };
  /** Sent by someone other than the holder (an intermediary or an employee). */
  onBehalf: boolean;
  contacts: RequestContacts & { consentEmail: boolean; consentSms: boolean; consentPec: boolean };
  /** An Istanza online's kind and values, as stored (decision 0038); null for other requests. */
  istanza: Prisma.JsonValue;
  messages: RequestMessage[];
  history: RequestHistoryEntry[];
  esito: { code: Esito; label: string; comment: string | null; closedAt: Date | null } | null;
  /**
   * The service level in plain words (B4): when the office received or took
   * the request and by when it answers (Rome days, `yyyy-mm-dd`), and the
   * integration it waits for. Null for a communication without a quesito.
   */
  serviceLevel: {
    receivedDay: string;
    takenDay: string | null;
    dueDay: string | null;
    /** The clock stands still while the office waits for the contributor. */
    clockStopped: boolean;
    integration: { request: string | null; dueDay: string } | null;
  } | null;
  /** Whether the contributor may add a message now, and why not otherwise. */
  messaging: { allowed: true; limits: UploadLimits } | { allowed: false; reason: string };
  /** The notices about the request that could not be delivered (B6), newest first. */
  failedNotifications: NotificationFailure[];
  /** Whether an appointment may be booked on it now (open, or closed within 30 days). */
  bookable: boolean;
  /** Its appointments, counted with it: their read is skipped when there are none (decision 0031). */
  appointmentCount: number;
  /** The Smart-Task the request is, as stored (src/server/smart-tasks/request-smart-task.ts words it); null for other requests. */
  smartTask: { kind: SmartTaskKind; status: SmartTaskStatus; checks: Prisma.JsonValue } | null;
};

/**
 * A request as its contributor sees it (F07, F08): the public thread with its
 * files, the history with the operators' comments at each state change, the
 * outcome. Internal notes never leave the office. A communication the office
 * started (F09) reads the same way, and opening it marks it read for the actor. Someone else's request, or one of a
 * position the actor may no longer act on, is not found.
 */
export async function getRequest(actor: ContributorActor, requestId: string, now = new Date()): Promise<RequestDetail> {
  if (!isUuid(requestId)) throw new NotFoundError(REQUEST_NOT_FOUND);
  // One hand-written statement: the request and what hangs from it (decisions 0049, 0057).
  const request = await readRequestView(actor, requestId, now);
  if (!request) throw await notFoundFor(actor, "request", requestId, REQUEST_NOT_FOUND);
  const { quesito } = request;
  if (request.direction === "DALLA_SEDE" && !request.readBefore) {
    // Opening the office's communication is reading it, for this person only; the first read stays (decision 0021).
    await prisma.communicationRead.createMany({
      data: [{ requestId: request.id, personId: actor.personId, actingProfile: actor.profile, readAt: now }],
      skipDuplicates: true,
    });
  }
  // The gestione's name and its upload limits: one row.
  const settings = await getGestioneDisplaySetting(request.position.gestione);

  const refusal = contributorMessagingRefusal(quesito, request.direction === "DALLA_SEDE");
  const closing = request.events.findLast((event) => event.type === "CHIUSA");
  const integration = request.events.findLast((event) => event.type === "RICHIESTA_INTEGRAZIONE");

  return {
    ...requestSummary(request),
    office: quesito?.office ?? request.position.office,
    position: {
      id: request.position.id,
      matricola: request.position.matricola,
      denominazione: request.position.denominazione,
      gestioneLabel: settings.label,
    },
    submittedBy: request.submittedBy ? { name: fullName(request.submittedBy), profile: request.actingProfile } : null,
    holder: { name: fullName(request.holder) },
    onBehalf: request.submittedBy !== null && request.submittedBy.id !== request.holder.id,
    istanza: request.istanza,
    contacts: {
      ...requestContacts(request),
      consentEmail: request.consentEmail,
      consentSms: request.consentSms,
      consentPec: request.consentPec,
    },
    messages: request.messages.map((message) => ({
      id: message.id,
      createdAt: message.createdAt,
      body: message.body,
      author: message.authorOperator
        ? { kind: "office", officeName: message.authorOperator.office.name }
        : { kind: "contributor", name: contributorAuthorName(message) },
      attachments: message.attachments,
    })),
    history: request.events.map((event) => ({
      id: event.id,
      type: event.type,
      label: eventTypeLabels[event.type],
      createdAt: event.createdAt,
      comment: event.comment,
    })),
    esito: quesito?.esito
      ? { code: quesito.esito, label: esitoLabels[quesito.esito], comment: closing?.comment ?? null, closedAt: quesito.closedAt }
      : null,
    serviceLevel: quesito
      ? {
          receivedDay: romeIsoDay(quesito.receivedAt),
          takenDay: quesito.takenAt ? romeIsoDay(quesito.takenAt) : null,
          dueDay: quesito.dueAt ? dueDay(quesito.dueAt) : null,
          clockStopped: quesito.clockStoppedAt !== null,
          integration: quesito.integrationDueAt
            ? { request: integration?.comment ?? null, dueDay: dueDay(quesito.integrationDueAt) }
            : null,
        }
      : null,
    messaging: refusal
      ? { allowed: false, reason: refusal }
      : { allowed: true, limits: { maxFiles: settings.maxFiles, maxBytesPerFile: settings.maxBytesPerFile } },
    failedNotifications: request.notifications.map(notificationFailure),
    bookable: isBookable(request, now),
    appointmentCount: request.appointmentCount,
    smartTask: request.smartTask,
  };
}
