import type { QuesitoState } from "@/generated/prisma/enums";

/** A closed request may still be discussed at an appointment for this long. */
export const CLOSED_BOOKABLE_DAYS = 30;

/**
 * Whether an appointment may be booked on the request now: open, or closed
 * (a communication without a case: sent) within the last 30 days. Kept
 * below both modules that need it: the agenda checks it when booking, a
 * request's page (src/server/requests) shows it.
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
