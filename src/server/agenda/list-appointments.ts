import "server-only";
import { appointmentAccessWhere } from "@/server/access/appointment-access";
import { prisma } from "@/server/db/client";
import type { ContributorActor } from "@/server/identity/actor";
import { appointmentView, appointmentViewSelect, type AppointmentView } from "./appointment-view";

/** At most this many past appointments are listed, newest first. */
const PAST_LIMIT = 50;

/**
 * The contributor's appointments (/cassetto/agenda): the upcoming ones still
 * booked, soonest first, and the others (past, held, cancelled), newest
 * first — those of the requests they may act on now under their profile.
 */
export async function listAppointments(
  actor: ContributorActor,
  now = new Date(),
): Promise<{ upcoming: AppointmentView[]; past: AppointmentView[] }> {
  const reach = appointmentAccessWhere(actor, now);
  const [upcoming, past] = await Promise.all([
    prisma.appointment.findMany({
      where: { AND: [reach, { status: "PRENOTATO", endsAt: { gt: now } }] },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: appointmentViewSelect,
    }),
    prisma.appointment.findMany({
      where: { AND: [reach, { OR: [{ status: { not: "PRENOTATO" } }, { endsAt: { lte: now } }] }] },
      orderBy: [{ startsAt: "desc" }, { id: "desc" }],
      take: PAST_LIMIT,
      select: appointmentViewSelect,
    }),
  ]);
  return { upcoming: upcoming.map(appointmentView), past: past.map(appointmentView) };
}
