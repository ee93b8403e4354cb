import "server-only";
import { recordAdminChange } from "@/server/audit/record-admin-change";
import { prisma } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/create-once";
import { ValidationError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { officeCode, recordedOperator } from "./operator-changes";
import { createOperatorSchema, OPERATORS_PAGE } from "./operator-schemas";
import { assertAdmin } from "./policy";

const TAKEN = "Esiste già un operatore con questo codice fiscale: cercarlo nell'elenco e modificarne sede o ruolo.";

/**
 * "Aggiungi un operatore" (issue 16): by codice fiscale, with an office and a
 * role, recorded in the audit log in the same transaction. They sign in with
 * the operators' identity provider, which matches them by codice fiscale.
 */
export async function createOperator(actor: OperatorActor, input: unknown): Promise<{ id: string; codiceFiscale: string }> {
  assertAdmin(actor);
  const fields = parseInput(createOperatorSchema, input);
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.operator.findUnique({ where: { codiceFiscale: fields.codiceFiscale }, select: { id: true } })) {
        throw new ValidationError({ codiceFiscale: [TAKEN] });
      }
      const office = await officeCode(tx, fields.officeId);
      const created = await tx.operator.create({ data: fields, select: { id: true, codiceFiscale: true } });
      await recordAdminChange(
        actor,
        {
          action: "AMMINISTRAZIONE_CREAZIONE",
          targetType: "OPERATORE",
          targetId: created.codiceFiscale,
          before: null,
          after: recordedOperator({ ...fields, office, active: true }),
          page: OPERATORS_PAGE,
        },
        tx,
      );
      return created;
    });
  } catch (error) {
    // Two administrators adding the same person at once: the second is told as if it had come second.
    if (isUniqueViolation(error)) throw new ValidationError({ codiceFiscale: [TAKEN] });
    throw error;
  }
}
