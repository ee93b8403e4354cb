import "server-only";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { changeOperator } from "./operator-changes";
import { updateOperatorSchema } from "./operator-schemas";
import { assertAdmin } from "./policy";

/**
 * An operator's office and role. The actor is read from the database on
 * every request, so the change applies at the operator's next click. The
 * last active ADMIN keeps their role, and nobody takes their own.
 */
export async function updateOperator(actor: OperatorActor, input: unknown): Promise<{ changed: boolean; codiceFiscale: string }> {
  assertAdmin(actor);
  const { operatorId, expectedVersion, officeId, role } = parseInput(updateOperatorSchema, input);
  return changeOperator(actor, { operatorId, expectedVersion }, "AMMINISTRAZIONE_MODIFICA", { officeId, role });
}
