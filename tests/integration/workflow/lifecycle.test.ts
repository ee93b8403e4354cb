import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/server/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { applyTransition, STALE_VERSION_MESSAGE } from "@/server/workflow/lifecycle";
import { createOffice, createPerson } from "../../support/fixtures";
import { contributorActor, createQuesito, operatorActor } from "../../support/quesito-fixtures";

describe("applyTransition", () => {
  let officeId: string;
  let operator: OperatorActor;

  beforeEach(async () => {
    officeId = (await createOffice()).id;
    operator = await operatorActor(officeId);
  });

  it("a new request carries the protocol and routing events, in order", async () => {
    const { request } = await createQuesito({ officeId });
    const events = await prisma.requestEvent.findMany({ where: { requestId: request.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(events.map((event) => [event.type, event.toState])).toEqual([
      ["PROTOCOLLATA", "NUOVO"],
      ["SMISTATA", "NUOVO"],
    ]);
    expect(events[0]?.data).toEqual({ protocolNumber: request.protocolNumber });
    expect(events[1]?.data).toMatchObject({ officeId });
  });

  it("updates state and version, appends the event and bumps the request's last activity", async () => {
    const { quesito, request } = await createQuesito({ officeId, receivedAt: new Date("2026-11-01T09:00:00Z") });
    const at = new Date("2026-11-02T09:00:00Z");

    const result = await prisma.$transaction((tx) =>
      applyTransition(tx, { action: "PRESA_IN_CARICO", actor: operator, quesito: { id: quesito.id }, expectedVersion: 0, at }),
    );

    expect(result.state).toBe("IN_LAVORAZIONE");
    expect(result.version).toBe(1);
    const stored = await prisma.quesito.findUniqueOrThrow({ where: { id: quesito.id } });
    expect(stored).toMatchObject({ state: "IN_LAVORAZIONE", version: 1, assigneeId: operator.operatorId, takenAt: at });
    const event = await prisma.requestEvent.findUniqueOrThrow({ where: { id: result.eventId } });
    expect(event).toMatchObject({
      requestId: request.id,
      type: "PRESA_IN_CARICO",
      actorOperatorId: operator.operatorId,
      actorPersonId: null,
      fromState: "NUOVO",
      toState: "IN_LAVORAZIONE",
    });
    const storedRequest = await prisma.request.findUniqueOrThrow({ where: { id: request.id } });
    expect(storedRequest.lastActivityAt).toEqual(at);
  });

  it("refuses a stale version and leaves everything as it was", async () => {
    const { quesito } = await createQuesito({ officeId });
    await prisma.$transaction((tx) =>
      applyTransition(tx, { action: "PRESA_IN_CARICO", actor: operator, quesito: { id: quesito.id }, expectedVersion: 0 }),
    );
    const attempt = prisma.$transaction((tx) =>
      applyTransition(tx, {
        action: "STATO_MODIFICATO",
        toState: "IN_ATTESA_CONTRIBUENTE",
        comment: "Serve documentazione",
        actor: operator,
        quesito: { id: quesito.id },
        expectedVersion: 0,
      }),
    );
    await expect(attempt).rejects.toThrow(new ConflictError(STALE_VERSION_MESSAGE));
    const stored = await prisma.quesito.findUniqueOrThrow({ where: { id: quesito.id } });
    expect(stored).toMatchObject({ state: "IN_LAVORAZIONE", version: 1 });
    expect(await prisma.requestEvent.count({ where: { requestId: quesito.requestId, type: "STATO_MODIFICATO" } })).toBe(0);
  });

  it("rolls the transition back with the caller's transaction", async () => {
    const { quesito } = await createQuesito({ officeId });
    await expect(
      prisma.$transaction(async (tx) => {
        await applyTransition(tx, { action: "PRESA_IN_CARICO", actor: operator, quesito: { id: quesito.id }, expectedVersion: 0 });
        throw new Error("later step failed");
      }),
    ).rejects.toThrow("later step failed");
    const stored = await prisma.quesito.findUniqueOrThrow({ where: { id: quesito.id } });
    expect(stored).toMatchObject({ state: "NUOVO", version: 0, assigneeId: null });
    expect(await prisma.requestEvent.count({ where: { requestId: quesito.requestId, type: "PRESA_IN_CARICO" } })).toBe(0);
  });

  it("an operator of another office does not find the quesito", async () => {
    const { quesito } = await createQuesito({ officeId });
    const stranger = await operatorActor((await createOffice()).id);
    await expect(
      prisma.$transaction((tx) =>
        applyTransition(tx, { action: "PRESA_IN_CARICO", actor: stranger, quesito: { id: quesito.id }, expectedVersion: 0 }),
      ),
    ).rejects.toThrow(NotFoundError);
  });

  it("a closed quesito refuses everything", async () => {
    const { quesito, holder } = await createQuesito({ officeId });
    const run = (input: Parameters<typeof applyTransition>[1]) => prisma.$transaction((tx) => applyTransition(tx, input));
    const target = { actor: operator, quesito: { id: quesito.id } };
    const noMessage = "00000000-0000-7000-8000-000000000000";
    await run({ action: "PRESA_IN_CARICO", ...target, expectedVersion: 0 });
    await run({ action: "CHIUSA", esito: "ACCOLTA", comment: "Fatto", ...target, expectedVersion: 1 });
    await expect(run({ action: "NOTA_INTERNA", messageId: noMessage, ...target, expectedVersion: 2 })).rejects.toThrow(
      "La richiesta è chiusa: non è possibile aggiungere note interne.",
    );
    await expect(
      run({
        action: "MESSAGGIO_CONTRIBUENTE",
        messageId: noMessage,
        actor: contributorActor(holder),
        quesito: { requestId: quesito.requestId },
      }),
    ).rejects.toThrow("La richiesta è chiusa: non è possibile inviare altri messaggi.");
  });

  it("a contributor's message by request id brings a waiting quesito back to work, without a version", async () => {
    const { quesito, holder } = await createQuesito({ officeId });
    const run = (input: Parameters<typeof applyTransition>[1]) => prisma.$transaction((tx) => applyTransition(tx, input));
    await run({ action: "PRESA_IN_CARICO", actor: operator, quesito: { id: quesito.id }, expectedVersion: 0 });
    await run({
      action: "STATO_MODIFICATO",
      toState: "IN_ATTESA_CONTRIBUENTE",
      comment: "Inviare il modello F24",
      actor: operator,
      quesito: { id: quesito.id },
      expectedVersion: 1,
    });
    const message = await prisma.message.create({
      data: { requestId: quesito.requestId, body: "Ecco il modello", authorPersonId: holder.id },
    });

    const result = await run({
      action: "MESSAGGIO_CONTRIBUENTE",
      messageId: message.id,
      actor: contributorActor(holder),
      quesito: { requestId: quesito.requestId },
    });

    expect(result).toMatchObject({ state: "IN_LAVORAZIONE", version: 3 });
    const event = await prisma.requestEvent.findUniqueOrThrow({ where: { id: result.eventId } });
    expect(event).toMatchObject({
      actorPersonId: holder.id,
      fromState: "IN_ATTESA_CONTRIBUENTE",
      toState: "IN_LAVORAZIONE",
      data: { messageId: message.id },
    });
  });

  it("a contributor who may not act on the position does not find the request", async () => {
    const { quesito } = await createQuesito({ officeId });
    const stranger = contributorActor(await createPerson());
    await expect(
      prisma.$transaction((tx) =>
        applyTransition(tx, {
          action: "MESSAGGIO_CONTRIBUENTE",
          messageId: "00000000-0000-7000-8000-000000000000",
          actor: stranger,
          quesito: { requestId: quesito.requestId },
        }),
      ),
    ).rejects.toThrow(NotFoundError);
  });

  it("reassigns only to an active operator of the quesito's office or to an existing office", async () => {
    const { quesito } = await createQuesito({ officeId });
    const elsewhere = await operatorActor((await createOffice()).id);
    const run = (to: { operatorId: string } | { officeId: string }) =>
      prisma.$transaction((tx) =>
        applyTransition(tx, {
          action: "RIASSEGNATA",
          to,
          comment: "Competenza",
          actor: operator,
          quesito: { id: quesito.id },
          expectedVersion: 0,
        }),
      );
    await expect(run({ operatorId: elsewhere.operatorId })).rejects.toThrow(ValidationError);
    await expect(run({ officeId: "00000000-0000-7000-8000-000000000000" })).rejects.toThrow(ValidationError);
    const colleague = await operatorActor(officeId);
    const result = await run({ operatorId: colleague.operatorId });
    expect(result.state).toBe("NUOVO");
    expect(await prisma.quesito.findUniqueOrThrow({ where: { id: quesito.id } })).toMatchObject({ assigneeId: colleague.operatorId });
  });
});
