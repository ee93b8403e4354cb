import { beforeEach, describe, expect, it } from "vitest";
import { listActorPositions } from "@/server/positions/list-actor-positions";
import { createDelegation, createOffice, createPerson, createPosition } from "../../support/fixtures";
import { contributorActor } from "../../support/quesito-fixtures";
import { statementsOf } from "../../support/statement-log";

const now = new Date("2026-06-15T10:00:00Z");

describe("listActorPositions", () => {
  let officeId: string;
  beforeEach(async () => {
    officeId = (await createOffice()).id;
  });

  it("gives a holder their own positions and nobody else's", async () => {
    const holder = await createPerson();
    const other = await createPerson();
    const own = await createPosition(holder.id, officeId, "AZIENDE");
    const ownSecond = await createPosition(holder.id, officeId, "ARTIGIANI_COMMERCIANTI");
    await createPosition(other.id, officeId);

    const positions = await listActorPositions(contributorActor(holder, "TITOLARE"), now);

    expect(positions.map((p) => p.id).sort()).toEqual([own.id, ownSecond.id].sort());
  });

  it("reads a holder's positions with their office and holder in one statement, an intermediary's with one per relation", async () => {
    const holder = await createPerson();
    const intermediary = await createPerson();
    const positions = [await createPosition(holder.id, officeId, "AZIENDE"), await createPosition(holder.id, officeId, "GS_COMMITTENTI")];
    await createDelegation({ holderId: holder.id, delegateId: intermediary.id, positionIds: positions.map((position) => position.id) });

    const own = await statementsOf(() => listActorPositions(contributorActor(holder, "TITOLARE"), now));
    const clients = await statementsOf(() => listActorPositions(contributorActor(intermediary, "INTERMEDIARIO"), now));

    expect(own.result).toEqual(clients.result);
    expect(own.result.map((position) => position.holder.codiceFiscale)).toEqual([holder.codiceFiscale, holder.codiceFiscale]);
    // The positions with their office and holder; the gestioni's labels.
    expect(own.statements).toHaveLength(2);
    // The positions, their holders, their offices (decision 0049, addendum); the labels.
    expect(clients.statements).toHaveLength(4);
  });

  it("gives an intermediary only the positions of effective delegations", async () => {
    const intermediary = await createPerson("Intermediario");
    const cases = {
      active: { status: "ACTIVE" as const },
      activeOpenEnded: { status: "ACTIVE" as const, validTo: null },
      expiredByDate: { status: "ACTIVE" as const, validTo: new Date("2026-01-01T00:00:00Z") },
      notYetValid: { status: "ACTIVE" as const, validFrom: new Date("2026-12-01T00:00:00Z") },
      expired: { status: "EXPIRED" as const, validTo: new Date("2025-12-31T00:00:00Z") },
      revoked: { status: "REVOKED" as const },
      pending: { status: "PENDING" as const },
      rejected: { status: "REJECTED" as const },
    };
    const positionByCase = new Map<string, string>();
    for (const [name, delegation] of Object.entries(cases)) {
      const holder = await createPerson(name);
      const position = await createPosition(holder.id, officeId);
      positionByCase.set(name, position.id);
      await createDelegation({
        holderId: holder.id,
        delegateId: intermediary.id,
        positionIds: [position.id],
        validTo: new Date("2027-01-01T00:00:00Z"),
        ...delegation,
      });
    }

    const positions = await listActorPositions(contributorActor(intermediary, "INTERMEDIARIO"), now);

    expect(positions.map((p) => p.id).sort()).toEqual([positionByCase.get("active"), positionByCase.get("activeOpenEnded")].sort());
  });

  it("covers only the positions in the delegation's scope, not the holder's others", async () => {
    const holder = await createPerson();
    const intermediary = await createPerson();
    const delegated = await createPosition(holder.id, officeId, "AZIENDE");
    await createPosition(holder.id, officeId, "GS_COMMITTENTI");
    await createDelegation({ holderId: holder.id, delegateId: intermediary.id, positionIds: [delegated.id] });

    const positions = await listActorPositions(contributorActor(intermediary, "INTERMEDIARIO"), now);

    expect(positions.map((p) => p.id)).toEqual([delegated.id]);
    expect(positions[0]?.holder.codiceFiscale).toBe(holder.codiceFiscale);
  });

  it("keeps the kinds apart: an employee delegation is not an intermediary one", async () => {
    const company = await createPerson();
    const employee = await createPerson();
    const position = await createPosition(company.id, officeId);
    await createDelegation({ holderId: company.id, delegateId: employee.id, positionIds: [position.id], kind: "DIPENDENTE" });

    expect(await listActorPositions(contributorActor(employee, "INTERMEDIARIO"), now)).toEqual([]);
    expect((await listActorPositions(contributorActor(employee, "DIPENDENTE"), now)).map((p) => p.id)).toEqual([position.id]);
    expect(await listActorPositions(contributorActor(employee, "TITOLARE"), now)).toEqual([]);
  });
});
