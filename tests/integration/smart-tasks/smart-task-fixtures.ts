import { randomUUID } from "node:crypto";
import type { DelegationKind, SmartTaskKind, SmartTaskOpening, SmartTaskStatus } from "@/generated/prisma/enums";
import { parseConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { fileSmartTask } from "@/server/smart-tasks/file-smart-task";
import { processSmartTask } from "@/server/smart-tasks/process-smart-task";
import { createDelegation, createOffice, createPerson, createPosition } from "../../support/fixtures";
import { contributorActor } from "../../support/quesito-fixtures";
import { resetDatabase } from "../../support/test-database";

/** A holder's position at a new office and a person with a delegation of `kind` in force on it (with an archive e-mail). */
async function positionDelegatedTo(kind: DelegationKind, holderName: string, delegateName: string) {
  const office = await createOffice();
  const holder = await createPerson(holderName);
  const delegate = await createPerson(delegateName);
  const position = await createPosition(holder.id, office.id, "AZIENDE");
  const delegation = await createDelegation({ holderId: holder.id, delegateId: delegate.id, positionIds: [position.id], kind });
  await prisma.personArchiveContact.create({
    data: { personId: delegate.id, email: `${delegate.codiceFiscale.toLowerCase()}@example.it` },
  });
  return { office, holder, delegate, position, delegation };
}

/** A holder's position at a new office, an intermediary with a delegation in force on it, and both as actors. */
export async function delegatedPosition() {
  const { delegate: intermediary, ...setting } = await positionDelegatedTo("INTERMEDIARIO", "Titolare", "Intermediario");
  return {
    ...setting,
    intermediary,
    asHolder: contributorActor(setting.holder, "TITOLARE"),
    asIntermediary: contributorActor(intermediary, "INTERMEDIARIO"),
  };
}

/** The fields of a REVOCA DELEGA INTERMEDIARIO form. */
export function revocationForm(positionId: string, delegationId: string, extra: Record<string, string> = {}): Record<string, string> {
  return { kind: "REVOCA_DELEGA_INTERMEDIARIO", positionId, delegationId, reason: "", idempotencyKey: randomUUID(), ...extra };
}

/** Each test from empty tables, with the first kind open to everybody. */
export async function smartTaskTestStart(): Promise<void> {
  await resetDatabase();
  await openSmartTasks("REVOCA_DELEGA_INTERMEDIARIO");
}

/** A delegated position and the intermediary's REVOCA DELEGA INTERMEDIARIO of that delegation, filed (not yet processed). */
export async function fileRevocation() {
  const setting = await delegatedPosition();
  const filed = await fileSmartTask(setting.asIntermediary, revocationForm(setting.position.id, setting.delegation.id));
  const task = await prisma.smartTask.findUniqueOrThrow({ where: { requestId: filed.id } });
  return { ...setting, filed, task };
}

/** A company's position at a new office, an employee with a delegation in force on it, and both as actors. */
export async function employeePosition() {
  const { holder: company, delegate: employee, ...setting } = await positionDelegatedTo("DIPENDENTE", "Azienda", "Dipendente");
  return {
    ...setting,
    company,
    employee,
    asCompany: contributorActor(company, "TITOLARE"),
    asEmployee: contributorActor(employee, "DIPENDENTE"),
  };
}

/** Two processors of the same task at once, as two workers picking up its job and its retry: their outcomes. */
export function processTwiceAtOnce(smartTaskId: string): Promise<(SmartTaskStatus | null)[]> {
  const config = parseConfig(process.env);
  return Promise.all([processSmartTask(prisma, config, smartTaskId), processSmartTask(prisma, config, smartTaskId)]);
}

/** Sets who may file `kind`, as /admin/smart-task does (decision 0046). */
export async function setSmartTaskOpening(kind: SmartTaskKind, opening: SmartTaskOpening): Promise<void> {
  await prisma.smartTaskEnablement.upsert({ where: { kind }, create: { kind, opening }, update: { opening } });
}

/** Opens the kinds to everybody. */
export async function openSmartTasks(...kinds: SmartTaskKind[]): Promise<void> {
  for (const kind of kinds) await setSmartTaskOpening(kind, "TUTTI");
}

/** The pilot group, replaced. */
export async function setPilotGroup(codiciFiscali: string[]): Promise<void> {
  await prisma.smartTaskPilotGroup.upsert({ where: { id: 1 }, create: { codiciFiscali }, update: { codiciFiscali } });
}
