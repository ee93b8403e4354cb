import "server-only";
import { prisma } from "@/server/db/client";
import { ValidationError, type FieldErrors } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { ContributorActor } from "@/server/identity/actor";
import { alreadyDelegatedMessage, alreadyDelegatedPositions, validToOf } from "./delegation-rules";
import { requestDelegationSchema } from "./schemas";

export const HOLDER_MISMATCH =
  "Il codice fiscale e le matricole indicate non corrispondono: ogni matricola deve essere intestata al codice fiscale indicato. Controllare i dati.";

/**
 * An intermediary or employee asks a holder for a delegation on some of the
 * holder's positions, named by matricola. It gives no access: it waits,
 * PENDING, for the holder to accept it and for the code the holder then
 * receives to be entered here. Unless every matricola is the holder's, the
 * answer is one message that names none of them: a wrong codice fiscale, one
 * wrong matricola among several, or all wrong read the same, so the form
 * cannot be used to learn who holds what.
 */
export async function requestDelegation(
  actor: ContributorActor,
  /** The posted form: holderCodiceFiscale, kind, matricole (one text), validTo (yyyy-mm-dd or empty). */
  input: unknown,
  now = new Date(),
): Promise<{ id: string }> {
  const { holderCodiceFiscale, kind, matricole, validTo: lastDay } = parseInput(requestDelegationSchema, input);
  if (holderCodiceFiscale === actor.codiceFiscale) {
    throw new ValidationError({ holderCodiceFiscale: ["Non puoi chiedere una delega sulle tue posizioni."] });
  }

  const errors: FieldErrors = {};
  const validTo = validToOf(lastDay, now);
  if (validTo.error) errors.validTo = [validTo.error];
  const positions = await prisma.position.findMany({
    where: { matricola: { in: matricole }, holder: { codiceFiscale: holderCodiceFiscale } },
    select: { id: true, matricola: true, holderId: true },
  });
  // All or nothing, one message: naming the matricole that do not match would tell which ones do.
  if (positions.length !== matricole.length) errors.matricole = [HOLDER_MISMATCH];
  const holderId = positions[0]?.holderId;
  if (!holderId || Object.keys(errors).length > 0) throw new ValidationError(errors);

  const positionIds = positions.map((position) => position.id);
  return prisma.$transaction(async (tx) => {
    const taken = await alreadyDelegatedPositions(tx, { delegateId: actor.personId, kind, positionIds, now });
    if (taken.length > 0) throw new ValidationError({ matricole: [alreadyDelegatedMessage(taken)] });
    return tx.delegation.create({
      data: {
        kind,
        status: "PENDING",
        origin: "RICHIESTA",
        holderId,
        delegateId: actor.personId,
        validFrom: now,
        validTo: validTo.instant,
        scope: { create: positionIds.map((positionId) => ({ positionId })) },
      },
      select: { id: true },
    });
  });
}
