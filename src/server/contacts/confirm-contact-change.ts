import "server-only";
import type { ContactField } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import { verificationCodeMatches } from "@/server/delegations/verification-code";
import { isUuid } from "@/lib/form-fields";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { ContributorActor } from "@/server/identity/actor";
import { notFoundFor } from "@/server/access/report-foreign-record";
import { ADDRESS_FIELDS, CONTACT_CHANGE_NOT_FOUND, CONTACT_CODE_ATTEMPTS_MAX, type AddressName } from "./contact-rules";
import { confirmContactChangeSchema } from "./schemas";

type Outcome =
  | { kind: "confirmed"; field: ContactField; inForce: boolean }
  | { kind: "wrong-code"; attemptsLeft: number }
  | { kind: "voided" }
  | { kind: "expired" };

const addressOf = Object.fromEntries(Object.entries(ADDRESS_FIELDS).map(([name, field]) => [field, name])) as Record<
  ContactField,
  AddressName | undefined
>;

/**
 * The person types the code sent to their new e-mail, PEC or mobile. The
 * right code puts the address in force from now (a delegate's: marks it
 * verified, for their Smart-Task of variation to apply); a wrong one counts, and the
 * fifth voids the change; an expired code expires it. The change's row is
 * locked while the code is checked, so parallel guesses count one by one;
 * the refusal is thrown after the transaction, so the count is kept.
 */
export async function confirmContactChange(
  actor: ContributorActor,
  input: { changeId: string; code: string },
  now = new Date(),
): Promise<{ field: ContactField; inForce: boolean }> {
  // A malformed id names no change: not found, like someone else's.
  if (!isUuid(input.changeId)) throw new NotFoundError(CONTACT_CHANGE_NOT_FOUND);
  const { changeId, code } = parseInput(confirmContactChangeSchema, input);

  const outcome = await prisma.$transaction(async (tx): Promise<Outcome> => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT c.id FROM "ContactChange" c JOIN "ContactProfile" p ON p.id = c."profileId"
      WHERE c.id = ${changeId}::uuid AND p."personId" = ${actor.personId}::uuid
      FOR UPDATE OF c`;
    if (!locked) throw await notFoundFor(actor, "contact-change", changeId, CONTACT_CHANGE_NOT_FOUND);
    const change = await tx.contactChange.findUniqueOrThrow({ where: { id: changeId } });
    if (change.status !== "PENDING" || !change.codeHash || !change.codeExpiresAt) {
      throw new ConflictError("Questa modifica non attende più un codice: se serve, indicare di nuovo il recapito.");
    }
    if (change.codeExpiresAt <= now) {
      await tx.contactChange.update({ where: { id: changeId }, data: { status: "EXPIRED", resolvedAt: now, codeHash: null } });
      return { kind: "expired" };
    }
    if (!(await verificationCodeMatches(code, change.codeHash))) {
      const attempts = change.codeAttempts + 1;
      const exhausted = attempts >= CONTACT_CODE_ATTEMPTS_MAX;
      await tx.contactChange.update({
        where: { id: changeId },
        data: exhausted ? { codeAttempts: attempts, status: "VOIDED", resolvedAt: now, codeHash: null } : { codeAttempts: attempts },
      });
      return exhausted ? { kind: "voided" } : { kind: "wrong-code", attemptsLeft: CONTACT_CODE_ATTEMPTS_MAX - attempts };
    }
    const name = addressOf[change.field];
    if (!name) throw new ConflictError("Questa modifica non richiede un codice.");
    if (actor.profile !== "TITOLARE") {
      // A delegate's own new address waits for their Smart-Task of variation (decision 0037).
      await tx.contactChange.update({ where: { id: changeId }, data: { status: "VERIFIED", codeHash: null } });
      return { kind: "confirmed", field: change.field, inForce: false };
    }
    await tx.contactChange.update({ where: { id: changeId }, data: { status: "APPLIED", resolvedAt: now, codeHash: null } });
    await tx.contactProfile.update({ where: { id: change.profileId }, data: { [name]: change.newValue } });
    return { kind: "confirmed", field: change.field, inForce: true };
  });

  if (outcome.kind === "expired") {
    throw new ConflictError(
      "Il codice è scaduto: il nuovo recapito non è stato attivato. Per attivarlo indicarlo di nuovo: riceverà un nuovo codice.",
    );
  }
  if (outcome.kind === "voided") {
    throw new ConflictError(
      "Codice errato inserito troppe volte: la modifica è stata annullata. Per attivare il recapito indicarlo di nuovo.",
    );
  }
  if (outcome.kind === "wrong-code") {
    const left = outcome.attemptsLeft === 1 ? "resta 1 tentativo" : `restano ${outcome.attemptsLeft} tentativi`;
    throw new ValidationError({ code: [`Codice di verifica errato: ${left}.`] }, "Il codice di verifica non è corretto.");
  }
  return { field: outcome.field, inForce: outcome.inForce };
}
