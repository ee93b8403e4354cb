import "server-only";
import { prisma } from "@/server/db/client";
import { ConflictError } from "@/server/errors/domain-errors";
import { notFoundFor } from "@/server/access/report-foreign-record";
import type { ContributorActor } from "@/server/identity/actor";
import { DELEGATION_NOT_FOUND, parseDelegationInput } from "./delegation-rules";
import { effectiveStatus } from "./effective-status";
import { revokeDelegationSchema, type RevokeDelegationInput } from "./schemas";

const NOT_REVOCABLE = "La delega non è più in vigore: non può essere revocata.";

/**
 * The holder ends a delegation in force (a pending request is rejected
 * instead: reject-delegation-request.ts). The delegate's
 * access ends at once: every read checks the delegation's status.
 */
export async function revokeDelegation(actor: ContributorActor, input: RevokeDelegationInput, now = new Date()): Promise<{ id: string }> {
  if (actor.profile !== "TITOLARE") throw await notFoundFor(actor, "delegation", input.delegationId, DELEGATION_NOT_FOUND);
  const { delegationId, reason } = parseDelegationInput(revokeDelegationSchema, input);

  return prisma.$transaction(async (tx) => {
    const delegation = await tx.delegation.findFirst({
      where: { id: delegationId, holderId: actor.personId },
      select: { id: true, status: true, validTo: true },
    });
    if (!delegation) throw await notFoundFor(actor, "delegation", delegationId, DELEGATION_NOT_FOUND);
    const status = effectiveStatus(delegation, now);
    if (status !== "ACTIVE") throw new ConflictError(NOT_REVOCABLE);
    const { count } = await tx.delegation.updateMany({
      where: { id: delegation.id, status: "ACTIVE" },
      data: { status: "REVOKED", revokedAt: now, revokedReason: reason },
    });
    if (count === 0) throw new ConflictError(NOT_REVOCABLE);
    return { id: delegation.id };
  });
}
