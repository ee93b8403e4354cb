import { beforeEach, describe, expect, it, vi } from "vitest";
import { NotFoundError } from "@/server/errors/domain-errors";
import { getActorPosition, POSITION_NOT_FOUND } from "@/server/positions/get-actor-position";
import { capturedLogLines, capturedLogRecords } from "../../support/captured-logs";
import { createDelegation, createOffice, createPerson, createPosition } from "../../support/fixtures";
import { contributorActor } from "../../support/quesito-fixtures";

// The app's own logger, writing where the test reads.
vi.mock("@/server/logger", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/server/logger")>();
  const { capturingLogger } = await import("../../support/captured-logs");
  return { ...actual, logger: capturingLogger(actual.loggerOptions) };
});

const now = new Date("2026-06-15T10:00:00Z");

async function refusal(promise: Promise<unknown>): Promise<NotFoundError> {
  const outcome = await promise.then(
    () => new Error("expected not found"),
    (caught: unknown) => caught,
  );
  expect(outcome).toBeInstanceOf(NotFoundError);
  expect((outcome as NotFoundError).message).toBe(POSITION_NOT_FOUND);
  return outcome as NotFoundError;
}

const foreignPositionEvents = () =>
  capturedLogRecords().filter((record) => record.type === "foreign-record-not-found" && record.recordKind === "position");

describe("getActorPosition", () => {
  let officeId: string;
  beforeEach(async () => {
    capturedLogLines.length = 0;
    officeId = (await createOffice()).id;
  });

  it("gives a holder their own position, named by gestione and matricola, with its competent office", async () => {
    const holder = await createPerson();
    const position = await createPosition(holder.id, officeId, "GS_COMMITTENTI");

    const found = await getActorPosition(contributorActor(holder), position.id, now);

    expect(found).toMatchObject({
      id: position.id,
      gestione: "GS_COMMITTENTI",
      matricola: position.matricola,
      denominazione: position.denominazione,
    });
    expect(found.gestioneLabel).not.toBe("");
    expect(found.office.name).not.toBe("");
  });

  it("is not found for someone else's position, and the attempt is logged", async () => {
    const holder = await createPerson();
    const stranger = await createPerson("Estraneo");
    const position = await createPosition(holder.id, officeId);

    await refusal(getActorPosition(contributorActor(stranger), position.id, now));

    expect(foreignPositionEvents()).toEqual([expect.objectContaining({ codiceFiscale: stranger.codiceFiscale, recordId: position.id })]);
  });

  it("gives a delegate the client's position only while the delegation is in force", async () => {
    const holder = await createPerson("Cliente");
    const intermediary = await createPerson("Intermediario");
    const position = await createPosition(holder.id, officeId);
    await createDelegation({
      holderId: holder.id,
      delegateId: intermediary.id,
      positionIds: [position.id],
      validTo: new Date("2026-06-01T00:00:00Z"),
    });
    const actor = contributorActor(intermediary, "INTERMEDIARIO");

    expect((await getActorPosition(actor, position.id, new Date("2026-05-01T00:00:00Z"))).holder.codiceFiscale).toBe(holder.codiceFiscale);
    await refusal(getActorPosition(actor, position.id, now));
  });

  it("is not found, without a query, for an id that is not one", async () => {
    const holder = await createPerson();
    await refusal(getActorPosition(contributorActor(holder), "non-una-posizione", now));
    expect(foreignPositionEvents()).toEqual([]);
  });
});
