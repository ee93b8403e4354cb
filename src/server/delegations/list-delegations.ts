import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { DelegationKind, DelegationOrigin, DelegationStatus, Gestione } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import type { ContributorActor } from "@/server/identity/actor";
import { VERIFICATION_ATTEMPTS_MAX } from "./delegation-rules";
import { effectiveStatus } from "./effective-status";

export type DelegationParty = { codiceFiscale: string; name: string };

/** Where a delegate's pending request stands. */
export type PendingRequest = {
  requestedAt: Date;
  /** Waiting for the holder to accept, or for the delegate to enter the code. */
  stage: "awaiting-holder" | "awaiting-code";
  codeExpiresAt: Date | null;
  /** False once the code has expired: the holder must issue a new one. */
  codeValid: boolean;
  attemptsLeft: number;
};

export type DelegationSummary = {
  id: string;
  kind: DelegationKind;
  origin: DelegationOrigin;
  /** EXPIRED for an ACTIVE delegation past its end date. */
  status: DelegationStatus;
  /** The actor's side of it. */
  side: "holder" | "delegate";
  holder: DelegationParty;
  delegate: DelegationParty;
  positions: { id: string; gestione: Gestione; matricola: string; denominazione: string }[];
  validFrom: Date;
  validTo: Date | null;
  revokedAt: Date | null;
  revokedReason: string | null;
  rejectedAt: Date | null;
  rejectedReason: string | null;
  /** Set for a request still PENDING. */
  pending: PendingRequest | null;
  /** The holder may revoke a delegation in force. */
  revocable: boolean;
  /** The holder may accept (or issue a new code for) a pending request, or reject it. */
  answerable: boolean;
  /** The delegate may enter the code. */
  confirmable: boolean;
};

const party = (person: { codiceFiscale: string; givenName: string; familyName: string }): DelegationParty => ({
  codiceFiscale: person.codiceFiscale,
  name: `${person.givenName} ${person.familyName}`,
});

/**
 * The delegations that concern the actor under their profile: as holder,
 * those on their positions and the requests they themselves made as a
 * delegate that still wait; as intermediary or employee, those they hold or
 * asked for of that kind. Newest first.
 */
export async function listDelegations(actor: ContributorActor, now = new Date()): Promise<DelegationSummary[]> {
  const { profile, personId } = actor;
  const where: Prisma.DelegationWhereInput =
    profile === "TITOLARE"
      ? { OR: [{ holderId: personId }, { delegateId: personId, status: "PENDING" }] }
      : { delegateId: personId, kind: profile };
  const delegations = await prisma.delegation.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      kind: true,
      origin: true,
      status: true,
      holderId: true,
      validFrom: true,
      validTo: true,
      acceptedAt: true,
      verificationCodeExpiresAt: true,
      verificationAttempts: true,
      revokedAt: true,
      revokedReason: true,
      rejectedAt: true,
      rejectedReason: true,
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
    const side = delegation.holderId === personId && profile === "TITOLARE" ? "holder" : "delegate";
    const pending: PendingRequest | null =
      status === "PENDING"
        ? {
            requestedAt: delegation.validFrom,
            stage: delegation.acceptedAt ? "awaiting-code" : "awaiting-holder",
            codeExpiresAt: delegation.verificationCodeExpiresAt,
            codeValid: delegation.verificationCodeExpiresAt !== null && delegation.verificationCodeExpiresAt > now,
            attemptsLeft: VERIFICATION_ATTEMPTS_MAX - delegation.verificationAttempts,
          }
        : null;
    return {
      id: delegation.id,
      kind: delegation.kind,
      origin: delegation.origin,
      status,
      side,
      holder: party(delegation.holder),
      delegate: party(delegation.delegate),
      positions: delegation.scope.map(({ position }) => position),
      validFrom: delegation.validFrom,
      validTo: delegation.validTo,
      revokedAt: delegation.revokedAt,
      revokedReason: delegation.revokedReason,
      rejectedAt: delegation.rejectedAt,
      rejectedReason: delegation.rejectedReason,
      pending,
      revocable: side === "holder" && status === "ACTIVE",
      answerable: side === "holder" && pending !== null && delegation.origin === "RICHIESTA",
      confirmable: side === "delegate" && pending?.stage === "awaiting-code" && pending.codeValid,
    };
  });
}
