import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db/client";
import { grantDelegation } from "@/server/delegations/grant-delegation";
import { ForbiddenError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import { listActorPositions } from "@/server/positions/list-actor-positions";
import { createOffice, createPerson, createPosition, uniqueCodiceFiscale } from "../../support/fixtures";
import { contributorActor } from "../../support/quesito-fixtures";

const now = new Date("2026-11-20T10:00:00Z");

async function holderAndDelegate() {
  const office = await createOffice();
  const holder = await createPerson("Titolare");
  const delegate = await createPerson("Dipendente");
  const position = await createPosition(holder.id, office.id);
  const other = await createPosition(holder.id, office.id, "ARTIGIANI_COMMERCIANTI");
  return { office, holder, delegate, position, other };
}

async function fieldErrorsOf(promise: Promise<unknown>) {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

describe("grantDelegation", () => {
  it("makes an ACTIVE delegation from now to the end of the chosen day, on the chosen positions only", async () => {
    const { holder, delegate, position } = await holderAndDelegate();

    const { id } = await grantDelegation(
      contributorActor(holder),
      {
        delegateCodiceFiscale: delegate.codiceFiscale.toLowerCase(),
        kind: "DIPENDENTE",
        positionIds: [position.id],
        validTo: "2027-03-31",
      },
      now,
    );

    const stored = await prisma.delegation.findUniqueOrThrow({ where: { id }, include: { scope: true } });
    expect(stored).toMatchObject({
      kind: "DIPENDENTE",
      status: "ACTIVE",
      holderId: holder.id,
      delegateId: delegate.id,
      validFrom: now,
      validTo: new Date("2027-03-31T22:00:00Z"),
    });
    expect(stored.scope.map((s) => s.positionId)).toEqual([position.id]);
    const employee = contributorActor(delegate, "DIPENDENTE");
    expect((await listActorPositions(employee, now)).map((p) => p.id)).toEqual([position.id]);
    expect((await listActorPositions(employee, new Date("2027-04-01T00:00:00Z"))).map((p) => p.id)).toEqual([]);
    expect(await listActorPositions(contributorActor(delegate, "INTERMEDIARIO"), now)).toEqual([]);
  });

  it("grants without an end date", async () => {
    const { holder, delegate, position } = await holderAndDelegate();

    const { id } = await grantDelegation(
      contributorActor(holder),
      { delegateCodiceFiscale: delegate.codiceFiscale, kind: "INTERMEDIARIO", positionIds: [position.id], validTo: "" },
      now,
    );

    expect((await prisma.delegation.findUniqueOrThrow({ where: { id } })).validTo).toBeNull();
  });

  it("refuses an unknown person, the holder themselves, a bad code, no positions and an end date not in the future", async () => {
    const { holder, position } = await holderAndDelegate();
    const actor = contributorActor(holder);
    const base = { kind: "INTERMEDIARIO" as const, positionIds: [position.id] };

    expect(await fieldErrorsOf(grantDelegation(actor, { ...base, delegateCodiceFiscale: uniqueCodiceFiscale() }, now))).toEqual({
      delegateCodiceFiscale: ["Nessuna persona registrata con questo codice fiscale."],
    });
    expect(await fieldErrorsOf(grantDelegation(actor, { ...base, delegateCodiceFiscale: holder.codiceFiscale }, now))).toEqual({
      delegateCodiceFiscale: ["Non puoi conferire una delega a te stesso."],
    });
    const invalid = await fieldErrorsOf(grantDelegation(actor, { delegateCodiceFiscale: "XYZ", kind: "ALTRO", positionIds: [] }, now));
    expect(Object.keys(invalid).sort()).toEqual(["delegateCodiceFiscale", "kind", "positionIds"]);
    expect(invalid.positionIds).toEqual(["Scegliere almeno una posizione."]);
    const delegate = await createPerson();
    expect(
      await fieldErrorsOf(grantDelegation(actor, { ...base, delegateCodiceFiscale: delegate.codiceFiscale, validTo: "2026-11-20" }, now)),
    ).toEqual({ validTo: ["La data di fine deve essere successiva a oggi."] });
    expect(await prisma.delegation.count({ where: { holderId: holder.id } })).toBe(0);
  });

  it("refuses someone else's position as not found", async () => {
    const { holder, delegate, position } = await holderAndDelegate();
    const stranger = await createPerson();
    const foreign = await createPosition(stranger.id, (await createOffice()).id);

    await expect(
      grantDelegation(
        contributorActor(holder),
        { delegateCodiceFiscale: delegate.codiceFiscale, kind: "INTERMEDIARIO", positionIds: [position.id, foreign.id] },
        now,
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.delegation.count({ where: { holderId: holder.id } })).toBe(0);
  });

  it("is for holders only: an intermediary cannot grant themselves access", async () => {
    const { holder, delegate, position } = await holderAndDelegate();

    await expect(
      grantDelegation(
        contributorActor(delegate, "INTERMEDIARIO"),
        { delegateCodiceFiscale: delegate.codiceFiscale, kind: "INTERMEDIARIO", positionIds: [position.id] },
        now,
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await prisma.delegation.count({ where: { holderId: holder.id } })).toBe(0);
  });
});
