import { beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "@/server/config";
import { getContributorFile } from "@/server/contributors/get-contributor-file";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import { getQuesito } from "@/server/quesiti/get-quesito";
import { listOfficeQuesiti } from "@/server/quesiti/list-office-quesiti";
import { getRequest } from "@/server/requests/get-request";
import { requestSmartTask } from "@/server/smart-tasks/request-smart-task";
import { listSmartTasks } from "@/server/smart-tasks/list-smart-tasks";
import { processSmartTask } from "@/server/smart-tasks/process-smart-task";
import { createPerson } from "../../support/fixtures";
import { contributorActor, operatorActor } from "../../support/quesito-fixtures";
import { fileRevocation, smartTaskTestStart } from "./smart-task-fixtures";

beforeEach(smartTaskTestStart);

async function decidedRevocation() {
  const filed = await fileRevocation();
  await processSmartTask(prisma, parseConfig(process.env), filed.task.id);
  return filed;
}

describe("where a Smart-Task is read", () => {
  it("by the office, read-only: under the queue's Smart-Task filter, and in the contributor's file with its checks", async () => {
    const { office, holder, filed } = await decidedRevocation();
    const operator = await operatorActor(office.id);
    const quesito = await prisma.quesito.findUniqueOrThrow({ where: { requestId: filed.id } });

    expect((await listOfficeQuesiti(operator, { stato: "tutti", tipo: "smart_task" })).rows.map((row) => row.id)).toEqual([quesito.id]);
    expect((await listOfficeQuesiti(operator, { stato: "tutti", tipo: "ordinari" })).rows).toEqual([]);
    expect((await getQuesito(operator, quesito.id, "/fascicolo/quesiti")).actions).toEqual([]);

    const file = await getContributorFile(operator, holder.codiceFiscale, {}, "/fascicolo/contribuenti");
    const item = file.items.find((entry) => entry.kind === "richieste" && entry.id === filed.id);
    expect(item).toMatchObject({
      esitoLabel: "Accolta",
      subject: "Smart-Task › Revoca delega intermediario",
      smartTask: {
        statusLabel: "Accolta",
        checks: expect.arrayContaining([expect.objectContaining({ code: "DELEGA_IN_VIGORE", passed: true })]),
      },
    });
  });

  it("by the holder, on the request's page, with its status and checks (the intermediary who filed it has no delegation left)", async () => {
    const { asHolder, asIntermediary, filed } = await decidedRevocation();

    const { smartTask } = await getRequest(asHolder, filed.id);
    await expect(getRequest(asIntermediary, filed.id)).rejects.toBeInstanceOf(NotFoundError);

    expect(smartTask && requestSmartTask(smartTask)).toMatchObject({
      kindLabel: "Revoca delega intermediario",
      statusLabel: "Accolta",
      checks: expect.arrayContaining([expect.objectContaining({ code: "DELEGA_IN_VIGORE", passed: true })]),
    });
  });

  it("by nobody else: another contributor, or another office, finds no task", async () => {
    const { filed } = await decidedRevocation();
    const quesito = await prisma.quesito.findUniqueOrThrow({ where: { requestId: filed.id } });
    const stranger = contributorActor(await createPerson("Estraneo"), "INTERMEDIARIO");
    await expect(getRequest(stranger, filed.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listSmartTasks(stranger)).toEqual([]);
    const otherOffice = await operatorActor(
      (await prisma.office.create({ data: { code: "0999", name: "Altra", region: "Lazio", city: "Roma" } })).id,
    );
    await expect(getQuesito(otherOffice, quesito.id, "/fascicolo/quesiti")).rejects.toBeInstanceOf(NotFoundError);
    expect((await listOfficeQuesiti(otherOffice, { stato: "tutti", tipo: "smart_task" })).rows).toEqual([]);
  });
});
