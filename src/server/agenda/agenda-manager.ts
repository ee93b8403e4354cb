import { ForbiddenError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";

export const NOT_AGENDA_MANAGER = "Solo il responsabile della sede può modificare la disponibilità dell'agenda.";

/** Whether the operator sets the office's availability: a RESPONSABILE (or an administrator). */
export function managesAgenda(actor: OperatorActor): boolean {
  return actor.role === "RESPONSABILE" || actor.role === "ADMIN";
}

export function requireAgendaManager(actor: OperatorActor): void {
  if (!managesAgenda(actor)) throw new ForbiddenError(NOT_AGENDA_MANAGER);
}
