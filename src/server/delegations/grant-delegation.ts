import "server-only";
import { isUuid } from "@/lib/form-fields";
import { prisma } from "@/server/db/client";
import { ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { ContributorActor } from "@/server/identity/actor";
import { alreadyDelegatedMessage, alreadyDelegatedPositions, validToOf } from "./delegation-rules";
import { grantDelegationSchema } from "./schemas";

/**
 * The holder gives a delegation on some of their positions, in force from now
 * until the end of the chosen day (or without end). Only a holder acting as
 * such may grant: an intermediary can never give themselves access.
 */
export async function grantDelegation(
  actor: ContributorActor,
  /** The posted form: delegateCodiceFiscale, kind, positionIds, validTo (yyyy-mm-dd or empty). */
  input: unknown,
  now = new Date(),
): Promise<{ id: string }> {
  if (actor.profile !== "TITOLARE") {
    throw new ForbiddenError("Solo il titolare delle posizioni può conferire una delega.");
  }
  const { delegateCodiceFiscale, kind, positionIds, validTo: lastDay } = parseInput(grantDelegationSchema, input);

  const errors: FieldErrors = {};
  const validTo = validToOf(lastDay, now);
  if (validTo.error) errors.validTo = [validTo.error];
  const delegate = await prisma.person.findUnique({ where: { codiceFiscale: delegateCodiceFiscale }, select: { id: true } });
  if (!delegate) errors.delegateCodiceFiscale = ["Nessuna persona registrata con questo codice fiscale."];
  else if (delegate.id === actor.personId) errors.delegateCodiceFiscale = ["Non puoi conferire una delega a te stesso."];
  if (!delegate || Object.keys(errors).length > 0) throw new ValidationError(errors);

  const wanted = [...new Set(positionIds)];
  return prisma.$transaction(async (tx) => {
    const owned = await tx.position.findMany({
      where: { id: { in: wanted.filter(isUuid) }, holderId: actor.personId },
      select: { id: true },
    });
    if (owned.length !== wanted.length) throw new NotFoundError("Una delle posizioni indicate non esiste o non è accessibile.");
    const taken = await alreadyDelegatedPositions(tx, { delegateId: delegate.id, kind, positionIds: wanted, now });
    if (taken.length > 0) throw new ValidationError({ positionIds: [alreadyDelegatedMessage(taken)] });
    return tx.delegation.create({
      data: {
        kind,
        status: "ACTIVE",
        origin: "CONFERITA",
        holderId: actor.personId,
        delegateId: delegate.id,
        validFrom: now,
        validTo: validTo.instant,
        scope: { create: owned.map(({ id }) => ({ positionId: id })) },
      },
      select: { id: true },
    });
  });
}
