import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { APPOINTMENT_NOT_FOUND, appointmentAccessWhere } from "@/server/access/appointment-access";
import { notFoundFor } from "@/server/access/report-foreign-record";
import type { Actor } from "@/server/identity/actor";

const changeableSelect = {
  id: true,
  officeId: true,
  requestId: true,
  channel: true,
  startsAt: true,
  endsAt: true,
  status: true,
  rescheduleCount: true,
} satisfies Prisma.AppointmentSelect;

export type ChangeableAppointment = Prisma.AppointmentGetPayload<{ select: typeof changeableSelect }>;

/**
 * The appointment within the actor's reach, its row locked for the change
 * (FOR UPDATE), in the caller's transaction; someone else's is not found.
 */
export async function lockAppointment(
  tx: Prisma.TransactionClient,
  actor: Actor,
  appointmentId: string,
  now: Date,
): Promise<ChangeableAppointment> {
  const visible = await tx.appointment.findFirst({
    where: { AND: [{ id: appointmentId }, appointmentAccessWhere(actor, now)] },
    select: { id: true },
  });
  if (!visible) throw await notFoundFor(actor, "appointment", appointmentId, APPOINTMENT_NOT_FOUND);
  await tx.$queryRaw`SELECT 1 FROM "Appointment" WHERE "id" = ${visible.id}::uuid FOR UPDATE`;
  return tx.appointment.findUniqueOrThrow({ where: { id: visible.id }, select: changeableSelect });
}
