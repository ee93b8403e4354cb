import type { Prisma } from "@/generated/prisma/client";
import type { OperatorActor } from "@/server/identity/actor";
import { officePositionsWhere } from "./position-access";
import { officeQuesitiWhere } from "./quesito-access";

/** What a contributor's file outside the office's reach is, whether the person exists or not. */
export const CONTRIBUTOR_NOT_FOUND = "Il contribuente non esiste o il suo fascicolo non è accessibile dalla sede.";

/**
 * The people whose file an operator may open (F23), as two alternatives:
 * those with a position under the office's competence, and those with a
 * request whose quesito is in the office's queue (the quesito's copy of its
 * request's holder, one entry of `Quesito(holderId, officeId)` per person,
 * decision 0041). Anyone else is simply not found. A search reads each
 * alternative on its own: under an OR PostgreSQL would gather the whole
 * office's positions and quesiti first.
 */
export function openableContributorsArms(operator: OperatorActor): [Prisma.PersonWhereInput, Prisma.PersonWhereInput] {
  return [{ positions: { some: officePositionsWhere(operator) } }, { quesitiHeld: { some: officeQuesitiWhere(operator) } }];
}

/** The people whose file an operator may open, for one person looked up by codice fiscale. */
export function openableContributorsWhere(operator: OperatorActor): Prisma.PersonWhereInput {
  return { OR: openableContributorsArms(operator) };
}

/**
 * The requests about a person: held by them when sent, or of a position they
 * hold now. Read through the (holderId, createdAt) and (positionId,
 * createdAt) indexes.
 */
export function contributorRequestsWhere(personId: string, positionIds: string[]): Prisma.RequestWhereInput {
  return { OR: [{ holderId: personId }, { positionId: { in: positionIds } }] };
}

/**
 * Of a person's records, what the office reads in full: the requests whose
 * quesito is in its queue. Another office's quesito stays a summary
 * (protocol, subject, state, office), without text, messages or files.
 */
export function officeRequestsOfContributorWhere(
  operator: OperatorActor,
  personId: string,
  positionIds: string[],
): Prisma.RequestWhereInput {
  return { AND: [contributorRequestsWhere(personId, positionIds), { quesito: officeQuesitiWhere(operator) }] };
}

/** Internal notes are read only by the office whose operator wrote them. */
export function officeVisibleMessagesWhere(operator: OperatorActor): Prisma.MessageWhereInput {
  return { OR: [{ visibility: "PUBBLICO" }, { authorOperator: { officeId: operator.office.id } }] };
}
