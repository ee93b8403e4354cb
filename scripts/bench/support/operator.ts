import type { PrismaClient } from "../../../src/generated/prisma/client";
import type { OperatorActor } from "../../../src/server/identity/actor";

/** The office's first operator (by codice fiscale), as an office session resolves them: who the office benchmarks measure for. */
export async function benchOperator(prisma: PrismaClient, officeId: string): Promise<OperatorActor> {
  const row = await prisma.operator.findFirstOrThrow({ where: { officeId }, orderBy: { codiceFiscale: "asc" }, include: { office: true } });
  return {
    kind: "operator",
    operatorId: row.id,
    codiceFiscale: row.codiceFiscale,
    displayName: `${row.givenName} ${row.familyName}`,
    role: row.role,
    office: { id: row.office.id, code: row.office.code, name: row.office.name },
  };
}
