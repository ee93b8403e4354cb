import "server-only";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { changeOperator } from "./operator-changes";
import { operatorStatusSchema } from "./operator-schemas";
import { assertAdmin } from "./policy";

/**
 * Deactivates an operator: their open sessions end in the same transaction
 * (and checkSession refuses any it missed), so their next click goes to
 * sign-in. Their history stays. Never the last active ADMIN, nor oneself.
 */
export async function deactivateOperator(
  actor: OperatorActor,
  input: unknown,
  now = new Date(),
): Promise<{ changed: boolean; codiceFiscale: string }> {
  assertAdmin(actor);
  const { operatorId, expectedVersion } = parseInput(operatorStatusSchema, input);
  return changeOperator(actor, { operatorId, expectedVersion }, "AMMINISTRAZIONE_DISATTIVAZIONE", { active: false }, (tx) =>
    tx.authSession.updateMany({
      where: { realm: "FASCICOLO", operatorId, endedAt: null },
      data: { endedAt: now, endReason: "OPERATOR_DEACTIVATED" },
    }),
  );
}
