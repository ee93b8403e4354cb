import "server-only";
import { getConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { ConflictError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { recordAppointmentEvent } from "./appointment-history";
import { NOT_STANDING } from "./change-rules";
import { lockAppointment } from "./changeable-appointment";
import { appointmentOutcomeSchema } from "./schemas";

const eventOf = {
  SVOLTO: "APPUNTAMENTO_SVOLTO",
  NON_PRESENTATO: "APPUNTAMENTO_NON_PRESENTATO",
  ANNULLATO_SEDE: "APPUNTAMENTO_ANNULLATO",
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
    const cancelled = data.outcome === "ANNULLATO_SEDE";
    if (cancelled) await tx.appointmentPlace.delete({ where: { appointmentId: appointment.id } });
    await tx.appointment.update({
      where: { id: appointment.id },
      data: { status: data.outcome, outcomeAt: now, outcomeById: actor.operatorId, ...(cancelled ? { cancelReason: data.reason } : {}) },
    });
    await recordAppointmentEvent(tx, {
      appointment,
      type: eventOf[data.outcome],
      actor,
      reason: cancelled ? (data.reason ?? null) : null,
      at: now,
      notice: cancelled ? "ANNULLATO_SEDE" : null,
      config: getConfig(),
    });
    return { appointmentId: appointment.id };
  });
}
