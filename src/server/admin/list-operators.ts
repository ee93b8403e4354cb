import "server-only";
import type { OperatorRole } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import { listOffices } from "@/server/offices/list-offices";
import type { OperatorActor } from "@/server/identity/actor";
import { operatorSelect } from "./operator-changes";
import { assertAdmin } from "./policy";

export type OperatorsView = {
  operators: {
    id: string;
    codiceFiscale: string;
    givenName: string;
    familyName: string;
    email: string;
    role: OperatorRole;
    active: boolean;
    officeId: string;
    officeName: string;
    version: number;
  }[];
  /** The offices an operator may be assigned to, for the forms. */
  offices: { id: string; code: string; name: string }[];
};

/**
 * The operators' page: every operator, active or not, by name, with the
 * offices to choose from. The table is small (hundreds of operators), so it
 * is read whole.
 */
export async function listOperators(actor: OperatorActor): Promise<OperatorsView> {
  assertAdmin(actor);
  const [operators, offices] = await Promise.all([
    prisma.operator.findMany({
      orderBy: [{ familyName: "asc" }, { givenName: "asc" }, { id: "asc" }],
      select: { ...operatorSelect, office: { select: { name: true } } },
    }),
    listOffices(),
  ]);
  return { operators: operators.map(({ office, ...operator }) => ({ ...operator, officeName: office.name })), offices };
}
