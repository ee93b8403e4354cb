import "server-only";
import { AppointmentChannel } from "@/generated/prisma/enums";
import { isUuid } from "@/lib/form-fields";
import { APPOINTMENT_NOT_FOUND, appointmentAccessWhere } from "@/server/access/appointment-access";
import { notFoundFor } from "@/server/access/report-foreign-record";
import { REQUEST_NOT_FOUND, requestAccessWhere } from "@/server/access/request-access";
import { currentContacts } from "@/server/contacts/current-contacts";
import { prisma } from "@/server/db/client";
import { ConflictError, NotFoundError } from "@/server/errors/domain-errors";
import type { ContributorActor } from "@/server/identity/actor";
import { isBookable } from "@/server/workflow/appointment-booking";
import { daysSpan, loadOfficeAgenda, takenPlaces } from "./agenda-data";
import { AGENDA_CLOSED, bookableRequestSelect, officeOf, REQUEST_NOT_BOOKABLE, subjectLabelOf } from "./booking-eligibility";
import { bookingWindow, freeAgenda, type AgendaDay } from "./slots";
import { rescheduleRefusal } from "./change-rules";

export type BookingOptions = {
  request: { id: string; protocolNumber: string; subjectLabel: string; positionLabel: string };
  officeName: string;
  /** The channels the office opens windows for. */
  channels: AppointmentChannel[];
  /** The channel chosen (the only one, when the office opens one), or null. */
  channel: AppointmentChannel | null;
  /** The bookable days of the channel with their free slots. */
  days: AgendaDay[];
  /** The day chosen, if it is among them. */
  day: AgendaDay | null;
  /** Set when moving an appointment (its channel stays). */
  rescheduling: { id: string; startsAt: Date; reschedulesLeft: number } | null;
  /** The booker's phone from Contatti, to fill the form. */
  phone: string | null;
};

export type BookingQuery = { requestId?: string; appointmentId?: string; channel?: string; day?: string };

/**
 * What the slot picker shows (F13, F24): for a request the actor may act on
 * (open, or closed within 30 days), the office's channels, the bookable days
 * of the chosen channel with their free places and, for a chosen day, its
 * free slots. With `appointmentId`, the same for moving that appointment.
 */
export async function getBookingOptions(actor: ContributorActor, query: BookingQuery, now = new Date()): Promise<BookingOptions> {
  let rescheduling: BookingOptions["rescheduling"] = null;
  let requestId = query.requestId ?? "";
  let fixedChannel: AppointmentChannel | null = null;
  if (query.appointmentId !== undefined) {
    if (!isUuid(query.appointmentId)) throw new NotFoundError(APPOINTMENT_NOT_FOUND);
    const appointment = await prisma.appointment.findFirst({
      where: { AND: [{ id: query.appointmentId }, appointmentAccessWhere(actor, now)] },
      select: {
        id: true,
        requestId: true,
        channel: true,
        startsAt: true,
        status: true,
        rescheduleCount: true,
        office: { select: { agenda: true } },
      },
    });
    if (!appointment) throw await notFoundFor(actor, "appointment", query.appointmentId, APPOINTMENT_NOT_FOUND);
    const refusal = rescheduleRefusal(appointment, appointment.office.agenda, now);
    if (refusal) throw new ConflictError(refusal);
    rescheduling = {
      id: appointment.id,
      startsAt: appointment.startsAt,
      reschedulesLeft: (appointment.office.agenda?.maxReschedules ?? 0) - appointment.rescheduleCount,
    };
    requestId = appointment.requestId;
    fixedChannel = appointment.channel;
  }
  if (!isUuid(requestId)) throw new NotFoundError(REQUEST_NOT_FOUND);
  const request = await prisma.request.findFirst({
    where: { AND: [{ id: requestId }, requestAccessWhere(actor, now)] },
    select: bookableRequestSelect,
  });
  if (!request) throw await notFoundFor(actor, "request", requestId, REQUEST_NOT_FOUND);
  if (!rescheduling && !isBookable(request, now)) throw new ConflictError(REQUEST_NOT_BOOKABLE);

  const officeId = officeOf(request);
  const [agenda, office, contacts] = await Promise.all([
    loadOfficeAgenda(prisma, officeId),
    prisma.office.findUniqueOrThrow({ where: { id: officeId }, select: { name: true } }),
    currentContacts(prisma, actor.personId, [request.position.gestione]),
  ]);
  if (!agenda || agenda.windows.length === 0) throw new ConflictError(AGENDA_CLOSED);

  const channels = Object.values(AppointmentChannel).filter((channel) => agenda.windows.some((window) => window.channel === channel));
  const asked = channels.find((channel) => channel === query.channel);
  const channel = fixedChannel ?? asked ?? (channels.length === 1 ? channels[0]! : null);
  let days: AgendaDay[] = [];
  if (channel) {
    const { first, last } = bookingWindow(agenda.rules, agenda.closures, now);
    const span = daysSpan(first, last);
    const taken = await takenPlaces(prisma, officeId, span.from, span.to);
    days = freeAgenda(agenda.rules, agenda.windows, agenda.closures, taken, now, channel);
  }
  const values = contacts.get(request.position.gestione)?.values;
  return {
    request: {
      id: request.id,
      protocolNumber: request.protocolNumber,
      subjectLabel: subjectLabelOf(request),
      positionLabel: `${request.position.denominazione} (${request.position.matricola})`,
    },
    officeName: office.name,
    channels,
    channel,
    days,
    day: days.find((candidate) => candidate.day === query.day) ?? null,
    rescheduling,
    phone: values?.mobile ?? values?.landline ?? null,
  };
}
