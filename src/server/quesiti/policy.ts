import type { Prisma } from "@/generated/prisma/client";
import { isUuid } from "@/lib/form-fields";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";

/**
 * The quesiti an operator may see and work on: those with their office, and
 * nothing else (the office-side twin of requestAccessWhere, written on the
 * quesito so that the queue uses the office index). Another office's quesito
 * is simply not found.
 */
export function officeQuesitiWhere(operator: OperatorActor): Prisma.QuesitoWhereInput {
  return { officeId: operator.office.id };
}

/** The quesito id as given, or NotFoundError when it cannot name one. */
export function checkedQuesitoId(quesitoId: string): string {
  if (!isUuid(quesitoId)) throw new NotFoundError();
  return quesitoId;
}
