import type { OperatorActor } from "@/server/identity/actor";

/** Who reads the access log: a RESPONSABILE (their office's operators) and an ADMIN (everyone). */
export function readsAccessLog(actor: Pick<OperatorActor, "role">): boolean {
  return actor.role === "RESPONSABILE" || actor.role === "ADMIN";
}
