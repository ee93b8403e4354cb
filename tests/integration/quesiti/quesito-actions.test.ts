import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/server/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { addInternalNote } from "@/server/quesiti/add-internal-note";
import { changeQuesitoState } from "@/server/quesiti/change-quesito-state";
import { closeQuesito } from "@/server/quesiti/close-quesito";
import { getQuesito } from "@/server/quesiti/get-quesito";
import { listOfficeQuesiti } from "@/server/quesiti/list-office-quesiti";
import { reassignQuesito } from "@/server/quesiti/reassign-quesito";
import { replyToQuesito } from "@/server/quesiti/reply-to-quesito";
import { takeQuesito } from "@/server/quesiti/take-quesito";
import { STALE_VERSION_MESSAGE } from "@/server/workflow/lifecycle";
import { createOffice } from "../../support/fixtures";
import { createQuesito, operatorActor } from "../../support/quesito-fixtures";

const stale = new ConflictError(STALE_VERSION_MESSAGE);

async function eventsOf(requestId: string) {
  return prisma.requestEvent.findMany({ where: { requestId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

describe("quesito actions", () => {
  let officeId: string;
  let operator: OperatorActor;
  let colleague: OperatorActor;
  let quesitoId: string;
  let requestId: string;

  beforeEach(async () => {
    officeId = (await createOffice()).id;
    operator = await operatorActor(officeId);
    colleague = await operatorActor(officeId);
    const created = await createQuesito({ officeId });
    quesitoId = created.quesito.id;
    requestId = created.request.id;
  });

  it("take in charge: assigned to the operator, in work, event written", async () => {
    const result = await takeQuesito(operator, quesitoId, { expectedVersion: "0" });
    expect(result).toMatchObject({ state: "IN_LAVORAZIONE", version: 1 });
    const quesito = await prisma.quesito.findUniqueOrThrow({ where: { id: quesitoId } });
    expect(quesito).toMatchObject({ assigneeId: operator.operatorId, state: "IN_LAVORAZIONE" });
    expect((await eventsOf(requestId)).at(-1)).toMatchObject({ type: "PRESA_IN_CARICO", actorOperatorId: operator.operatorId });
  });

  it("two operators taking the same quesito at once: exactly one wins", async () => {
    const results = await Promise.allSettled([
      takeQuesito(operator, quesitoId, { expectedVersion: 0 }),
      takeQuesito(colleague, quesitoId, { expectedVersion: 0 }),
    ]);
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(ConflictError);
    const quesito = await prisma.quesito.findUniqueOrThrow({ where: { id: quesitoId } });
    expect(quesito.version).toBe(1);
    expect([operator.operatorId, colleague.operatorId]).toContain(quesito.assigneeId);
    expect((await eventsOf(requestId)).filter((event) => event.type === "PRESA_IN_CARICO")).toHaveLength(1);
  });

  it("reassign to a colleague: back to Nuovo, assigned to them, comment kept", async () => {
    await takeQuesito(operator, quesitoId, { expectedVersion: 0 });
    const result = await reassignQuesito(operator, quesitoId, {
      expectedVersion: "1",
      operatorId: colleague.operatorId,
      comment: "Segue lei le pratiche UniEmens",
    });
    expect(result.state).toBe("NUOVO");
    expect(await prisma.quesito.findUniqueOrThrow({ where: { id: quesitoId } })).toMatchObject({
      assigneeId: colleague.operatorId,
      state: "NUOVO",
    });
    const queue = await listOfficeQuesiti(colleague, { assegnazione: "miei" });
    expect(queue.rows.map((row) => row.id)).toEqual([quesitoId]);
    const event = (await eventsOf(requestId)).at(-1);
    expect(event).toMatchObject({ type: "RIASSEGNATA", comment: "Segue lei le pratiche UniEmens", fromState: "IN_LAVORAZIONE" });
  });

  it("reassign to another office moves visibility", async () => {
    const otherOfficeId = (await createOffice()).id;
    const otherOperator = await operatorActor(otherOfficeId);
    await takeQuesito(operator, quesitoId, { expectedVersion: 0 });

    await reassignQuesito(operator, quesitoId, { expectedVersion: 1, officeId: otherOfficeId, comment: "Competenza territoriale" });

    expect(await prisma.quesito.findUniqueOrThrow({ where: { id: quesitoId } })).toMatchObject({
      officeId: otherOfficeId,
      assigneeId: null,
      state: "NUOVO",
    });
    await expect(getQuesito(operator, quesitoId, "/fascicolo/quesiti")).rejects.toThrow(NotFoundError);
    expect((await listOfficeQuesiti(operator, { stato: "tutti" })).rows).toEqual([]);
    const seen = await getQuesito(otherOperator, quesitoId, "/fascicolo/quesiti");
    expect(seen.office.id).toBe(otherOfficeId);
    expect(seen.history.at(-1)).toMatchObject({ type: "RIASSEGNATA", comment: "Competenza territoriale", internal: true });
    expect((await listOfficeQuesiti(otherOperator, {})).rows.map((row) => row.id)).toEqual([quesitoId]);
    const taken = await takeQuesito(otherOperator, quesitoId, { expectedVersion: 2 });
    expect(taken.state).toBe("IN_LAVORAZIONE");
  });

  it("reassign needs a target and a comment, and refuses an operator of another office", async () => {
    const stranger = await operatorActor((await createOffice()).id);
    await expect(reassignQuesito(operator, quesitoId, { expectedVersion: 0, comment: "x" })).rejects.toThrow(ValidationError);
    await expect(
      reassignQuesito(operator, quesitoId, { expectedVersion: 0, operatorId: colleague.operatorId, comment: " " }),
    ).rejects.toThrow(ValidationError);
    await expect(
      reassignQuesito(operator, quesitoId, { expectedVersion: 0, operatorId: stranger.operatorId, comment: "x" }),
    ).rejects.toThrow(ValidationError);
    expect((await prisma.quesito.findUniqueOrThrow({ where: { id: quesitoId } })).version).toBe(0);
  });

  it("change state with a comment, both ways", async () => {
    await takeQuesito(operator, quesitoId, { expectedVersion: 0 });
    const waiting = await changeQuesitoState(operator, quesitoId, {
      expectedVersion: 1,
      toState: "IN_ATTESA_CONTRIBUENTE",
      comment: "Inviare copia del versamento",
    });
    expect(waiting).toMatchObject({ state: "IN_ATTESA_CONTRIBUENTE", version: 2 });
    const back = await changeQuesitoState(operator, quesitoId, { expectedVersion: 2, toState: "IN_LAVORAZIONE", comment: "Ricevuto" });
    expect(back.state).toBe("IN_LAVORAZIONE");
    const events = (await eventsOf(requestId)).filter((event) => event.type === "STATO_MODIFICATO");
    expect(events.map((event) => [event.fromState, event.toState, event.comment])).toEqual([
      ["IN_LAVORAZIONE", "IN_ATTESA_CONTRIBUENTE", "Inviare copia del versamento"],
      ["IN_ATTESA_CONTRIBUENTE", "IN_LAVORAZIONE", "Ricevuto"],
    ]);
  });

  it("a state change needs a comment and a working state", async () => {
    await takeQuesito(operator, quesitoId, { expectedVersion: 0 });
    await expect(
      changeQuesitoState(operator, quesitoId, { expectedVersion: 1, toState: "IN_ATTESA_CONTRIBUENTE", comment: "" }),
    ).rejects.toThrow(ValidationError);
    await expect(changeQuesitoState(operator, quesitoId, { expectedVersion: 1, toState: "CHIUSO", comment: "x" })).rejects.toThrow(
      ValidationError,
    );
  });

  it("close with esito and comment; afterwards every action is refused", async () => {
    await takeQuesito(operator, quesitoId, { expectedVersion: 0 });
    const closed = await closeQuesito(operator, quesitoId, {
      expectedVersion: 1,
      esito: "PARZIALMENTE_ACCOLTA",
      comment: "Rimborso parziale",
    });
    expect(closed).toMatchObject({ state: "CHIUSO", version: 2 });
    const quesito = await prisma.quesito.findUniqueOrThrow({ where: { id: quesitoId } });
    expect(quesito).toMatchObject({ esito: "PARZIALMENTE_ACCOLTA", state: "CHIUSO" });
    expect(quesito.closedAt).toBeInstanceOf(Date);
    expect((await eventsOf(requestId)).at(-1)).toMatchObject({
      type: "CHIUSA",
      comment: "Rimborso parziale",
      data: { esito: "PARZIALMENTE_ACCOLTA" },
    });

    const v = { expectedVersion: 2 };
    const attempts = [
      () => takeQuesito(operator, quesitoId, v),
      () => reassignQuesito(operator, quesitoId, { ...v, operatorId: colleague.operatorId, comment: "x" }),
      () => changeQuesitoState(operator, quesitoId, { ...v, toState: "IN_LAVORAZIONE", comment: "x" }),
      () => closeQuesito(operator, quesitoId, { ...v, esito: "ACCOLTA", comment: "x" }),
      () => addInternalNote(operator, quesitoId, { ...v, body: "x" }),
      () => replyToQuesito(operator, quesitoId, { ...v, body: "x" }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toThrow(/^La richiesta è chiusa: non è possibile /);
    expect(await prisma.message.count({ where: { requestId, authorOperatorId: { not: null } } })).toBe(0);
    expect((await prisma.quesito.findUniqueOrThrow({ where: { id: quesitoId } })).version).toBe(2);
  });

  it("closing needs an esito and a comment", async () => {
    await takeQuesito(operator, quesitoId, { expectedVersion: 0 });
    await expect(closeQuesito(operator, quesitoId, { expectedVersion: 1, comment: "x" })).rejects.toThrow(ValidationError);
    await expect(closeQuesito(operator, quesitoId, { expectedVersion: 1, esito: "ACCOLTA", comment: "" })).rejects.toThrow(ValidationError);
  });

  it("an internal note is an INTERNO message, the state unchanged", async () => {
    const result = await addInternalNote(operator, quesitoId, { expectedVersion: 0, body: "Verificare con l'ufficio vigilanza" });
    expect(result).toMatchObject({ state: "NUOVO", version: 1 });
    const [message] = await prisma.message.findMany({ where: { requestId, authorOperatorId: { not: null } } });
    expect(message).toMatchObject({
      visibility: "INTERNO",
      authorOperatorId: operator.operatorId,
      body: "Verificare con l'ufficio vigilanza",
    });
    expect((await eventsOf(requestId)).at(-1)).toMatchObject({ type: "NOTA_INTERNA", data: { messageId: message?.id } });
  });

  it("a reply is a public message; it may move the quesito to waiting for the contributor", async () => {
    await expect(replyToQuesito(operator, quesitoId, { expectedVersion: 0, body: "Risposta" })).rejects.toThrow(
      "Prendere in carico il quesito prima di rispondere.",
    );
    await takeQuesito(operator, quesitoId, { expectedVersion: 0 });
    const result = await replyToQuesito(operator, quesitoId, {
      expectedVersion: 1,
      body: "Inviare il modello F24 quietanzato.",
      nextState: "IN_ATTESA_CONTRIBUENTE",
    });
    expect(result.state).toBe("IN_ATTESA_CONTRIBUENTE");
    const [message] = await prisma.message.findMany({ where: { requestId, authorOperatorId: { not: null } } });
    expect(message).toMatchObject({
      visibility: "PUBBLICO",
      body: "Inviare il modello F24 quietanzato.",
      authorOperatorId: operator.operatorId,
    });
    expect((await eventsOf(requestId)).at(-1)).toMatchObject({
      type: "RISPOSTA",
      fromState: "IN_LAVORAZIONE",
      toState: "IN_ATTESA_CONTRIBUENTE",
      data: { messageId: message?.id },
    });
    const unchanged = await replyToQuesito(operator, quesitoId, { expectedVersion: 2, body: "Sollecito", nextState: "" });
    expect(unchanged.state).toBe("IN_ATTESA_CONTRIBUENTE");
  });

  it("the first reply's instant is kept on the quesito, later replies leave it", async () => {
    await takeQuesito(operator, quesitoId, { expectedVersion: 0 });
    await replyToQuesito(operator, quesitoId, { expectedVersion: 1, body: "Prima risposta" });
    await replyToQuesito(operator, quesitoId, { expectedVersion: 2, body: "Seconda risposta" });
    const replies = (await eventsOf(requestId)).filter((event) => event.type === "RISPOSTA");
    expect(replies).toHaveLength(2);
    expect(replies[1]?.createdAt.getTime()).toBeGreaterThan(replies[0]?.createdAt.getTime() ?? Infinity);
    expect((await prisma.quesito.findUniqueOrThrow({ where: { id: quesitoId } })).firstReplyAt).toEqual(replies[0]?.createdAt);
  });

  it("a reply is dated at the service's now: its message, its event and the first-reply stamp", async () => {
    const repliedAt = new Date("2026-03-02T09:30:00Z");
    await takeQuesito(operator, quesitoId, { expectedVersion: 0 });
    await replyToQuesito(operator, quesitoId, { expectedVersion: 1, body: "Risposta datata" }, [], repliedAt);
    const reply = (await eventsOf(requestId)).find((event) => event.type === "RISPOSTA");
    expect(reply?.createdAt).toEqual(repliedAt);
    const message = await prisma.message.findFirstOrThrow({ where: { requestId, authorOperatorId: operator.operatorId } });
    expect(message.createdAt).toEqual(repliedAt);
    expect((await prisma.quesito.findUniqueOrThrow({ where: { id: quesitoId } })).firstReplyAt).toEqual(repliedAt);
  });

  it("a stale version is refused by every action and writes nothing", async () => {
    await takeQuesito(operator, quesitoId, { expectedVersion: 0 });
    const v = { expectedVersion: 0 };
    const attempts = [
      takeQuesito(colleague, quesitoId, v),
      reassignQuesito(colleague, quesitoId, { ...v, operatorId: operator.operatorId, comment: "x" }),
      changeQuesitoState(colleague, quesitoId, { ...v, toState: "IN_ATTESA_CONTRIBUENTE", comment: "x" }),
      closeQuesito(colleague, quesitoId, { ...v, esito: "ACCOLTA", comment: "x" }),
      addInternalNote(colleague, quesitoId, { ...v, body: "x" }),
      replyToQuesito(colleague, quesitoId, { ...v, body: "x" }),
    ];
    const results = await Promise.allSettled(attempts);
    const reasons = results.map((result) => (result.status === "rejected" ? result.reason : result.value));
    // Taking again is refused by state first; everything else by version.
    expect(reasons[0]).toBeInstanceOf(ConflictError);
    for (const reason of reasons.slice(1)) expect(reason).toEqual(stale);
    expect(await prisma.message.count({ where: { requestId, authorOperatorId: { not: null } } })).toBe(0);
    expect(await prisma.quesito.findUniqueOrThrow({ where: { id: quesitoId } })).toMatchObject({ version: 1, state: "IN_LAVORAZIONE" });
  });

  it("an operator of another office: NotFound on every action, nothing changes", async () => {
    const stranger = await operatorActor((await createOffice()).id);
    const v = { expectedVersion: 0 };
    const attempts = [
      () => getQuesito(stranger, quesitoId, "/fascicolo/quesiti"),
      () => takeQuesito(stranger, quesitoId, v),
      () => reassignQuesito(stranger, quesitoId, { ...v, officeId: stranger.office.id, comment: "x" }),
      () => changeQuesitoState(stranger, quesitoId, { ...v, toState: "IN_ATTESA_CONTRIBUENTE", comment: "x" }),
      () => closeQuesito(stranger, quesitoId, { ...v, esito: "ACCOLTA", comment: "x" }),
      () => addInternalNote(stranger, quesitoId, { ...v, body: "x" }),
      () => replyToQuesito(stranger, quesitoId, { ...v, body: "x" }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toThrow(NotFoundError);
    expect(await prisma.quesito.findUniqueOrThrow({ where: { id: quesitoId } })).toMatchObject({ version: 0, officeId });
    expect(await prisma.message.count({ where: { requestId, authorOperatorId: { not: null } } })).toBe(0);
  });

  it("a version field that is missing, blank or not a version refuses the form with one message, nothing written", async () => {
    for (const expectedVersion of [undefined, "", "abc", "-1", "1.5", "99999999999"]) {
      const refusal = await takeQuesito(operator, quesitoId, { expectedVersion }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ValidationError);
      expect(refusal).toMatchObject({
        message: "Il modulo non è valido: ricaricare la pagina.",
        fieldErrors: { expectedVersion: ["Il modulo non è valido: ricaricare la pagina."] },
      });
    }
    expect(await prisma.quesito.findUniqueOrThrow({ where: { id: quesitoId } })).toMatchObject({ version: 0, state: "NUOVO" });
  });

  it("an id that names no quesito is NotFound, not an error", async () => {
    await expect(getQuesito(operator, "non-un-id", "/fascicolo/quesiti")).rejects.toThrow(NotFoundError);
    await expect(takeQuesito(operator, "../../etc", { expectedVersion: 0 })).rejects.toThrow(NotFoundError);
    await expect(getQuesito(operator, "00000000-0000-7000-8000-000000000000", "/fascicolo/quesiti")).rejects.toThrow(NotFoundError);
  });
});
