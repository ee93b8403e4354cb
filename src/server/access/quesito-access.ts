import type { Prisma } from "@/generated/prisma/client";
import type { OperatorActor } from "@/server/identity/actor";

/**
 * The quesiti an operator may see and work on: those with their office, and
 * nothing else. Written on the quesito so that the queue uses the office
 * index; requestAccessWhere applies the same rule to an operator's requests,
 * and the hand-written reads write it as SQL through whereSql (decision 0057).
 * Another office's quesito is simply not found.
 */
export function officeQuesitiWhere(operator: OperatorActor): Prisma.QuesitoWhereInput {
  return { officeId: operator.office.id };
}
