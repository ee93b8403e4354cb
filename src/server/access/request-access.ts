import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/identity/actor";
import { actablePositionsWhere } from "./position-access";
import { officeQuesitiWhere } from "./quesito-access";

/** What a request outside the actor's reach is, whether it exists or not. */
export const REQUEST_NOT_FOUND = "La richiesta non esiste o non è accessibile.";

/**
 * The requests an actor may see: a contributor those of the positions they
 * may act on now; an operator those whose quesito is with their office. Every
 * read of a request, its messages or its files starts from this clause, so
 * that anything else is simply not found.
 */
export function requestAccessWhere(actor: Actor, now: Date): Prisma.RequestWhereInput {
  if (actor.kind === "contributor") return { position: actablePositionsWhere(actor, now) };
  return { quesito: officeQuesitiWhere(actor) };
}

/** Internal notes exist only for the office. */
export function visibleMessagesWhere(actor: Actor): Prisma.MessageWhereInput {
  return actor.kind === "contributor" ? { visibility: "PUBBLICO" } : {};
}

/** The messages an actor may read now: visible to them, on a request within their reach. */
export function readableMessagesWhere(actor: Actor, now: Date): Prisma.MessageWhereInput {
  return { AND: [visibleMessagesWhere(actor), { request: requestAccessWhere(actor, now) }] };
}
