import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { AppointmentChannel } from "@/generated/prisma/enums";
import { channelLabels } from "./labels";

export type CalendarAppointment = {
  id: string;
  channel: AppointmentChannel;
  startsAt: Date;
  endsAt: Date;
  /** Bumped at every change, so that calendars replace the earlier copy (RFC 5545 SEQUENCE). */
  sequence: number;
  officeName: string;
  protocolNumber: string;
  address: string | null;
  videoLink: string | null;
  requestUrl: string;
  cancelled: boolean;
};

/**
 * The appointment as an iCalendar file (.ics) for the e-mail (decision 0028):
 * a REQUEST while it stands, a CANCEL once cancelled, always with the same
 * UID so that calendars update the one event.
 */
export function appointmentCalendar(appointment: CalendarAppointment): string {
  const calendar = ical({
    prodId: { company: "INPS", product: "Comunicazione Bidirezionale", language: "IT" },
    method: appointment.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: `${appointment.id}@comunicazione-bidirezionale.inps`,
    sequence: appointment.sequence,
    start: appointment.startsAt,
    end: appointment.endsAt,
    stamp: appointment.startsAt,
    summary: `Appuntamento INPS (${channelLabels[appointment.channel].toLowerCase()}) – richiesta n. ${appointment.protocolNumber}`,
    description: `Appuntamento con la sede ${appointment.officeName} sulla richiesta n. ${appointment.protocolNumber}.`,
    location:
      appointment.channel === "IN_PRESENZA" ? appointment.address : appointment.channel === "VIDEOCHIAMATA" ? appointment.videoLink : null,
    url: appointment.requestUrl,
    status: appointment.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
