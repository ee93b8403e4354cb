import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { DelegationKind, DelegationOrigin, DelegationStatus, Gestione } from "@/generated/prisma/enums";
import { fullName } from "@/lib/full-name";
import { prisma } from "@/server/db/client";
import type { ContributorActor } from "@/server/identity/actor";
import { VERIFICATION_ATTEMPTS_MAX } from "./delegation-rules";
import { effectiveStatus } from "./effective-status";

export type DelegationParty = { codiceFiscale: string; name: string };

/**
 * Where a delegate's pending request stands: waiting for the holder to
 * accept it, for the delegate to enter the code, or for the holder to issue
 * a new code because the last one expired.
 */
export type PendingRequest = { requestedAt: Date; attemptsLeft: number } & (
  { stage: "awaiting-holder" } | { stage: "code-expired" } | { stage: "awaiting-code"; codeExpiresAt: Date }
);

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
  name: fullName(person),
});

function pendingRequest(
  delegation: { createdAt: Date; acceptedAt: Date | null; verificationCodeExpiresAt: Date | null; verificationAttempts: number },
  now: Date,
): PendingRequest {
  const common = { requestedAt: delegation.createdAt, attemptsLeft: VERIFICATION_ATTEMPTS_MAX - delegation.verificationAttempts };
  const expiresAt = delegation.verificationCodeExpiresAt;
  if (!delegation.acceptedAt) return { ...common, stage: "awaiting-holder" };
  if (!expiresAt || expiresAt <= now) return { ...common, stage: "code-expired" };
  return { ...common, stage: "awaiting-code", codeExpiresAt: expiresAt };
}

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
      createdAt: true,
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
    const pending = status === "PENDING" ? pendingRequest(delegation, now) : null;
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
      confirmable: side === "delegate" && pending?.stage === "awaiting-code",
    };
  });
}
