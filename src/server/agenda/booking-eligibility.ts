import type { Prisma } from "@/generated/prisma/client";
import { CLOSED_BOOKABLE_DAYS } from "@/server/workflow/appointment-booking";

export const REQUEST_NOT_BOOKABLE = `Si può prenotare un appuntamento solo su una richiesta aperta o chiusa da non più di ${CLOSED_BOOKABLE_DAYS} giorni.`;
export const AGENDA_CLOSED = "La sede competente non ha ancora aperto l'agenda degli appuntamenti.";

/** What booking needs to know of a request. */
export const bookableRequestSelect = {
  id: true,
  protocolNumber: true,
  createdAt: true,
  subject: { select: { label: true, parent: { select: { label: true } } } },
  position: { select: { gestione: true, denominazione: true, matricola: true, officeId: true } },
  quesito: { select: { state: true, closedAt: true, officeId: true } },
} satisfies Prisma.RequestSelect;

export type BookableRequest = Prisma.RequestGetPayload<{ select: typeof bookableRequestSelect }>;

/** The office an appointment on the request is with: the quesito's, or the position's competent office. */
export function officeOf(request: BookableRequest): string {
  return request.quesito?.officeId ?? request.position.officeId;
}

export function subjectLabelOf(request: BookableRequest): string {
  return request.subject.parent ? `${request.subject.parent.label} – ${request.subject.label}` : request.subject.label;
}
