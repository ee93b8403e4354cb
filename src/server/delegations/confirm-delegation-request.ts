import "server-only";
import { prisma } from "@/server/db/client";
import { ConflictError, ValidationError } from "@/server/errors/domain-errors";
import { notFoundFor } from "@/server/access/report-foreign-record";
import type { ContributorActor } from "@/server/identity/actor";
import {
  alreadyDelegatedMessage,
  alreadyDelegatedPositions,
  DELEGATION_NOT_FOUND,
  parseDelegationInput,
  VERIFICATION_ATTEMPTS_MAX,
} from "./delegation-rules";
import { confirmDelegationSchema } from "./schemas";
import { verificationCodeMatches } from "./verification-code";

const NOT_PENDING = "La richiesta di delega non è più in attesa.";
const TOO_MANY_ATTEMPTS =
  "Codice di verifica errato inserito troppe volte: la richiesta di delega è stata respinta. Per operare sulle posizioni occorre una nuova richiesta.";

type Outcome = { kind: "activated" } | { kind: "wrong-code"; attemptsLeft: number } | { kind: "rejected" };

/**
 * The delegate enters the code the holder read out. The right code activates
 * the delegation from now; a wrong one counts, and at the limit the request
 * is rejected. The row is locked while the code is checked, so parallel
 * guesses are counted one by one.
 */
export async function confirmDelegationRequest(
  actor: ContributorActor,
  input: { delegationId: string; code: string },
  now = new Date(),
): Promise<{ id: string }> {
  const { delegationId, code } = parseDelegationInput(confirmDelegationSchema, input);

  const outcome = await prisma.$transaction(async (tx): Promise<Outcome> => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Delegation"
      WHERE id = ${delegationId}::uuid AND "delegateId" = ${actor.personId}::uuid AND origin = 'RICHIESTA'
      FOR UPDATE`;
    if (!locked) throw await notFoundFor(actor, "delegation-request", delegationId, DELEGATION_NOT_FOUND);
    const delegation = await tx.delegation.findUniqueOrThrow({
      where: { id: delegationId },
      select: {
        status: true,
        kind: true,
        holderId: true,
        validTo: true,
        acceptedAt: true,
        verificationCodeHash: true,
        verificationCodeExpiresAt: true,
        verificationAttempts: true,
        scope: { select: { position: { select: { id: true, holderId: true } } } },
      },
    });
    if (delegation.status !== "PENDING") throw new ConflictError(NOT_PENDING);
    if (!delegation.acceptedAt || !delegation.verificationCodeHash) {
      throw new ConflictError("Il titolare non ha ancora accettato la richiesta: riceverà il codice di verifica quando la accetterà.");
    }
    if (!delegation.verificationCodeExpiresAt || delegation.verificationCodeExpiresAt <= now) {
      throw new ConflictError("Il codice di verifica è scaduto: chiedere al titolare di generarne uno nuovo.");
    }

    if (!(await verificationCodeMatches(code, delegation.verificationCodeHash))) {
      const attempts = delegation.verificationAttempts + 1;
      const exhausted = attempts >= VERIFICATION_ATTEMPTS_MAX;
      await tx.delegation.update({
        where: { id: delegationId },
        data: exhausted
          ? {
              verificationAttempts: attempts,
              status: "REJECTED",
              rejectedAt: now,
              rejectedReason: "Codice di verifica errato inserito troppe volte.",
              verificationCodeHash: null,
              verificationCodeExpiresAt: null,
            }
          : { verificationAttempts: attempts },
      });
      return exhausted ? { kind: "rejected" } : { kind: "wrong-code", attemptsLeft: VERIFICATION_ATTEMPTS_MAX - attempts };
    }

    if (delegation.validTo && delegation.validTo <= now) {
      throw new ConflictError("La data di fine indicata nella richiesta è già trascorsa: occorre una nuova richiesta.");
    }
    const positionIds = delegation.scope.map(({ position }) => position.id);
    if (delegation.scope.some(({ position }) => position.holderId !== delegation.holderId)) {
      throw new ConflictError("Una delle posizioni richieste non è più intestata al titolare: occorre una nuova richiesta.");
    }
    const taken = await alreadyDelegatedPositions(tx, {
      delegateId: actor.personId,
      kind: delegation.kind,
      positionIds,
      now,
      exceptDelegationId: delegationId,
    });
    if (taken.length > 0) throw new ConflictError(alreadyDelegatedMessage(taken));
    await tx.delegation.update({
      where: { id: delegationId },
      data: {
        status: "ACTIVE",
        validFrom: now,
        verificationCodeHash: null,
        verificationCodeExpiresAt: null,
      },
    });
    return { kind: "activated" };
  });

  // Thrown after the transaction, so that the counted attempt is kept.
  if (outcome.kind === "rejected") throw new ConflictError(TOO_MANY_ATTEMPTS);
  if (outcome.kind === "wrong-code") {
    const left = outcome.attemptsLeft === 1 ? "resta 1 tentativo" : `restano ${outcome.attemptsLeft} tentativi`;
    throw new ValidationError({ code: [`Codice di verifica errato: ${left}.`] }, "Il codice di verifica non è corretto.");
  }
  return { id: delegationId };
}
