import type { Prisma } from "@/generated/prisma/client";
import type { QuesitoState } from "@/generated/prisma/enums";

/** A closed request may still be discussed at an appointment for this long. */
export const CLOSED_BOOKABLE_DAYS = 30;

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

/**
 * Whether an appointment may be booked on the request now: open, or closed
 * (a communication without a case: sent) within the last 30 days.
 */
export function isBookable(
  request: { createdAt: Date; quesito: { state: QuesitoState; closedAt: Date | null } | null },
  now: Date,
): boolean {
  const since = now.getTime() - CLOSED_BOOKABLE_DAYS * 86_400_000;
  if (!request.quesito) return request.createdAt.getTime() >= since;
  if (request.quesito.state !== "CHIUSO") return true;
  return (request.quesito.closedAt?.getTime() ?? 0) >= since;
}

/** The office an appointment on the request is with: the quesito's, or the position's competent office. */
export function officeOf(request: BookableRequest): string {
  return request.quesito?.officeId ?? request.position.officeId;
}

export function subjectLabelOf(request: BookableRequest): string {
  return request.subject.parent ? `${request.subject.parent.label} – ${request.subject.label}` : request.subject.label;
}
