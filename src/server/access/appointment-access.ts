import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/identity/actor";
import { requestAccessWhere } from "./request-access";

/** What an appointment outside the actor's reach is, whether it exists or not. */
export const APPOINTMENT_NOT_FOUND = "L'appuntamento non esiste o non è accessibile.";

/**
 * The appointments an actor may see: a contributor those of the requests
 * they may act on now (a delegate whose delegation ended loses them); an
 * operator those of their office. Every read of an appointment starts here.
 */
export function appointmentAccessWhere(actor: Actor, now: Date): Prisma.AppointmentWhereInput {
  if (actor.kind === "contributor") return { request: requestAccessWhere(actor, now) };
  return { officeId: actor.office.id };
}
