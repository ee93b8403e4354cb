import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import { closeQuesito } from "@/server/quesiti/close-quesito";
import { getQuesitoReassignment } from "@/server/quesiti/get-quesito-reassignment";
import { takeQuesito } from "@/server/quesiti/take-quesito";
import { createOffice, createOperator } from "../../support/fixtures";
import { createQuesito, operatorActor } from "../../support/quesito-fixtures";
import { readReferenceAsTheAppServer } from "../../support/reference-cache";
import { statementsOf } from "../../support/statement-log";

describe("getQuesitoReassignment", () => {
  it("offers the office's active operators by name and every other office, in one statement while the reference cache listens", async () => {
    const office = await createOffice();
    const otherOffice = await createOffice();
    const operator = await operatorActor(office.id);
    const colleague = await operatorActor(office.id);
    const retired = await createOperator(office.id, "OPERATORE", false);
    const { quesito, request } = await createQuesito({ officeId: office.id });
    await takeQuesito(operator, quesito.id, { expectedVersion: 0 });

    const stop = await readReferenceAsTheAppServer();
    try {
      await getQuesitoReassignment(operator, quesito.id); // fills the cache
      const { result, statements } = await statementsOf(() => getQuesitoReassignment(operator, quesito.id));

      expect(statements).toEqual([expect.stringMatching(/^SELECT .* FROM "public"\."Quesito"/)]);
      expect(result).toMatchObject({
        id: quesito.id,
        version: 1,
        state: "IN_LAVORAZIONE",
        stateLabel: "In lavorazione",
        protocolNumber: request.protocolNumber,
        office: { id: office.id, code: office.code },
        assignee: { id: operator.operatorId, name: operator.displayName },
        reassignable: true,
      });
      expect(result.operators.map((row) => row.name)).toEqual([operator.displayName, colleague.displayName].sort());
      expect(result.operators.map((row) => row.id)).not.toContain(retired.id);
      expect(result.offices.map((row) => row.id)).toContain(otherOffice.id);
      expect(result.offices.map((row) => row.id)).not.toContain(office.id);
      expect(result.offices.find((row) => row.id === otherOffice.id)?.label).toBe(`${otherOffice.name} (${otherOffice.code})`);
    } finally {
      await stop();
    }
  });

  it("says a closed quesito, or a Smart-Task, cannot be reassigned", async () => {
    const office = await createOffice();
    const operator = await operatorActor(office.id);
    const closed = await createQuesito({ officeId: office.id });
    await takeQuesito(operator, closed.quesito.id, { expectedVersion: 0 });
    await closeQuesito(operator, closed.quesito.id, { expectedVersion: 1, esito: "ACCOLTA", comment: "Fatto." });
    const smartTask = await createQuesito({ officeId: office.id });
    await prisma.quesito.update({ where: { id: smartTask.quesito.id }, data: { smartTask: true } });

    expect(await getQuesitoReassignment(operator, closed.quesito.id)).toMatchObject({ state: "CHIUSO", reassignable: false });
    expect(await getQuesitoReassignment(operator, smartTask.quesito.id)).toMatchObject({ state: "NUOVO", reassignable: false });
  });

  it("is not found for an operator of another office, nor for an id that names no quesito", async () => {
    const office = await createOffice();
    const { quesito } = await createQuesito({ officeId: office.id });
    const elsewhere = await operatorActor((await createOffice()).id);

    await expect(getQuesitoReassignment(elsewhere, quesito.id)).rejects.toThrow(NotFoundError);
    await expect(getQuesitoReassignment(elsewhere, "not-an-id")).rejects.toThrow(NotFoundError);
    await expect(getQuesitoReassignment(await operatorActor(office.id), "01a24c35-0000-7000-8000-000000000000")).rejects.toThrow(
      NotFoundError,
    );
  });
});
