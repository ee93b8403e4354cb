import "server-only";
import { prisma } from "@/server/db/client";
import { ConflictError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { cancelBooking, recordAppointmentEvent } from "./appointment-history";
import { NOT_STANDING } from "./change-rules";
import { lockAppointment } from "./changeable-appointment";
import { appointmentOutcomeSchema } from "./schemas";

const eventOf = {
  SVOLTO: "APPUNTAMENTO_SVOLTO",
  NON_PRESENTATO: "APPUNTAMENTO_NON_PRESENTATO",
} as const;

/**
 * An operator of the appointment's office records its outcome: svolto, non
 * presentato, or annullato dalla sede with the reason
 * the contributor receives (the place is freed). Another office's
 * appointment is not found.
 */
export async function recordAppointmentOutcome(
  actor: OperatorActor,
  input: Record<string, unknown>,
  now = new Date(),
): Promise<{ appointmentId: string }> {
  const data = parseInput(appointmentOutcomeSchema, input);
  return prisma.$transaction(async (tx) => {
    const appointment = await lockAppointment(tx, actor, data.appointmentId, now);
    if (appointment.status !== "PRENOTATO") throw new ConflictError(NOT_STANDING);
    if (data.outcome === "ANNULLATO_SEDE") {
      await cancelBooking(tx, appointment, { actor, reason: data.reason ?? "", at: now });
    } else {
      await tx.appointment.update({
        where: { id: appointment.id },
        data: { status: data.outcome, outcomeAt: now, outcomeById: actor.operatorId },
      });
      await recordAppointmentEvent(tx, { appointment, type: eventOf[data.outcome], actor, reason: null, at: now, notice: null });
    }
    return { appointmentId: appointment.id };
  });
}
