import "server-only";
import { REQUEST_NOT_FOUND, requestAccessWhere } from "@/server/access/request-access";
import { notFoundFor } from "@/server/access/report-foreign-record";
import { currentContacts } from "@/server/contacts/current-contacts";
import { prisma } from "@/server/db/client";
import { ConflictError, ValidationError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { ContributorActor } from "@/server/identity/actor";
import { isBookable } from "@/server/workflow/appointment-booking";
import { loadOfficeAgenda } from "./agenda-data";
import { recordAppointmentEvent } from "./appointment-history";
import { AGENDA_CLOSED, bookableRequestSelect, officeOf, REQUEST_NOT_BOOKABLE } from "./booking-eligibility";
import { bookAppointmentSchema, SLOT_NOT_AVAILABLE } from "./schemas";
import { bookableSlot } from "./slots";
import { takePlace } from "./take-place";

/** The slot is not one the picker offers (past, outside the window or the office's hours, closed): a forged or stale form. */
export const SLOT_NOT_BOOKABLE = "L'orario scelto non è prenotabile: scegli uno degli orari liberi.";

/**
 * Books an appointment about a request (F13, F24): the slot must be one the
 * picker offers now (in the booking window, within the channel's windows,
 * not on a closure, not past) and a place of it must be free — taken under
 * the place lock (takePlace), so that concurrent bookings never exceed the
 * places. The appointment, its place, the history event and the notices
 * (with the .ics) are one transaction. Someone else's request is not found.
 */
export async function bookAppointment(
  actor: ContributorActor,
  input: Record<string, unknown>,
  now = new Date(),
): Promise<{ appointmentId: string }> {
  const data = parseInput(bookAppointmentSchema, input);
  const request = await prisma.request.findFirst({
    where: { AND: [{ id: data.requestId }, requestAccessWhere(actor, now)] },
    select: bookableRequestSelect,
  });
  if (!request) throw await notFoundFor(actor, "request", data.requestId, REQUEST_NOT_FOUND);
  if (!isBookable(request, now)) throw new ConflictError(REQUEST_NOT_BOOKABLE);
  const officeId = officeOf(request);
  const agenda = await loadOfficeAgenda(prisma, officeId);
  if (!agenda || agenda.windows.length === 0) throw new ConflictError(AGENDA_CLOSED);
  const slot = bookableSlot(agenda.rules, agenda.windows, agenda.closures, new Map(), now, data.channel, data.startsAt);
  if (!slot) throw new ValidationError({ startsAt: [SLOT_NOT_BOOKABLE] }, SLOT_NOT_BOOKABLE);
  const contacts = (await currentContacts(prisma, actor.personId, [request.position.gestione])).get(request.position.gestione)?.values;

  return prisma.$transaction(async (tx) => {
    const appointment = await tx.appointment.create({
      data: {
        officeId,
        requestId: request.id,
        bookedById: actor.personId,
        actingProfile: actor.profile,
        channel: data.channel,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        reason: data.reason,
        phone: data.phone ?? null,
        noticeEmail: contacts?.email ?? null,
        noticeMobile: contacts?.mobile ?? null,
        createdAt: now,
      },
      select: { id: true, requestId: true, channel: true, startsAt: true },
    });
    if (!(await takePlace(tx, { officeId, startsAt: slot.startsAt, places: agenda.rules.places }, appointment.id))) {
      throw new ValidationError({ startsAt: [SLOT_NOT_AVAILABLE] }, SLOT_NOT_AVAILABLE);
    }
    await recordAppointmentEvent(tx, {
      appointment,
      type: "APPUNTAMENTO_PRENOTATO",
      actor,
      reason: null,
      at: now,
      notice: "PRENOTATO",
    });
    return { appointmentId: appointment.id };
  });
}
