import { randomUUID } from "node:crypto";
import { prisma } from "@/server/db/client";
import { createDelegation, createOffice, createPerson, createPosition } from "../../support/fixtures";
import { contributorActor } from "../../support/quesito-fixtures";

/** A holder's position at a new office, an intermediary with a delegation in force on it, and both as actors. */
export async function delegatedPosition() {
  const office = await createOffice();
  const holder = await createPerson("Titolare");
  const intermediary = await createPerson("Intermediario");
  const position = await createPosition(holder.id, office.id, "AZIENDE");
  const delegation = await createDelegation({ holderId: holder.id, delegateId: intermediary.id, positionIds: [position.id] });
  await prisma.personArchiveContact.create({ data: { personId: intermediary.id, email: "studio@example.it" } });
  return {
    office,
    holder,
    intermediary,
    position,
    delegation,
    asHolder: contributorActor(holder, "TITOLARE"),
    asIntermediary: contributorActor(intermediary, "INTERMEDIARIO"),
  };
}

/** The fields of a REVOCA DELEGA INTERMEDIARIO form. */
export function revocationForm(positionId: string, delegationId: string, extra: Record<string, string> = {}): Record<string, string> {
  return { kind: "REVOCA_DELEGA_INTERMEDIARIO", positionId, delegationId, reason: "", idempotencyKey: randomUUID(), ...extra };
}
