import "server-only";
import { z } from "zod";
import { prisma } from "@/server/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import type { ContributorActor } from "@/server/identity/actor";
import { effectiveStatus } from "./effective-status";
import { revokeDelegationSchema, type RevokeDelegationInput } from "./schemas";

const DELEGATION_NOT_FOUND = "La delega richiesta non esiste o non è accessibile.";
const NOT_REVOCABLE = "La delega non è più in vigore: non può essere revocata.";

/**
 * The holder ends a delegation that is pending or in force. The delegate's
 * access ends at once: every read checks the delegation's status.
 */
export async function revokeDelegation(
  actor: ContributorActor,
  input: RevokeDelegationInput,
  now = new Date(),
): Promise<{ id: string }> {
  const parsed = revokeDelegationSchema.safeParse(input);
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    if (fieldErrors.delegationId) throw new NotFoundError(DELEGATION_NOT_FOUND);
    throw new ValidationError(fieldErrors);
  }
  if (actor.profile !== "TITOLARE") throw new NotFoundError(DELEGATION_NOT_FOUND);
  const { delegationId, reason } = parsed.data;

  return prisma.$transaction(async (tx) => {
    const delegation = await tx.delegation.findFirst({
      where: { id: delegationId, holderId: actor.personId },
      select: { id: true, status: true, validTo: true },
    });
    if (!delegation) throw new NotFoundError(DELEGATION_NOT_FOUND);
    const status = effectiveStatus(delegation, now);
    if (status !== "ACTIVE" && status !== "PENDING") throw new ConflictError(NOT_REVOCABLE);
    const { count } = await tx.delegation.updateMany({
      where: { id: delegation.id, status: delegation.status },
      data: { status: "REVOKED", revokedAt: now, revokedReason: reason },
    });
    if (count === 0) throw new ConflictError(NOT_REVOCABLE);
    return { id: delegation.id };
  });
}
