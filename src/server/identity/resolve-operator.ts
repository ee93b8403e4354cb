import "server-only";
import { fullName } from "@/lib/full-name";
import type { OperatorActor } from "./actor";
import { readOperatorRecord, type OperatorRecord } from "./operator-record";

/** The actor an operator's row makes, or null once disabled. */
export function operatorActor(operator: OperatorRecord): OperatorActor | null {
  if (!operator.active) return null;
  return {
    kind: "operator",
    operatorId: operator.id,
    codiceFiscale: operator.codiceFiscale,
    displayName: fullName(operator),
    role: operator.role,
    office: operator.office,
  };
}

/** The operator behind an office session, or null once disabled or removed. */
export async function resolveOperator(operatorId: string): Promise<OperatorActor | null> {
  const operator = await readOperatorRecord(operatorId);
  return operator && operatorActor(operator);
}
