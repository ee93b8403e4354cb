import "server-only";
import type { SmartTaskKind } from "@/generated/prisma/enums";
import { fullName } from "@/lib/full-name";
import { effectiveDelegationWhere } from "@/server/access/position-access";
import { getConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import type { ContributorActor } from "@/server/identity/actor";
import { listActorPositions, type ActorPosition } from "@/server/positions/list-actor-positions";
import { availableSmartTaskKinds } from "./enablement";

export type DelegationChoice = { value: string; label: string };

export type SmartTaskForms = {
  kinds: SmartTaskKind[];
  positions: ActorPosition[];
  /** The choices of the kinds' "delegation" fields: the intermediary delegations in force that concern the actor. */
  delegations: DelegationChoice[];
};

/**
 * What the Smart-Task page offers the actor: the kinds open to them
 * (decision 0037), the positions they may file on, and their own
 * intermediary delegations in force (as holder: those they gave; as
 * intermediary: those they received), named by the other party and the
 * matricole covered.
 */
export async function getSmartTaskForms(actor: ContributorActor, now = new Date()): Promise<SmartTaskForms> {
  const kinds = availableSmartTaskKinds(actor, getConfig());
  if (kinds.length === 0) return { kinds, positions: [], delegations: [] };
  const asHolder = actor.profile === "TITOLARE";
  const [positions, delegations] = await Promise.all([
    listActorPositions(actor, now),
    prisma.delegation.findMany({
      where: {
        kind: "INTERMEDIARIO",
        ...(asHolder ? { holderId: actor.personId } : { delegateId: actor.personId }),
        ...effectiveDelegationWhere(now),
      },
      orderBy: { createdAt: "desc" },
      take: 200,
      select: {
        id: true,
        holder: { select: { givenName: true, familyName: true } },
        delegate: { select: { givenName: true, familyName: true } },
        scope: { select: { position: { select: { matricola: true } } }, orderBy: { position: { matricola: "asc" } } },
      },
    }),
  ]);
  return {
    kinds,
    positions,
    delegations: delegations.map((delegation) => ({
      value: delegation.id,
      label: `${asHolder ? `A ${fullName(delegation.delegate)}` : `Da ${fullName(delegation.holder)}`} – posizioni ${delegation.scope
        .map((item) => item.position.matricola)
        .join(", ")}`,
    })),
  };
}
