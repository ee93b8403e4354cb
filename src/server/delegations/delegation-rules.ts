import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { DelegationKind } from "@/generated/prisma/enums";
import { romeDayEnd, romeDayStart } from "@/lib/rome-dates";
import { NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import { effectiveDelegationWhere } from "@/server/access/position-access";

/** Rules shared by the holder's grant, the delegate's request and its confirmation. */

/** How long a verification code stays valid after the holder accepted the request. */
export const VERIFICATION_CODE_TTL_MS = 72 * 60 * 60 * 1000;
/** Wrong codes allowed before the request is rejected. */
export const VERIFICATION_ATTEMPTS_MAX = 5;

export const DELEGATION_NOT_FOUND = "La delega richiesta non esiste o non è accessibile.";

/**
 * The input of a form about one delegation: a malformed id is a delegation
 * that does not exist; any other problem gets its field messages.
 */
export function parseDelegationInput<Schema extends z.ZodType<{ delegationId: string }>>(schema: Schema, input: unknown): z.output<Schema> {
  try {
    return parseInput(schema, input);
  } catch (error) {
    if (error instanceof ValidationError && error.fieldErrors.delegationId) throw new NotFoundError(DELEGATION_NOT_FOUND);
    throw error;
  }
}

/** The end of the chosen day, Rome time; the message when that day is not after today. */
export function validToOf(validTo: string | undefined, now: Date): { instant: Date | null; error?: string } {
  if (!validTo) return { instant: null };
  if (romeDayStart(validTo) <= now) return { instant: null, error: "La data di fine deve essere successiva a oggi." };
  return { instant: romeDayEnd(validTo) };
}

/**
 * The positions among `positionIds` already covered, for this delegate and
 * kind, by a delegation in force or awaiting confirmation: a second one would
 * only blur which delegation a revocation ends. Takes a lock per delegate for
 * the rest of the transaction, so that two concurrent grants cannot both pass.
 */
export async function alreadyDelegatedPositions(
  tx: Prisma.TransactionClient,
  input: { delegateId: string; kind: DelegationKind; positionIds: string[]; now: Date; exceptDelegationId?: string },
): Promise<{ matricola: string; denominazione: string }[]> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`delegate:${input.delegateId}`}, 0))`;
  return tx.position.findMany({
    where: {
      id: { in: input.positionIds },
      delegations: {
        some: {
          delegation: {
            delegateId: input.delegateId,
            kind: input.kind,
            ...(input.exceptDelegationId ? { id: { not: input.exceptDelegationId } } : {}),
            OR: [{ status: "PENDING" }, effectiveDelegationWhere(input.now)],
          },
        },
      },
    },
    orderBy: { matricola: "asc" },
    select: { matricola: true, denominazione: true },
  });
}

export function alreadyDelegatedMessage(positions: { matricola: string }[]): string {
  const list = positions.map((position) => position.matricola).join(", ");
  return positions.length === 1
    ? `Esiste già una delega in vigore o in attesa per la posizione ${list}.`
    : `Esistono già deleghe in vigore o in attesa per le posizioni ${list}.`;
}
