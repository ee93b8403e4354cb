import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db/client";
import { acceptDelegationRequest } from "@/server/delegations/accept-delegation-request";
import { confirmDelegationRequest } from "@/server/delegations/confirm-delegation-request";
import { grantDelegation } from "@/server/delegations/grant-delegation";
import { listDelegations } from "@/server/delegations/list-delegations";
import { rejectDelegationRequest } from "@/server/delegations/reject-delegation-request";
import { HOLDER_MISMATCH, requestDelegation } from "@/server/delegations/request-delegation";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import { listActorPositions } from "@/server/positions/list-actor-positions";
import { createDelegation, createOffice, createPerson, createPosition } from "../../support/fixtures";
import { contributorActor } from "../../support/quesito-fixtures";

const now = new Date("2026-11-20T10:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

async function holderAndIntermediary() {
  const office = await createOffice();
  const holder = await createPerson("Titolare");
  const intermediary = await createPerson("Intermediario");
  const position = await createPosition(holder.id, office.id);
  const other = await createPosition(holder.id, office.id, "ARTIGIANI_COMMERCIANTI");
  return {
    holder,
    intermediary,
    position,
    other,
    holderActor: contributorActor(holder),
    intermediaryActor: contributorActor(intermediary, "INTERMEDIARIO"),
  };
}

async function requested(overrides: { matricole?: string; validTo?: string } = {}) {
  const parties = await holderAndIntermediary();
  const { id } = await requestDelegation(
    parties.intermediaryActor,
    {
      holderCodiceFiscale: parties.holder.codiceFiscale,
      kind: "INTERMEDIARIO",
      matricole: overrides.matricole ?? parties.position.matricola,
      validTo: overrides.validTo ?? "",
    },
    now,
  );
  return { ...parties, delegationId: id };
}

async function accepted() {
  const parties = await requested();
  const { code } = await acceptDelegationRequest(parties.holderActor, { delegationId: parties.delegationId }, later(1));
  return { ...parties, code };
}

async function errorOf(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (caught: unknown) => caught,
  );
}

