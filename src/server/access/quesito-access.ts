import type { Prisma } from "@/generated/prisma/client";
import type { OperatorActor } from "@/server/identity/actor";

/**
 * The quesiti an operator may see and work on: those with their office, and
 * nothing else. Written on the quesito so that the queue uses the office
 * index; requestAccessWhere applies the same rule to an operator's requests,
 * and the quesito page's hand-written read (read-quesito-opening.ts, decision
 * 0054) writes it in SQL. Another office's quesito is simply not found.
 */
export function officeQuesitiWhere(operator: OperatorActor): Prisma.QuesitoWhereInput {
  return { officeId: operator.office.id };
}
