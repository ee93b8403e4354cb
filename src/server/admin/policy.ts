import { NotFoundError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";

/** Whether the operator administers the portal (reference data, offices, limits, operators). */
export function isAdmin(actor: Pick<OperatorActor, "role">): boolean {
  return actor.role === "ADMIN";
}

/**
 * The first line of every administrative service: anyone but an ADMIN is told
 * the page or action does not exist, forged forms included (decision 0042).
 * The actor is read from the database on every request, so a deactivated
 * administrator, or one whose role was taken away, is refused at once.
 */
export function assertAdmin(actor: OperatorActor): void {
  if (!isAdmin(actor)) throw new NotFoundError();
}
