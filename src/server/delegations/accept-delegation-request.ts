import "server-only";
import { prisma } from "@/server/db/client";
import { ConflictError } from "@/server/errors/domain-errors";
import { notFoundFor } from "@/server/access/report-foreign-record";
import type { ContributorActor } from "@/server/identity/actor";
import { DELEGATION_NOT_FOUND, parseDelegationInput, VERIFICATION_CODE_TTL_MS } from "./delegation-rules";
import { delegationRequestSchema } from "./schemas";
import { generateVerificationCode, hashVerificationCode } from "./verification-code";

/**
 * The holder accepts a delegate's pending request: a fresh verification code
 * is issued and returned, to be shown to the holder only and read out to the
 * delegate, who enters it to activate the delegation. Accepting again issues
 * a new code and voids the previous one (a lost code); wrong attempts
 * already made still count.
 */
export async function acceptDelegationRequest(
  actor: ContributorActor,
  input: { delegationId: string },
  now = new Date(),
): Promise<{ id: string; code: string; expiresAt: Date }> {
  if (actor.profile !== "TITOLARE") throw await notFoundFor(actor, "delegation-request", input.delegationId, DELEGATION_NOT_FOUND);
  const { delegationId } = parseDelegationInput(delegationRequestSchema, input);

  const delegation = await prisma.delegation.findFirst({
    where: { id: delegationId, holderId: actor.personId, origin: "RICHIESTA" },
    select: { status: true, validTo: true },
  });
  if (!delegation) throw await notFoundFor(actor, "delegation-request", delegationId, DELEGATION_NOT_FOUND);
  if (delegation.status !== "PENDING") throw new ConflictError("La richiesta di delega non è più in attesa.");
  if (delegation.validTo && delegation.validTo <= now) {
    throw new ConflictError("La data di fine indicata nella richiesta è già trascorsa: la delega non può essere accettata.");
  }

  const code = generateVerificationCode();
  const expiresAt = new Date(now.getTime() + VERIFICATION_CODE_TTL_MS);
  const { count } = await prisma.delegation.updateMany({
    where: { id: delegationId, status: "PENDING" },
    data: { acceptedAt: now, verificationCodeHash: await hashVerificationCode(code), verificationCodeExpiresAt: expiresAt },
  });
  if (count === 0) throw new ConflictError("La richiesta di delega non è più in attesa.");
  return { id: delegationId, code, expiresAt };
}
