import "server-only";
import { isUuid } from "@/lib/form-fields";
import { APPOINTMENT_NOT_FOUND, appointmentAccessWhere } from "@/server/access/appointment-access";
import { notFoundFor } from "@/server/access/report-foreign-record";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { ContributorActor } from "@/server/identity/actor";
import { appointmentView, appointmentViewSelect, type AppointmentView } from "./appointment-view";
import { cutoffRefusal, rescheduleRefusal } from "./change-rules";

export type AppointmentDetail = AppointmentView & {
  /** Why it may not be cancelled now, or null. */
  cancelRefusal: string | null;
  rescheduleRefusal: string | null;
};

/** One appointment of the contributor (its confirmation page), with what they may still do; someone else's is not found. */
export async function getAppointment(actor: ContributorActor, appointmentId: string, now = new Date()): Promise<AppointmentDetail> {
  if (!isUuid(appointmentId)) throw new NotFoundError(APPOINTMENT_NOT_FOUND);
  const row = await prisma.appointment.findFirst({
    where: { AND: [{ id: appointmentId }, appointmentAccessWhere(actor, now)] },
    select: appointmentViewSelect,
  });
  if (!row) throw await notFoundFor(actor, "appointment", appointmentId, APPOINTMENT_NOT_FOUND);
  const limits = row.office.agenda;
  return {
    ...appointmentView(row),
    cancelRefusal: cutoffRefusal(row, limits, now, "annullarlo"),
    rescheduleRefusal: rescheduleRefusal(row, limits, now),
  };
}
