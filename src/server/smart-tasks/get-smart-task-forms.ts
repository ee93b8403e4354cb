import "server-only";
import type { DelegationKind, SmartTaskKind } from "@/generated/prisma/enums";
import { fullName } from "@/lib/full-name";
import { effectiveDelegationWhere } from "@/server/access/position-access";
import { prisma } from "@/server/db/client";
import type { ContributorActor } from "@/server/identity/actor";
import { listActorPositions, type ActorPosition } from "@/server/positions/list-actor-positions";
import { availableSmartTaskKinds } from "./enablement";
import { smartTaskKinds } from "./kinds";

export type DelegationChoice = { value: string; label: string };

export type SmartTaskForms = {
  kinds: SmartTaskKind[];
  positions: ActorPosition[];
  /** The choices of the kinds' "delegation" fields, per kind of delegation: those in force that concern the actor. */
  delegations: Record<DelegationKind, DelegationChoice[]>;
};

/**
 * What the Smart-Task page offers the actor: the kinds open to them
 * (decision 0037), the positions they may file on, and their own
 * delegations in force of the kinds the forms ask for (as holder: those they
 * gave; as intermediary or employee: those they received), named by the
 * other party and the matricole covered.
 */
export async function getSmartTaskForms(actor: ContributorActor, now = new Date()): Promise<SmartTaskForms> {
  const kinds = await availableSmartTaskKinds(actor);
  const delegationKinds = kinds.flatMap((kind) =>
    smartTaskKinds[kind].fields.flatMap((field) => (field.type === "delegation" ? [field.delegationKind] : [])),
  );
  if (kinds.length === 0) return { kinds, positions: [], delegations: { INTERMEDIARIO: [], DIPENDENTE: [] } };
  const asHolder = actor.profile === "TITOLARE";
  const [positions, delegations] = await Promise.all([
    listActorPositions(actor, now),
    prisma.delegation.findMany({
      where: {
        kind: { in: delegationKinds },
        ...(asHolder ? { holderId: actor.personId } : { delegateId: actor.personId }),
        ...effectiveDelegationWhere(now),
      },
      orderBy: { createdAt: "desc" },
      take: 200,
      select: {
        id: true,
        kind: true,
        holder: { select: { givenName: true, familyName: true } },
        delegate: { select: { givenName: true, familyName: true } },
        scope: { select: { position: { select: { matricola: true } } }, orderBy: { position: { matricola: "asc" } } },
      },
    }),
  ]);
  const choice = (delegation: (typeof delegations)[number]): DelegationChoice => ({
    value: delegation.id,
    label: `${asHolder ? `A ${fullName(delegation.delegate)}` : `Da ${fullName(delegation.holder)}`} – posizioni ${delegation.scope
      .map((item) => item.position.matricola)
      .join(", ")}`,
  });
  return {
    kinds,
    positions,
    delegations: {
      INTERMEDIARIO: delegations.filter((delegation) => delegation.kind === "INTERMEDIARIO").map(choice),
      DIPENDENTE: delegations.filter((delegation) => delegation.kind === "DIPENDENTE").map(choice),
    },
  };
}