async function fieldErrorsOf(promise: Promise<unknown>) {
  const error = await errorOf(promise);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

/** A wrong code of the right shape: the real one with its last character changed. */
const wrong = (code: string) => code.slice(0, 7) + (code.endsWith("A") ? "B" : "A");

describe("requestDelegation", () => {
  it("records a pending request on the named positions only, which gives no access yet", async () => {
    const { holder, intermediary, position, intermediaryActor, holderActor, delegationId } = await requested();

    const stored = await prisma.delegation.findUniqueOrThrow({ where: { id: delegationId }, include: { scope: true } });
    expect(stored).toMatchObject({
      status: "PENDING",
      origin: "RICHIESTA",
      kind: "INTERMEDIARIO",
      holderId: holder.id,
      delegateId: intermediary.id,
      acceptedAt: null,
      verificationCodeHash: null,
    });
    expect(stored.scope.map((s) => s.positionId)).toEqual([position.id]);
    expect(await listActorPositions(intermediaryActor, later(5))).toEqual([]);

    const [asHolder] = await listDelegations(holderActor, later(5));
    expect(asHolder).toMatchObject({ id: delegationId, side: "holder", answerable: true, revocable: false, confirmable: false });
    expect(asHolder?.pending).toMatchObject({ stage: "awaiting-holder", attemptsLeft: 5 });
    const [asDelegate] = await listDelegations(intermediaryActor, later(5));
    expect(asDelegate).toMatchObject({ id: delegationId, side: "delegate", answerable: false, confirmable: false });
  });

  it("gives one answer that names no matricola, whichever of them belong to the holder", async () => {
    const { holder, intermediary, position, other, intermediaryActor } = await holderAndIntermediary();
    const stranger = await createPerson();
    const strangersPosition = await createPosition(stranger.id, (await createOffice()).id);
    const ask = (holderCodiceFiscale: string, matricole: string[]) =>
      fieldErrorsOf(
        requestDelegation(intermediaryActor, { holderCodiceFiscale, kind: "INTERMEDIARIO", matricole: matricole.join(", ") }, now),
      );

    // Four matricole of which one is the holder's, and the same four where none is: the answer cannot tell them apart.
    const answers = [
      await ask(holder.codiceFiscale, [position.matricola, strangersPosition.matricola, "NESSUNA1", "NESSUNA2"]),
      await ask(holder.codiceFiscale, [strangersPosition.matricola, "NESSUNA1", "NESSUNA2", "NESSUNA3"]),
      await ask(holder.codiceFiscale, [position.matricola, other.matricola, "NESSUNA1"]),
      await ask("RSSMRA80A01H501U", [position.matricola]),
    ];

    for (const errors of answers) expect(errors).toEqual({ matricole: [HOLDER_MISMATCH] });
    for (const matricola of [position.matricola, other.matricola, strangersPosition.matricola]) {
      expect(HOLDER_MISMATCH).not.toContain(matricola);
    }
    expect(await prisma.delegation.count({ where: { delegateId: intermediary.id } })).toBe(0);
  });

  it("refuses bad input with a message on each field", async () => {
    const { holder, intermediary, intermediaryActor } = await holderAndIntermediary();

    const errors = await fieldErrorsOf(
      requestDelegation(intermediaryActor, { holderCodiceFiscale: "XYZ", kind: "ALTRO", matricole: " , ", validTo: "domani" }, now),
    );
    expect(Object.keys(errors).sort()).toEqual(["holderCodiceFiscale", "kind", "matricole", "validTo"]);
    expect(errors.matricole).toEqual(["Indicare almeno una matricola."]);

    const tooMany = Array.from({ length: 51 }, (_, index) => String(index + 1)).join(" ");
    expect(
      (
        await fieldErrorsOf(
          requestDelegation(
            intermediaryActor,
            { holderCodiceFiscale: holder.codiceFiscale, kind: "INTERMEDIARIO", matricole: tooMany },
            now,
          ),
        )
      ).matricole,
    ).toEqual(["Indicare al più 50 matricole per richiesta."]);

    const ownPositions = await fieldErrorsOf(
      requestDelegation(
        intermediaryActor,
        { holderCodiceFiscale: intermediary.codiceFiscale, kind: "INTERMEDIARIO", matricole: "123" },
        now,
      ),
    );
    expect(ownPositions.holderCodiceFiscale).toEqual(["Non puoi chiedere una delega sulle tue posizioni."]);
  });

  it("refuses an end date that is not a day of the calendar, in the request and in the grant", async () => {
    const { holder, intermediary, position, holderActor, intermediaryActor } = await holderAndIntermediary();

    const asked = await fieldErrorsOf(
      requestDelegation(
        intermediaryActor,
        { holderCodiceFiscale: holder.codiceFiscale, kind: "INTERMEDIARIO", matricole: position.matricola, validTo: "2027-02-30" },
        now,
      ),
    );
    const granted = await fieldErrorsOf(
      grantDelegation(
        holderActor,
        { delegateCodiceFiscale: intermediary.codiceFiscale, kind: "INTERMEDIARIO", positionIds: [position.id], validTo: "2027-02-30" },
        now,
      ),
    );

    expect(asked.validTo).toEqual(["Indicare una data di fine valida."]);
    expect(granted.validTo).toEqual(["Indicare una data di fine valida."]);
  });

  it("refuses a second delegation, asked or granted, on a position already delegated or awaiting", async () => {
    const { holder, intermediary, position, other, holderActor, intermediaryActor } = await requested();

    const again = await fieldErrorsOf(
      requestDelegation(
        intermediaryActor,
        { holderCodiceFiscale: holder.codiceFiscale, kind: "INTERMEDIARIO", matricole: `${other.matricola} ${position.matricola}` },
        now,
      ),
    );
    expect(again.matricole).toEqual([`Esiste già una delega in vigore o in attesa per la posizione ${position.matricola}.`]);

    const granted = await fieldErrorsOf(
      grantDelegation(
        holderActor,
        { delegateCodiceFiscale: intermediary.codiceFiscale, kind: "INTERMEDIARIO", positionIds: [position.id] },
        now,
      ),
    );
    expect(granted.positionIds).toEqual([`Esiste già una delega in vigore o in attesa per la posizione ${position.matricola}.`]);

    // Another kind, or a position not yet covered, is a different delegation.
    await grantDelegation(
      holderActor,
      { delegateCodiceFiscale: intermediary.codiceFiscale, kind: "DIPENDENTE", positionIds: [position.id] },
      now,
    );
    await grantDelegation(
      holderActor,
      { delegateCodiceFiscale: intermediary.codiceFiscale, kind: "INTERMEDIARIO", positionIds: [other.id] },
      now,
    );
    expect(await prisma.delegation.count({ where: { delegateId: intermediary.id } })).toBe(3);
  });

  it("lets two concurrent grants of the same delegation through only once", async () => {
    const { intermediary, position, holderActor } = await holderAndIntermediary();
    const grant = () =>
      grantDelegation(
        holderActor,
        { delegateCodiceFiscale: intermediary.codiceFiscale, kind: "INTERMEDIARIO", positionIds: [position.id] },
        now,
      );

    const outcomes = await Promise.allSettled([grant(), grant(), grant()]);

    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.delegation.count({ where: { delegateId: intermediary.id } })).toBe(1);
  });

  it("is allowed again once the earlier delegation has expired or been revoked", async () => {
    const { holder, intermediary, position, intermediaryActor } = await holderAndIntermediary();
    await createDelegation({
      holderId: holder.id,
      delegateId: intermediary.id,
      positionIds: [position.id],
      validTo: new Date("2026-06-30T22:00:00Z"),
    });
    await createDelegation({ holderId: holder.id, delegateId: intermediary.id, positionIds: [position.id], status: "REVOKED" });

    await expect(
      requestDelegation(
        intermediaryActor,
        { holderCodiceFiscale: holder.codiceFiscale, kind: "INTERMEDIARIO", matricole: position.matricola },
        now,
      ),
    ).resolves.toHaveProperty("id");
  });
});

