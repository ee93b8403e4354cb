import "server-only";
import { prisma } from "@/server/db/client";
import { ConflictError } from "@/server/errors/domain-errors";
import { notFoundFor } from "@/server/access/report-foreign-record";
import type { ContributorActor } from "@/server/identity/actor";
import { DELEGATION_NOT_FOUND, parseDelegationInput } from "./delegation-rules";
import { rejectDelegationSchema } from "./schemas";

/** The holder refuses a delegate's pending request, with an optional reason the delegate reads. */
export async function rejectDelegationRequest(
  actor: ContributorActor,
  input: { delegationId: string; reason?: string },
  now = new Date(),
): Promise<{ id: string }> {
  if (actor.profile !== "TITOLARE") throw await notFoundFor(actor, "delegation-request", input.delegationId, DELEGATION_NOT_FOUND);
  const { delegationId, reason } = parseDelegationInput(rejectDelegationSchema, input);

  const delegation = await prisma.delegation.findFirst({
    where: { id: delegationId, holderId: actor.personId, origin: "RICHIESTA" },
    select: { id: true },
  });
  if (!delegation) throw await notFoundFor(actor, "delegation-request", delegationId, DELEGATION_NOT_FOUND);
  const { count } = await prisma.delegation.updateMany({
    where: { id: delegationId, status: "PENDING" },
    data: {
      status: "REJECTED",
      rejectedAt: now,
      rejectedReason: reason ?? null,
      verificationCodeHash: null,
      verificationCodeExpiresAt: null,
    },
  });
  if (count === 0) throw new ConflictError("La richiesta di delega non è più in attesa.");
  return { id: delegationId };
}
