import { beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { ValidationError } from "@/server/errors/domain-errors";
import { fileSmartTask } from "@/server/smart-tasks/file-smart-task";
import { getSmartTaskForms } from "@/server/smart-tasks/get-smart-task-forms";
import { listSmartTasks } from "@/server/smart-tasks/list-smart-tasks";
import { processSmartTask } from "@/server/smart-tasks/process-smart-task";
import { resetDatabase } from "../../support/test-database";
import { employeePosition, openSmartTasks, revocationForm } from "./smart-task-fixtures";

const config = () => parseConfig(process.env);
const form = (positionId: string, delegationId: string, extra: Record<string, string> = {}) =>
  revocationForm(positionId, delegationId, { kind: "REVOCA_DELEGA_DIPENDENTE", ...extra });

beforeEach(async () => {
  await resetDatabase();
  await openSmartTasks("REVOCA_DELEGA_INTERMEDIARIO", "REVOCA_DELEGA_DIPENDENTE");
});

async function fileAndProcess(...args: Parameters<typeof fileSmartTask>) {
  const filed = await fileSmartTask(...args);
  const task = await prisma.smartTask.findUniqueOrThrow({ where: { requestId: filed.id } });
  const outcome = await processSmartTask(prisma, config(), task.id);
  const decided = await prisma.smartTask.findUniqueOrThrow({ where: { id: task.id } });
  const closing = await prisma.requestEvent.findFirstOrThrow({ where: { requestId: filed.id, type: "CHIUSA" } });
  return { filed, outcome, decided, closing };
}

describe("REVOCA DELEGA DIPENDENTE", () => {
  it("offers the employee their own delegation, and the company those it gave, not the other kind's", async () => {
    const { delegation, asEmployee, asCompany } = await employeePosition();
    const other = await employeePosition();
    const forEmployee = await getSmartTaskForms(asEmployee);
    expect(forEmployee.kinds).toEqual(["REVOCA_DELEGA_DIPENDENTE"]);
    expect(forEmployee.delegations.DIPENDENTE.map((choice) => choice.value)).toEqual([delegation.id]);
    expect(forEmployee.delegations.INTERMEDIARIO).toEqual([]);
    const forCompany = await getSmartTaskForms(asCompany);
    expect(forCompany.kinds).toEqual(["REVOCA_DELEGA_INTERMEDIARIO", "REVOCA_DELEGA_DIPENDENTE"]);
    expect(forCompany.delegations.DIPENDENTE.map((choice) => choice.value)).toEqual([delegation.id]);
    expect(forCompany.delegations.DIPENDENTE.map((choice) => choice.value)).not.toContain(other.delegation.id);
  });

  it("filed by the employee for their own delegation: Accolta, the delegation revoked in the outcome's transaction", async () => {
    const { position, delegation, asEmployee } = await employeePosition();
    const { filed, outcome, decided, closing } = await fileAndProcess(
      asEmployee,
      form(position.id, delegation.id, { reason: "Dimissioni" }),
    );

    expect(outcome).toBe("ACCOLTA");
    const revoked = await prisma.delegation.findUniqueOrThrow({ where: { id: delegation.id } });
    expect(revoked).toMatchObject({ status: "REVOKED", revokedReason: `Revocata con la Smart-Task ${filed.protocolNumber}: Dimissioni` });
    expect(decided.checks).toEqual([
      { code: "DELEGA_ESISTENTE", label: "La delega esiste ed è una delega a un dipendente", passed: true, reason: null },
      { code: "DELEGA_DEL_RICHIEDENTE", label: "La delega riguarda chi presenta la richiesta", passed: true, reason: null },
      { code: "DELEGA_SULLA_POSIZIONE", label: "La delega copre la posizione della richiesta", passed: true, reason: null },
      { code: "DELEGA_IN_VIGORE", label: "La delega è in vigore", passed: true, reason: null },
    ]);
    expect(closing.comment).toBe(
      "Richiesta accolta: la delega è stata revocata; il dipendente non può più operare sulle posizioni dell'azienda che copriva.",
    );
    expect(await prisma.quesito.findUniqueOrThrow({ where: { requestId: filed.id } })).toMatchObject({ state: "CHIUSO", esito: "ACCOLTA" });
    // The employee, who lost the position, still reads the outcome among their own tasks.
    expect(await listSmartTasks(asEmployee)).toMatchObject([{ requestId: filed.id, status: "ACCOLTA" }]);
  });

  it("filed by the company on its position: Accolta", async () => {
    const { position, delegation, asCompany } = await employeePosition();
    const { outcome } = await fileAndProcess(asCompany, form(position.id, delegation.id));
    expect(outcome).toBe("ACCOLTA");
    expect((await prisma.delegation.findUniqueOrThrow({ where: { id: delegation.id } })).status).toBe("REVOKED");
  });

  it("filed by an employee of another company: Non accolta with the reason, nothing changed", async () => {
    const { delegation } = await employeePosition();
    const other = await employeePosition();
    const { outcome, decided, closing } = await fileAndProcess(other.asEmployee, form(other.position.id, delegation.id));

    expect(outcome).toBe("NON_ACCOLTA");
    const reason = "La delega indicata non è stata conferita a te: il dipendente può revocare solo la propria delega.";
    expect(decided.checks).toEqual([
      { code: "DELEGA_ESISTENTE", label: "La delega esiste ed è una delega a un dipendente", passed: true, reason: null },
      { code: "DELEGA_DEL_RICHIEDENTE", label: "La delega riguarda chi presenta la richiesta", passed: false, reason },
    ]);
    expect(closing.comment).toBe(`Richiesta non accolta. ${reason}`);
    expect((await prisma.delegation.findUniqueOrThrow({ where: { id: delegation.id } })).status).toBe("ACTIVE");
    expect((await prisma.delegation.findUniqueOrThrow({ where: { id: other.delegation.id } })).status).toBe("ACTIVE");
  });

  it("is Non accolta with each failed check's reason: another kind, another position, not in force", async () => {
    const { position, delegation, company, asCompany } = await employeePosition();
    const intermediary = await prisma.delegation.create({
      data: {
        kind: "INTERMEDIARIO",
        status: "ACTIVE",
        holderId: company.id,
        delegateId: (await employeePosition()).employee.id,
        validFrom: new Date("2024-01-01T00:00:00Z"),
      },
    });
    const wrongKind = await fileAndProcess(asCompany, form(position.id, intermediary.id));
    expect(wrongKind.decided.checks).toEqual([
      {
        code: "DELEGA_ESISTENTE",
        label: "La delega esiste ed è una delega a un dipendente",
        passed: false,
        reason: "La delega indicata non esiste o non è una delega a un dipendente.",
      },
    ]);

    await prisma.delegationScope.deleteMany({ where: { delegationId: delegation.id } });
    const notCovered = await fileAndProcess(asCompany, form(position.id, delegation.id));
    expect(notCovered.decided.checks).toContainEqual(
      expect.objectContaining({
        code: "DELEGA_SULLA_POSIZIONE",
        passed: false,
        reason: `La delega indicata non copre la posizione ${position.matricola} a cui si riferisce la richiesta.`,
      }),
    );

    await prisma.delegationScope.create({ data: { delegationId: delegation.id, positionId: position.id } });
    await prisma.delegation.update({ where: { id: delegation.id }, data: { status: "EXPIRED" } });
    const expired = await fileAndProcess(asCompany, form(position.id, delegation.id));
    expect(expired.decided.checks).toContainEqual(
      expect.objectContaining({ code: "DELEGA_IN_VIGORE", passed: false, reason: "La delega non è in vigore: risulta scaduta." }),
    );
    expect((await prisma.delegation.findUniqueOrThrow({ where: { id: delegation.id } })).status).toBe("EXPIRED");
  });

  it("answers forged fields with field messages and files nothing", async () => {
    const { position, asEmployee } = await employeePosition();
    const error = await fileSmartTask(asEmployee, form(position.id, "1 OR 1=1", { reason: "x".repeat(501), positionId: "altro" })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({
      delegationId: ["Scegliere la delega da revocare."],
      reason: ["Il motivo può essere lungo al massimo 500 caratteri."],
      positionId: ["Scegliere la posizione a cui si riferisce la richiesta."],
    });
    expect(await prisma.request.count()).toBe(0);
  });
});
