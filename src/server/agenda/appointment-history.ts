import type { Prisma } from "@/generated/prisma/client";
import type { RequestEventType } from "@/generated/prisma/enums";
import { formatRomeLongDay, formatRomeTime, romeIsoDay } from "@/lib/rome-dates";
import type { AppConfig } from "@/server/config";
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
  config: Pick<AppConfig, "PUBLIC_URL" | "NOTIFICATION_MAX_ATTEMPTS" | "NOTIFICATION_RETRY_DELAY_SECONDS">;
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
  if (event.notice) await enqueueAppointmentNotices(tx, event.appointment.id, event.notice, created.id, event.config);
  return created.id;
}
