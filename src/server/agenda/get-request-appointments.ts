import "server-only";
import { appointmentAccessWhere } from "@/server/access/appointment-access";
import { requestAccessWhere } from "@/server/access/request-access";
import { isUuid } from "@/lib/form-fields";
import { prisma } from "@/server/db/client";
import type { ContributorActor } from "@/server/identity/actor";
import { appointmentView, appointmentViewSelect, type AppointmentView } from "./appointment-view";
import { isBookable } from "./booking-eligibility";

/**
 * The appointments of one request, for its page, and whether another may be
 * booked on it (open, or closed within 30 days). A request out of reach has
 * none and is not bookable: its page reports it as not found itself.
 */
export async function getRequestAppointments(
  actor: ContributorActor,
  requestId: string,
  now = new Date(),
): Promise<{ bookable: boolean; appointments: AppointmentView[] }> {
  if (!isUuid(requestId)) return { bookable: false, appointments: [] };
  const request = await prisma.request.findFirst({
    where: { AND: [{ id: requestId }, requestAccessWhere(actor, now)] },
    relationLoadStrategy: "join",
    select: { createdAt: true, quesito: { select: { state: true, closedAt: true } }, _count: { select: { appointments: true } } },
  });
  if (!request) return { bookable: false, appointments: [] };
  // Most requests have no appointment: counted with the request, so that their read is skipped then (decision 0031).
  const rows =
    request._count.appointments === 0
      ? []
      : await prisma.appointment.findMany({
          where: { AND: [{ requestId }, appointmentAccessWhere(actor, now)] },
          orderBy: [{ startsAt: "desc" }, { id: "desc" }],
          // The appointments of one request, with their relations, in one statement.
          relationLoadStrategy: "join",
          select: appointmentViewSelect,
        });
  return { bookable: isBookable(request, now), appointments: rows.map(appointmentView) };
}
