import type { Prisma } from "@/generated/prisma/client";
import type { ContributorActor } from "@/server/identity/actor";
import { actablePositionsWhere } from "./position-access";

/** The office's communications of the positions a contributor may act on now (F09). */
export function receivedCommunicationsWhere(actor: ContributorActor, now: Date): Prisma.RequestWhereInput {
  return { direction: "DALLA_SEDE", position: actablePositionsWhere(actor, now) };
}

/** Those this person has not opened yet: read state is per person (decision 0021). */
export function unreadCommunicationsWhere(actor: ContributorActor, now: Date): Prisma.RequestWhereInput {
  return { ...receivedCommunicationsWhere(actor, now), reads: { none: { personId: actor.personId } } };
}
