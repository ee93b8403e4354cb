import "server-only";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { changeOperator } from "./operator-changes";
import { operatorStatusSchema } from "./operator-schemas";
import { assertAdmin } from "./policy";

/** Reactivates an operator: they may sign in again, with the office and role they had. */
export async function reactivateOperator(actor: OperatorActor, input: unknown): Promise<{ changed: boolean; codiceFiscale: string }> {
  assertAdmin(actor);
  const { operatorId, expectedVersion } = parseInput(operatorStatusSchema, input);
  return changeOperator(actor, { operatorId, expectedVersion }, "AMMINISTRAZIONE_RIATTIVAZIONE", { active: true });
}
