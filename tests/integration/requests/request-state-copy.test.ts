import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db/client";
import { listRequests } from "@/server/requests/list-requests";
import { contributorActor } from "../../support/quesito-fixtures";
import { applyOfficeTransition, createSentRequest, withStorageAndReferenceData } from "../../support/request-fixtures";

/** The request's copy of its quesito's state, which the list's state filter reads (decision 0029). */
describe("the state the request list filters by", () => {
  withStorageAndReferenceData();
  const at = new Date("2026-11-02T09:00:00Z");

  it("follows every change of the quesito's state, through the state machine or straight to the table", async () => {
    const { holder, operator, requestId } = await createSentRequest({ at });
    const inState = async (stato: string) => (await listRequests(contributorActor(holder), { stato }, at)).rows.map((row) => row.id);
    expect(await inState("aperta")).toEqual([requestId]);

    await applyOfficeTransition(operator, requestId, { action: "PRESA_IN_CARICO" }, at);
    expect(await inState("aperta")).toEqual([]);
    expect(await inState("in_carico")).toEqual([requestId]);

    await applyOfficeTransition(operator, requestId, { action: "CHIUSA", esito: "ACCOLTA", comment: "Fatto." }, at);
    expect(await inState("in_carico")).toEqual([]);
    expect(await inState("chiusa")).toEqual([requestId]);

    await prisma.quesito.update({ where: { requestId }, data: { state: "IN_ATTESA_CONTRIBUENTE" } });
    expect(await inState("in_carico")).toEqual([requestId]);

    await prisma.quesito.delete({ where: { requestId } });
    expect(await prisma.request.findUniqueOrThrow({ where: { id: requestId }, select: { quesitoState: true } })).toEqual({
      quesitoState: null,
    });
    for (const stato of ["aperta", "in_carico", "chiusa"]) expect(await inState(stato)).toEqual([]);
  });
});
