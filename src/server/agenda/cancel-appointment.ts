import "server-only";
import { prisma } from "@/server/db/client";
import { ValidationError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { ContributorActor } from "@/server/identity/actor";
import { cancelBooking } from "./appointment-history";
import { cutoffRefusal } from "./change-rules";
import { lockAppointment } from "./changeable-appointment";
import { cancelAppointmentSchema } from "./schemas";

/**
 * The contributor cancels an appointment before the cut-off, with a reason:
 * its place is freed, the request's history and the office see why.
 */
export async function cancelAppointment(
  actor: ContributorActor,
  input: Record<string, unknown>,
  now = new Date(),
): Promise<{ appointmentId: string }> {
  const data = parseInput(cancelAppointmentSchema, input);
  return prisma.$transaction(async (tx) => {
    const appointment = await lockAppointment(tx, actor, data.appointmentId, now);
    const limits = await tx.agendaSettings.findUnique({ where: { officeId: appointment.officeId } });
    const refusal = cutoffRefusal(appointment, limits, now, "annullarlo");
    if (refusal) throw new ValidationError({ reason: [refusal] }, refusal);
    await cancelBooking(tx, appointment, { actor, reason: data.reason, at: now });
    return { appointmentId: appointment.id };
  });
}
