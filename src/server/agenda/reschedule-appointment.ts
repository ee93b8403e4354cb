import "server-only";
import { prisma } from "@/server/db/client";
import { ValidationError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { ContributorActor } from "@/server/identity/actor";
import { loadOfficeAgenda } from "./agenda-data";
import { recordAppointmentEvent } from "./appointment-history";
import { SLOT_NOT_BOOKABLE } from "./book-appointment";
import { rescheduleRefusal } from "./change-rules";
import { lockAppointment } from "./changeable-appointment";
import { rescheduleAppointmentSchema, SLOT_NOT_AVAILABLE } from "./schemas";
import { bookableSlot } from "./slots";
import { takePlace } from "./take-place";

/**
 * Moves an appointment to another free slot of its channel, before the
 * cut-off and within the office's cap on reschedules, with a reason. It stays
 * the same appointment of the same request (its id and foreign key are
 * kept); its old place is freed and a new one taken under the place lock.
 */
export async function rescheduleAppointment(
  actor: ContributorActor,
  input: Record<string, unknown>,
  now = new Date(),
): Promise<{ appointmentId: string }> {
  const data = parseInput(rescheduleAppointmentSchema, input);
  return prisma.$transaction(async (tx) => {
    const appointment = await lockAppointment(tx, actor, data.appointmentId, now);
    const agenda = await loadOfficeAgenda(tx, appointment.officeId);
    const refusal = rescheduleRefusal(appointment, agenda?.rules ?? null, now);
    if (refusal) throw new ValidationError({ startsAt: [refusal] }, refusal);
    const slot = agenda && bookableSlot(agenda.rules, agenda.windows, agenda.closures, new Map(), now, appointment.channel, data.startsAt);
    if (!agenda || !slot) throw new ValidationError({ startsAt: [SLOT_NOT_BOOKABLE] }, SLOT_NOT_BOOKABLE);
    await tx.appointmentPlace.delete({ where: { appointmentId: appointment.id } });
    if (!(await takePlace(tx, { officeId: appointment.officeId, startsAt: slot.startsAt, places: agenda.rules.places }, appointment.id))) {
      throw new ValidationError({ startsAt: [SLOT_NOT_AVAILABLE] }, SLOT_NOT_AVAILABLE);
    }
    const moved = await tx.appointment.update({
      where: { id: appointment.id },
      // A new time needs its own reminder.
      data: { startsAt: slot.startsAt, endsAt: slot.endsAt, rescheduleCount: { increment: 1 }, reminderSentAt: null },
      select: { id: true, requestId: true, channel: true, startsAt: true },
    });
    await recordAppointmentEvent(tx, {
      appointment: moved,
      type: "APPUNTAMENTO_SPOSTATO",
      actor,
      reason: data.reason,
      at: now,
      notice: "SPOSTATO",
    });
    return { appointmentId: appointment.id };
  });
}
