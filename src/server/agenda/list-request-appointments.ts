import "server-only";
import { appointmentAccessWhere } from "@/server/access/appointment-access";
import { prisma } from "@/server/db/client";
import type { ContributorActor } from "@/server/identity/actor";
import { appointmentView, appointmentViewSelect, type AppointmentView } from "./appointment-view";

/**
 * The appointments of one request, for its page, newest first. The request
 * comes from its own read (getRequest), which counted them: most requests
 * have none, and then nothing is read (decision 0031). The appointments are
 * read under their own access rule all the same.
 */
export async function listRequestAppointments(
  actor: ContributorActor,
  request: { id: string; appointmentCount: number },
  now = new Date(),
): Promise<AppointmentView[]> {
  if (request.appointmentCount === 0) return [];
  const rows = await prisma.appointment.findMany({
    where: { AND: [{ requestId: request.id }, appointmentAccessWhere(actor, now)] },
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    // The appointments of one request, with their relations, in one statement.
    relationLoadStrategy: "join",
    select: appointmentViewSelect,
  });
  return rows.map(appointmentView);
}
