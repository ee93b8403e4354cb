import type { Prisma } from "@/generated/prisma/client";
import type { ContributorActor, OperatorActor } from "@/server/identity/actor";

/** A delegation gives access only while ACTIVE and inside its validity window. */
export function effectiveDelegationWhere(now: Date): Prisma.DelegationWhereInput {
  return {
    status: "ACTIVE",
    validFrom: { lte: now },
    OR: [{ validTo: null }, { validTo: { gt: now } }],
  };
}

/**
 * The positions a contributor may act on under the profile they chose: their
 * own as holder, or those covered by an effective delegation of the matching
 * kind. Every read of a position-owned record starts from this clause.
 */
export function actablePositionsWhere(actor: ContributorActor, now: Date): Prisma.PositionWhereInput {
  if (actor.profile === "TITOLARE") return { holderId: actor.personId };
  return {
    delegations: {
      some: {
        delegation: { delegateId: actor.personId, kind: actor.profile, ...effectiveDelegationWhere(now) },
      },
    },
  };
}

/**
 * The positions under an office's competence: those whose competent office it
 * is. An operator writes first only to these; any other is simply not found.
 */
export function officePositionsWhere(operator: OperatorActor): Prisma.PositionWhereInput {
  return { officeId: operator.office.id };
}
