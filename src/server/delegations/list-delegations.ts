import "server-only";
import type { DelegationKind, DelegationStatus, Gestione } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import type { ContributorActor } from "@/server/identity/actor";
import { effectiveStatus } from "./effective-status";

export type DelegationParty = { codiceFiscale: string; name: string };

export type DelegationSummary = {
  id: string;
  kind: DelegationKind;
  /** EXPIRED for an ACTIVE delegation past its end date. */
  status: DelegationStatus;
  holder: DelegationParty;
  delegate: DelegationParty;
  positions: { id: string; gestione: Gestione; matricola: string; denominazione: string }[];
  validFrom: Date;
  validTo: Date | null;
  revokedAt: Date | null;
  revokedReason: string | null;
  /** Only the holder may revoke, and only a delegation still pending or in force. */
  revocable: boolean;
};

const party = (person: { codiceFiscale: string; givenName: string; familyName: string }): DelegationParty => ({
  codiceFiscale: person.codiceFiscale,
  name: `${person.givenName} ${person.familyName}`,
});

/**
 * The delegations that concern the actor under their profile: as holder, those
 * given on their positions; as intermediary or employee, those they hold of
 * that kind. Newest first.
 */
export async function listDelegations(actor: ContributorActor, now = new Date()): Promise<DelegationSummary[]> {
  const { profile } = actor;
  const isHolder = profile === "TITOLARE";
  const delegations = await prisma.delegation.findMany({
    where: profile === "TITOLARE" ? { holderId: actor.personId } : { delegateId: actor.personId, kind: profile },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      kind: true,
      status: true,
      validFrom: true,
      validTo: true,
      revokedAt: true,
      revokedReason: true,
      holder: { select: { codiceFiscale: true, givenName: true, familyName: true } },
      delegate: { select: { codiceFiscale: true, givenName: true, familyName: true } },
      scope: {
        orderBy: { position: { matricola: "asc" } },
        select: { position: { select: { id: true, gestione: true, matricola: true, denominazione: true } } },
      },
    },
  });
  return delegations.map((delegation) => {
    const status = effectiveStatus(delegation, now);
    return {
      id: delegation.id,
      kind: delegation.kind,
      status,
      holder: party(delegation.holder),
      delegate: party(delegation.delegate),
      positions: delegation.scope.map(({ position }) => position),
      validFrom: delegation.validFrom,
      validTo: delegation.validTo,
      revokedAt: delegation.revokedAt,
      revokedReason: delegation.revokedReason,
      revocable: isHolder && (status === "ACTIVE" || status === "PENDING"),
    };
  });
}
