import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db/client";
import { listDelegations } from "@/server/delegations/list-delegations";
import { revokeDelegation } from "@/server/delegations/revoke-delegation";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import { listActorPositions } from "@/server/positions/list-actor-positions";
import { createRequest } from "@/server/requests/create-request";
import { getRequest } from "@/server/requests/get-request";
import { createDelegation, createOffice, createPerson, createPosition } from "../../support/fixtures";
import { contributorActor } from "../../support/quesito-fixtures";
import { seededSubject, withStorageAndReferenceData } from "../../support/request-fixtures";

const now = new Date("2026-11-20T10:00:00Z");
withStorageAndReferenceData();

async function holderWithDelegate(overrides: Partial<Parameters<typeof createDelegation>[0]> = {}) {
  const office = await createOffice();
  const holder = await createPerson("Titolare");
  const delegate = await createPerson("Intermediario");
  const position = await createPosition(holder.id, office.id);
  const other = await createPosition(holder.id, office.id, "ARTIGIANI_COMMERCIANTI");
  const delegation = await createDelegation({
    holderId: holder.id,
    delegateId: delegate.id,
    positionIds: [position.id],
    ...overrides,
  });
  return { holder, delegate, position, other, delegation };
}

describe("listDelegations", () => {
  it("shows the holder the delegations on their positions, an ACTIVE one past its end as EXPIRED", async () => {
    const { holder, delegate, position, delegation } = await holderWithDelegate();
    const lapsed = await createDelegation({
      holderId: holder.id,
      delegateId: delegate.id,
      positionIds: [position.id],
      kind: "DIPENDENTE",
      validTo: new Date("2026-01-01T00:00:00Z"),
    });
    const stranger = await createPerson();
    await createDelegation({ holderId: stranger.id, delegateId: delegate.id, positionIds: [] });

    const rows = await listDelegations(contributorActor(holder), now);

    expect(rows.map((row) => [row.id, row.status, row.revocable]).sort()).toEqual(
      [
        [delegation.id, "ACTIVE", true],
        [lapsed.id, "EXPIRED", false],
      ].sort(),
    );
    const active = rows.find((row) => row.id === delegation.id);
    expect(active?.delegate).toEqual({ codiceFiscale: delegate.codiceFiscale, name: `${delegate.givenName} ${delegate.familyName}` });
    expect(active?.positions.map((p) => p.id)).toEqual([position.id]);
    expect(active?.kind).toBe("INTERMEDIARIO");
  });

  it("shows a delegate the delegations they hold of their profile's kind, never revocable by them", async () => {
    const { holder, delegate, delegation } = await holderWithDelegate();
    const employeeOf = await createPosition(holder.id, (await createOffice()).id);
    await createDelegation({ holderId: holder.id, delegateId: delegate.id, positionIds: [employeeOf.id], kind: "DIPENDENTE" });

    const rows = await listDelegations(contributorActor(delegate, "INTERMEDIARIO"), now);

    expect(rows.map((row) => [row.id, row.revocable])).toEqual([[delegation.id, false]]);
    expect(rows[0]?.holder.codiceFiscale).toBe(holder.codiceFiscale);
  });
});

describe("revokeDelegation", () => {
  it("ends the delegate's access at once, while the holder keeps theirs", async () => {
    const { holder, delegate, position, delegation } = await holderWithDelegate();
    const delegateActor = contributorActor(delegate, "INTERMEDIARIO");
    const subject = await seededSubject("AZIENDE");
    const request = await createRequest(
      delegateActor,
      {
        positionId: position.id,
        subjectId: subject.id,
        text: "Chiedo la verifica del versamento di marzo.",
        email: "intermediario@example.it",
        consentEmail: "on",
        idempotencyKey: randomUUID(),
      },
      [],
      now,
    );
    expect((await listActorPositions(delegateActor, now)).map((p) => p.id)).toEqual([position.id]);
    await expect(getRequest(delegateActor, request.id, now)).resolves.toMatchObject({ id: request.id });

    await revokeDelegation(contributorActor(holder), { delegationId: delegation.id, reason: "  Fine del mandato  " }, now);

    const stored = await prisma.delegation.findUniqueOrThrow({ where: { id: delegation.id } });
    expect(stored).toMatchObject({ status: "REVOKED", revokedAt: now, revokedReason: "Fine del mandato" });
    expect(await listActorPositions(delegateActor, now)).toEqual([]);
    await expect(getRequest(delegateActor, request.id, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRequest(contributorActor(holder), request.id, now)).resolves.toMatchObject({ id: request.id });
  });

  it("leaves a pending request alone: it is rejected, not revoked", async () => {
    const { holder, delegation } = await holderWithDelegate({ status: "PENDING" });

    await expect(
      revokeDelegation(contributorActor(holder), { delegationId: delegation.id, reason: "Non richiesta" }, now),
    ).rejects.toBeInstanceOf(ConflictError);

    expect((await prisma.delegation.findUniqueOrThrow({ where: { id: delegation.id } })).status).toBe("PENDING");
  });

  it("requires a reason, with a field message", async () => {
    const { holder, delegation } = await holderWithDelegate();

    const error = await revokeDelegation(contributorActor(holder), { delegationId: delegation.id, reason: "   " }, now).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ reason: ["Indicare il motivo della revoca."] });
    expect((await prisma.delegation.findUniqueOrThrow({ where: { id: delegation.id } })).status).toBe("ACTIVE");
  });

  it.each([
    ["revoked", { status: "REVOKED" as const }],
    ["rejected", { status: "REJECTED" as const }],
    ["expired", { status: "EXPIRED" as const }],
    ["past its end date", { status: "ACTIVE" as const, validTo: new Date("2026-01-01T00:00:00Z") }],
  ])("refuses a delegation %s", async (_name, overrides) => {
    const { holder, delegation } = await holderWithDelegate(overrides);

    await expect(
      revokeDelegation(contributorActor(holder), { delegationId: delegation.id, reason: "Fine del mandato" }, now),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await prisma.delegation.findUniqueOrThrow({ where: { id: delegation.id } })).status).toBe(overrides.status);
  });

  it("hides someone else's delegation: another holder, the delegate, or an unknown id", async () => {
    const { holder, delegate, delegation } = await holderWithDelegate();
    const stranger = await createPerson();
    const attempt = (actor: ReturnType<typeof contributorActor>, delegationId = delegation.id) =>
      revokeDelegation(actor, { delegationId, reason: "Fine del mandato" }, now);

    await expect(attempt(contributorActor(stranger))).rejects.toBeInstanceOf(NotFoundError);
    await expect(attempt(contributorActor(delegate, "INTERMEDIARIO"))).rejects.toBeInstanceOf(NotFoundError);
    await expect(attempt(contributorActor(delegate))).rejects.toBeInstanceOf(NotFoundError);
    await expect(attempt(contributorActor(holder, "INTERMEDIARIO"))).rejects.toBeInstanceOf(NotFoundError);
    await expect(attempt(contributorActor(holder), "non-un-id")).rejects.toBeInstanceOf(NotFoundError);
    await expect(attempt(contributorActor(holder), randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    expect(await listDelegations(contributorActor(stranger), now)).toEqual([]);
    expect((await prisma.delegation.findUniqueOrThrow({ where: { id: delegation.id } })).status).toBe("ACTIVE");
  });
});
