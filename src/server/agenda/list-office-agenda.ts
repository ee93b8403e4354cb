import "server-only";
import { addIsoDays, isoWeekday, romeIsoDay } from "@/lib/rome-dates";
import { appointmentAccessWhere } from "@/server/access/appointment-access";
import { prisma } from "@/server/db/client";
import type { OperatorActor } from "@/server/identity/actor";
import { daysSpan } from "./agenda-data";
import { appointmentView, appointmentViewSelect, type AppointmentView } from "./appointment-view";
import { closureOf, daysBetween } from "./slots";

export type AgendaView = "giorno" | "settimana";

export type OfficeAgendaDay = { day: string; closure: string | null; appointments: AppointmentView[] };

export type OfficeAgendaPage = {
  view: AgendaView;
  /** The day asked for (today by default). */
  day: string;
  days: OfficeAgendaDay[];
  previous: string;
  next: string;
};

/**
 * The office's agenda by day or by week (Monday to Sunday), every booking
 * with its contributor, position, channel, reason and request, whatever its
 * status. Only the operator's own office: read through appointmentAccessWhere.
 */
export async function listOfficeAgenda(
  actor: OperatorActor,
  query: { day?: string; view?: string },
  now = new Date(),
): Promise<OfficeAgendaPage> {
  const view: AgendaView = query.view === "settimana" ? "settimana" : "giorno";
  const day = query.day && /^\d{4}-\d{2}-\d{2}$/.test(query.day) && !Number.isNaN(Date.parse(query.day)) ? query.day : romeIsoDay(now);
  const first = view === "settimana" ? addIsoDays(day, 1 - isoWeekday(day)) : day;
  const last = view === "settimana" ? addIsoDays(first, 6) : day;
  const span = daysSpan(first, last);
  const [rows, closures] = await Promise.all([
    prisma.appointment.findMany({
      where: { AND: [appointmentAccessWhere(actor, now), { startsAt: { gte: span.from, lt: span.to } }] },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: appointmentViewSelect,
    }),
    prisma.agendaClosure.findMany({
      where: { officeId: actor.office.id, day: { gte: new Date(`${first}T00:00:00Z`), lte: new Date(`${last}T00:00:00Z`) } },
      select: { day: true, reason: true },
    }),
  ]);
  const closed = new Map(closures.map((closure) => [closure.day.toISOString().slice(0, 10), closure.reason]));
  const appointments = rows.map(appointmentView);
  const step = view === "settimana" ? 7 : 1;
  return {
    view,
    day,
    days: daysBetween(first, last).map((date) => ({
      day: date,
      closure: closureOf(date, closed),
      appointments: appointments.filter((appointment) => romeIsoDay(appointment.startsAt) === date),
    })),
    previous: addIsoDays(day, -step),
    next: addIsoDays(day, step),
  };
}
