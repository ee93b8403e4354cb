import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/server/db/client";
import { NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import { fileSmartTask } from "@/server/smart-tasks/file-smart-task";
import { KIND_NOT_AVAILABLE } from "@/server/smart-tasks/schemas";
import { createPerson } from "../../support/fixtures";
import { contributorActor } from "../../support/quesito-fixtures";
import { resetDatabase } from "../../support/test-database";
import { delegatedPosition, openSmartTasks, revocationForm, setPilotGroup, setSmartTaskOpening } from "./smart-task-fixtures";

async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

beforeEach(async () => {
  await resetDatabase();
  await openSmartTasks("REVOCA_DELEGA_INTERMEDIARIO");
});

describe("filing a Smart-Task", () => {
  it("files it like a request: protocolled, routed to the position's office, with its task row and processing job", async () => {
    const { office, position, delegation, asIntermediary, holder } = await delegatedPosition();
    const filed = await fileSmartTask(asIntermediary, revocationForm(position.id, delegation.id, { reason: "Fine del mandato" }));

    const request = await prisma.request.findUniqueOrThrow({
      where: { id: filed.id },
      include: {
        quesito: true,
        smartTask: true,
        subject: { include: { parent: true } },
        events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      },
    });
    expect(request.protocolNumber).toBe(filed.protocolNumber);
    expect(request.holderId).toBe(holder.id);
    expect(request.actingProfile).toBe("INTERMEDIARIO");
    expect(request.quesito).toMatchObject({ officeId: office.id, smartTask: true, state: "NUOVO", gestione: "AZIENDE" });
    expect(`${request.subject.parent?.label} › ${request.subject.label}`).toBe("Smart-Task › Revoca delega intermediario");
    expect(request.subject.active).toBe(false);
    expect(request.smartTask).toMatchObject({
      kind: "REVOCA_DELEGA_INTERMEDIARIO",
      status: "INVIATA",
      payload: { delegationId: delegation.id, reason: "Fine del mandato" },
    });
    expect(request.events.map((event) => event.type)).toEqual(["PROTOCOLLATA", "SMISTATA"]);
    const jobs = await prisma.$queryRaw<{ name: string }[]>`SELECT name FROM pgboss.job WHERE id = ${request.smartTask!.id}::uuid`;
    expect(jobs).toEqual([{ name: "smart-task-processing" }]);
  });

  it("is idempotent per filer and key", async () => {
    const { position, delegation, asIntermediary } = await delegatedPosition();
    const form = revocationForm(position.id, delegation.id);
    const first = await fileSmartTask(asIntermediary, form);
    const again = await fileSmartTask(asIntermediary, form);
    expect(again).toEqual({ ...first, replayed: true });
    expect(await prisma.smartTask.count()).toBe(1);
  });

  it("answers a forged kind or forged fields with field messages, and files nothing", async () => {
    const { position, delegation, asIntermediary } = await delegatedPosition();
    expect(
      await fieldErrors(fileSmartTask(asIntermediary, revocationForm(position.id, delegation.id, { kind: "CANCELLA_TUTTO" }))),
    ).toEqual({
      kind: [KIND_NOT_AVAILABLE],
    });
    const forged = await fieldErrors(
      fileSmartTask(asIntermediary, revocationForm(position.id, "1 OR 1=1", { reason: "x".repeat(501), positionId: "altro" })),
    );
    expect(forged.delegationId).toEqual(["Scegliere la delega da revocare."]);
    expect(forged.reason).toEqual(["Il motivo può essere lungo al massimo 500 caratteri."]);
    expect(forged.positionId).toEqual(["Scegliere la posizione a cui si riferisce la richiesta."]);
    expect(await prisma.request.count()).toBe(0);
  });

  it("refuses a kind an administrator keeps closed, open only to a pilot group, or not open to the profile", async () => {
    const { position, delegation, asIntermediary, holder } = await delegatedPosition();
    const employee = contributorActor(await createPerson("Dipendente"), "DIPENDENTE");
    const form = () => revocationForm(position.id, delegation.id);

    await setSmartTaskOpening("REVOCA_DELEGA_INTERMEDIARIO", "DISABILITATO");
    expect(await fieldErrors(fileSmartTask(asIntermediary, form()))).toEqual({ kind: [KIND_NOT_AVAILABLE] });
    await prisma.smartTaskEnablement.deleteMany();
    expect(await fieldErrors(fileSmartTask(asIntermediary, form()))).toEqual({ kind: [KIND_NOT_AVAILABLE] });

    await setSmartTaskOpening("REVOCA_DELEGA_INTERMEDIARIO", "PILOTA");
    expect(await fieldErrors(fileSmartTask(asIntermediary, form()))).toEqual({ kind: [KIND_NOT_AVAILABLE] });
    await setPilotGroup([holder.codiceFiscale]);
    expect(await fieldErrors(fileSmartTask(asIntermediary, form()))).toEqual({ kind: [KIND_NOT_AVAILABLE] });
    await setPilotGroup([holder.codiceFiscale, asIntermediary.codiceFiscale]);
    await expect(fileSmartTask(asIntermediary, form())).resolves.toMatchObject({ replayed: false });

    await setSmartTaskOpening("REVOCA_DELEGA_INTERMEDIARIO", "TUTTI");
    expect(await fieldErrors(fileSmartTask(employee, form()))).toEqual({ kind: [KIND_NOT_AVAILABLE] });
    expect(await prisma.smartTask.count()).toBe(1);
  });

  it("does not find a position the filer may not act on", async () => {
    const { position, delegation } = await delegatedPosition();
    const stranger = contributorActor(await createPerson("Estraneo"), "INTERMEDIARIO");
    await expect(fileSmartTask(stranger, revocationForm(position.id, delegation.id))).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.request.count()).toBe(0);
  });
});
