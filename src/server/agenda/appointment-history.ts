import type { Prisma } from "@/generated/prisma/client";
import type { RequestEventType } from "@/generated/prisma/enums";
import { formatRomeLongDay, formatRomeTime, romeIsoDay } from "@/lib/rome-dates";
import { getConfig } from "@/server/config";
import type { Actor } from "@/server/identity/actor";
import { enqueueAppointmentNotices, type AppointmentNotice } from "./appointment-notices";
import { channelLabels } from "./labels";

type AppointmentEvent = {
  appointment: { id: string; requestId: string; channel: keyof typeof channelLabels; startsAt: Date };
  type: Extract<RequestEventType, `APPUNTAMENTO_${string}`>;
  actor: Actor;
  /** The reason given (cancellation, rescheduling, the office's cancellation), shown in both histories. */
  reason: string | null;
  at: Date;
  /** The notice the booker receives, if any. */
  notice: AppointmentNotice | null;
};

/** "In presenza, lunedì 7 dicembre 2026 alle 09:30". */
export function appointmentSummary(appointment: { channel: keyof typeof channelLabels; startsAt: Date }): string {
  return `${channelLabels[appointment.channel]}, ${formatRomeLongDay(romeIsoDay(appointment.startsAt))} alle ${formatRomeTime(appointment.startsAt)}`;
}

/**
 * One change of an appointment in its request's history (both sides read it),
 * with the booker's notice, in the change's transaction. The quesito's state
 * is left as it is: an appointment is not a step of the case.
 */
export async function recordAppointmentEvent(tx: Prisma.TransactionClient, event: AppointmentEvent): Promise<string> {
  const summary = appointmentSummary(event.appointment);
  const created = await tx.requestEvent.create({
    data: {
      requestId: event.appointment.requestId,
      type: event.type,
      ...(event.actor.kind === "operator" ? { actorOperatorId: event.actor.operatorId } : { actorPersonId: event.actor.personId }),
      comment: event.reason ? `${summary}. Motivo: ${event.reason}` : `${summary}.`,
      data: { appointmentId: event.appointment.id, startsAt: event.appointment.startsAt.toISOString() },
      createdAt: event.at,
    },
    select: { id: true },
  });
  if (event.notice) await enqueueAppointmentNotices(tx, event.appointment.id, event.notice, created.id, getConfig());
  return created.id;
}

/**
 * A booking that will not take place, by the contributor or by the office
 * (an outcome, a closure): its place is freed, the reason kept and the
 * booker notified, in the caller's transaction. The office's cancellation is
 * also its outcome, recorded with who gave it.
 */
export async function cancelBooking(
  tx: Prisma.TransactionClient,
  appointment: AppointmentEvent["appointment"],
  cancellation: { actor: Actor; reason: string; at: Date },
): Promise<void> {
  const { actor, reason, at } = cancellation;
  const status = actor.kind === "operator" ? "ANNULLATO_SEDE" : "ANNULLATO_CONTRIBUENTE";
  await tx.appointmentPlace.delete({ where: { appointmentId: appointment.id } });
  await tx.appointment.update({
    where: { id: appointment.id },
    data: { status, cancelReason: reason, ...(actor.kind === "operator" ? { outcomeAt: at, outcomeById: actor.operatorId } : {}) },
  });
  await recordAppointmentEvent(tx, { appointment, type: "APPUNTAMENTO_ANNULLATO", actor, reason, at, notice: status });
}
