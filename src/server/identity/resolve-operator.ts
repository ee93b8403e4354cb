import "server-only";
import { fullName } from "@/lib/full-name";
import { prisma } from "@/server/db/client";
import type { OperatorActor } from "./actor";

/** The operator behind an office session, or null once disabled or removed. */
export async function resolveOperator(operatorId: string): Promise<OperatorActor | null> {
  const operator = await prisma.operator.findFirst({
    where: { id: operatorId, active: true },
    include: { office: { select: { id: true, code: true, name: true } } },
  });
  if (!operator) return null;
  return {
    kind: "operator",
    operatorId: operator.id,
    codiceFiscale: operator.codiceFiscale,
    displayName: fullName(operator),
    role: operator.role,
    office: operator.office,
  };
}