describe("acceptDelegationRequest and confirmDelegationRequest", () => {
  it("issues a code to the holder only as a hash, and the right code activates the delegation from that moment", async () => {
    const { holderActor, intermediaryActor, position, delegationId } = await requested({ validTo: "2027-12-31" });

    const { code, expiresAt } = await acceptDelegationRequest(holderActor, { delegationId }, later(10));
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    expect(expiresAt).toEqual(later(10 + 72 * 60));
    const waiting = await prisma.delegation.findUniqueOrThrow({ where: { id: delegationId } });
    expect(waiting.status).toBe("PENDING");
    expect(waiting.verificationCodeHash).not.toContain(code);
    expect((await listDelegations(intermediaryActor, later(11)))[0]).toMatchObject({
      confirmable: true,
      pending: { stage: "awaiting-code" },
    });

    await confirmDelegationRequest(
      intermediaryActor,
      { delegationId, code: `${code.slice(0, 4)}-${code.slice(4).toLowerCase()}` },
      later(20),
    );

    const active = await prisma.delegation.findUniqueOrThrow({ where: { id: delegationId } });
    expect(active).toMatchObject({ status: "ACTIVE", validFrom: later(20), verificationCodeHash: null });
    expect(active.validTo).toEqual(new Date("2027-12-31T23:00:00Z"));
    expect((await listActorPositions(intermediaryActor, later(21))).map((p) => p.id)).toEqual([position.id]);
    expect((await listDelegations(holderActor, later(21)))[0]).toMatchObject({ status: "ACTIVE", revocable: true, answerable: false });
  });

  it("cannot be confirmed before the holder accepts, nor after the code expired", async () => {
    const { holderActor, intermediaryActor, delegationId } = await requested();

    const early = await errorOf(confirmDelegationRequest(intermediaryActor, { delegationId, code: "ABCDEFGH" }, later(1)));
    expect(early).toBeInstanceOf(ConflictError);

    const { code } = await acceptDelegationRequest(holderActor, { delegationId }, later(2));
    const late = await errorOf(confirmDelegationRequest(intermediaryActor, { delegationId, code }, later(2 + 72 * 60)));
    expect(late).toBeInstanceOf(ConflictError);
    expect((late as Error).message).toMatch(/scaduto/);
    expect((await listDelegations(intermediaryActor, later(2 + 72 * 60)))[0]).toMatchObject({
      confirmable: false,
      pending: { stage: "code-expired" },
    });
    expect((await prisma.delegation.findUniqueOrThrow({ where: { id: delegationId } })).status).toBe("PENDING");
  });

  it("counts wrong codes and rejects the request at the fifth, after which even the right code fails", async () => {
    const { intermediaryActor, delegationId, code } = await accepted();

    for (const left of [4, 3, 2, 1]) {
      const errors = await fieldErrorsOf(confirmDelegationRequest(intermediaryActor, { delegationId, code: wrong(code) }, later(5)));
      expect(errors.code).toEqual([
        left === 1 ? "Codice di verifica errato: resta 1 tentativo." : `Codice di verifica errato: restano ${left} tentativi.`,
      ]);
    }
    const fifth = await errorOf(confirmDelegationRequest(intermediaryActor, { delegationId, code: wrong(code) }, later(5)));
    expect(fifth).toBeInstanceOf(ConflictError);

    const stored = await prisma.delegation.findUniqueOrThrow({ where: { id: delegationId } });
    expect(stored).toMatchObject({ status: "REJECTED", verificationAttempts: 5, rejectedAt: later(5), verificationCodeHash: null });
    await expect(confirmDelegationRequest(intermediaryActor, { delegationId, code }, later(6))).rejects.toBeInstanceOf(ConflictError);
    expect(await listActorPositions(intermediaryActor, later(6))).toEqual([]);
  });

  it("counts parallel guesses one by one", async () => {
    const { intermediaryActor, delegationId, code } = await accepted();

    await Promise.allSettled(
      Array.from({ length: 8 }, () => confirmDelegationRequest(intermediaryActor, { delegationId, code: wrong(code) }, later(5))),
    );

    expect(await prisma.delegation.findUniqueOrThrow({ where: { id: delegationId } })).toMatchObject({
      status: "REJECTED",
      verificationAttempts: 5,
    });
  });

  it("refuses a malformed code without counting it", async () => {
    const { intermediaryActor, delegationId } = await accepted();

    const errors = await fieldErrorsOf(confirmDelegationRequest(intermediaryActor, { delegationId, code: "12" }, later(5)));

    expect(errors.code).toEqual(["Il codice di verifica è di 8 caratteri, lettere e cifre."]);
    expect((await prisma.delegation.findUniqueOrThrow({ where: { id: delegationId } })).verificationAttempts).toBe(0);
  });

  it("voids the previous code when the holder issues a new one", async () => {
    const { holderActor, intermediaryActor, delegationId, code: first } = await accepted();
    const { code: second } = await acceptDelegationRequest(holderActor, { delegationId }, later(3));

    if (first !== second) {
      await expect(confirmDelegationRequest(intermediaryActor, { delegationId, code: first }, later(4))).rejects.toBeInstanceOf(
        ValidationError,
      );
    }
    await confirmDelegationRequest(intermediaryActor, { delegationId, code: second }, later(5));
    expect((await prisma.delegation.findUniqueOrThrow({ where: { id: delegationId } })).status).toBe("ACTIVE");
  });

  it("refuses activation when the holder granted the same delegation directly in the meantime", async () => {
    const { holderActor, intermediary, intermediaryActor, position, delegationId, code } = await accepted();
    await prisma.delegation.update({ where: { id: delegationId }, data: { status: "REJECTED" } });
    await grantDelegation(
      holderActor,
      { delegateCodiceFiscale: intermediary.codiceFiscale, kind: "INTERMEDIARIO", positionIds: [position.id] },
      later(2),
    );
    await prisma.delegation.update({ where: { id: delegationId }, data: { status: "PENDING" } });

    const error = await errorOf(confirmDelegationRequest(intermediaryActor, { delegationId, code }, later(3)));

    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toBe(`Esiste già una delega in vigore o in attesa per la posizione ${position.matricola}.`);
  });

  it("hides the request from anyone but its holder (accept) and its delegate (confirm)", async () => {
    const { holder, intermediary, intermediaryActor, delegationId, code } = await accepted();
    const stranger = contributorActor(await createPerson());

    await expect(acceptDelegationRequest(stranger, { delegationId }, later(2))).rejects.toBeInstanceOf(NotFoundError);
    await expect(acceptDelegationRequest(contributorActor(intermediary), { delegationId }, later(2))).rejects.toBeInstanceOf(NotFoundError);
    await expect(acceptDelegationRequest(intermediaryActor, { delegationId }, later(2))).rejects.toBeInstanceOf(NotFoundError);
    await expect(acceptDelegationRequest(contributorActor(holder), { delegationId: "non-un-id" }, later(2))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(confirmDelegationRequest(stranger, { delegationId, code }, later(2))).rejects.toBeInstanceOf(NotFoundError);
    await expect(confirmDelegationRequest(contributorActor(holder), { delegationId, code }, later(2))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await prisma.delegation.findUniqueOrThrow({ where: { id: delegationId } })).status).toBe("PENDING");
  });

  it("does not accept a delegation granted directly: only requests wait for a code", async () => {
    const { holder, intermediary, position, holderActor } = await holderAndIntermediary();
    const pending = await createDelegation({
      holderId: holder.id,
      delegateId: intermediary.id,
      positionIds: [position.id],
      status: "PENDING",
    });

    await expect(acceptDelegationRequest(holderActor, { delegationId: pending.id }, now)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("rejectDelegationRequest", () => {
  it("rejects a pending request with the holder's reason, which the delegate reads; it cannot then be confirmed", async () => {
    const { holderActor, intermediaryActor, delegationId, code } = await accepted();

    await rejectDelegationRequest(holderActor, { delegationId, reason: "Non conosco lo studio" }, later(5));

    const [seen] = await listDelegations(intermediaryActor, later(6));
    expect(seen).toMatchObject({ status: "REJECTED", rejectedReason: "Non conosco lo studio", rejectedAt: later(5), confirmable: false });
    await expect(confirmDelegationRequest(intermediaryActor, { delegationId, code }, later(7))).rejects.toBeInstanceOf(ConflictError);
    await expect(rejectDelegationRequest(holderActor, { delegationId }, later(8))).rejects.toBeInstanceOf(ConflictError);
  });

  it("hides the request from anyone but its holder", async () => {
    const { intermediary, intermediaryActor, delegationId } = await requested();

    await expect(rejectDelegationRequest(intermediaryActor, { delegationId }, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(rejectDelegationRequest(contributorActor(intermediary), { delegationId }, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(rejectDelegationRequest(contributorActor(await createPerson()), { delegationId }, now)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("listDelegations under the holder profile", () => {
  it("also shows the requests the person made as a delegate while they wait, so they can enter the code", async () => {
    const { intermediary, delegationId, code } = await accepted();
    const ownOffice = await createOffice();
    await createPosition(intermediary.id, ownOffice.id);
    const asHolder = contributorActor(intermediary);

    const rows = await listDelegations(asHolder, later(5));
    expect(rows.map((row) => [row.id, row.side, row.confirmable])).toEqual([[delegationId, "delegate", true]]);

    await confirmDelegationRequest(asHolder, { delegationId, code }, later(6));
    expect(await listDelegations(asHolder, later(7))).toEqual([]);
  });
});
