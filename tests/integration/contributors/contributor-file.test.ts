import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { recordAccess } from "@/server/audit/record-access";
import { getContributorFile } from "@/server/contributors/get-contributor-file";
import { TIMELINE_PAGE_SIZE } from "@/server/contributors/schemas";
import { prisma } from "@/server/db/client";
import { encodeKeysetCursor } from "@/server/db/keyset";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { createDelegation, createOffice, createPerson, createPosition } from "../../support/fixtures";
import { createQuesito, operatorActor } from "../../support/quesito-fixtures";

// The access log is the audit module's; here only that every opening reaches it, and with what.
vi.mock("@/server/audit/record-access", async (original) => {
  const actual = await original<typeof import("@/server/audit/record-access")>();
  return { recordAccess: vi.fn(actual.recordAccess) };
});

const PAGE = "/fascicolo/contribuenti/prova";

/**
 * One contributor with a position at office A (competent) and one at office
 * B, quesiti at both, and one of each kind of event; operators of A, of B,
 * and of C (neither competent nor with a quesito).
 */
describe("getContributorFile", () => {
  let officeA: OperatorActor;
  let officeB: OperatorActor;
  let officeC: OperatorActor;
  let holder: { id: string; codiceFiscale: string };
  let positionA: { id: string; matricola: string };
  let positionB: { id: string; matricola: string };
  const quesiti: Record<string, { quesitoId: string; requestId: string; protocol: string }> = {};
  let delegate: { id: string; codiceFiscale: string; givenName: string; familyName: string };

  const at = (iso: string) => new Date(iso);
  const file = (operator: OperatorActor, filters: Record<string, string | string[]> = {}) =>
    getContributorFile(operator, holder.codiceFiscale, filters, PAGE);
  const keysOf = async (operator: OperatorActor, filters: Record<string, string | string[]> = {}) =>
    (await file(operator, filters)).items.map((item) =>
      item.key
        .split(":")
        .slice(0, 1)
        .concat(item.kind === "deleghe" ? [item.event] : [])
        .join(":"),
    );

  beforeAll(async () => {
    const a = (await createOffice()).id;
    const b = (await createOffice()).id;
    const c = (await createOffice()).id;
    officeA = await operatorActor(a);
    officeB = await operatorActor(b);
    officeC = await operatorActor(c);
    holder = await createPerson("Titolare");
    positionA = await createPosition(holder.id, a, "AZIENDE");
    positionB = await createPosition(holder.id, b, "ARTIGIANI_COMMERCIANTI");

    const make = async (key: string, officeId: string, positionId: string, receivedAt: string, text: string) => {
      const created = await createQuesito({ officeId, holder, positionId, receivedAt: at(receivedAt), text });
      quesiti[key] = { quesitoId: created.quesito.id, requestId: created.request.id, protocol: created.request.protocolNumber };
    };
    await make("a", a, positionA.id, "2026-03-01T09:00:00Z", "Testo della richiesta alla sede A.");
    await make("b", b, positionB.id, "2026-03-02T09:00:00Z", "Testo riservato della richiesta alla sede B.");
    // The notices the opening events queued (at the real time): this file writes its own, at known times.
    await prisma.notification.deleteMany({});
    const requestA = quesiti.a?.requestId ?? "";
    const requestB = quesiti.b?.requestId ?? "";

    const operatorA = await prisma.operator.findUniqueOrThrow({ where: { id: officeA.operatorId } });
    const operatorB = await prisma.operator.findUniqueOrThrow({ where: { id: officeB.operatorId } });
    await prisma.message.createMany({
      data: [
        {
          requestId: requestA,
          body: "Nota interna della sede A.",
          visibility: "INTERNO",
          authorOperatorId: operatorA.id,
          createdAt: at("2026-03-03T09:00:00Z"),
        },
        {
          requestId: requestA,
          body: "Risposta pubblica della sede A.",
          authorOperatorId: operatorA.id,
          createdAt: at("2026-03-04T09:00:00Z"),
        },
        {
          requestId: requestB,
          body: "Nota interna della sede B.",
          visibility: "INTERNO",
          authorOperatorId: operatorB.id,
          createdAt: at("2026-03-03T10:00:00Z"),
        },
        {
          requestId: requestB,
          body: "Risposta pubblica della sede B.",
          authorOperatorId: operatorB.id,
          createdAt: at("2026-03-04T10:00:00Z"),
        },
      ],
    });
    await prisma.appointment.create({
      data: {
        officeId: a,
        requestId: requestA,
        bookedById: holder.id,
        actingProfile: "TITOLARE",
        channel: "TELEFONICO",
        startsAt: at("2026-03-10T09:00:00Z"),
        endsAt: at("2026-03-10T09:30:00Z"),
        reason: "Chiarimenti.",
        createdAt: at("2026-03-05T09:00:00Z"),
      },
    });
    const profile = await prisma.contactProfile.create({ data: { personId: holder.id, gestione: "AZIENDE", email: "nuova@example.it" } });
    await prisma.contactChange.create({
      data: {
        profileId: profile.id,
        field: "EMAIL",
        oldValue: "vecchia@example.it",
        newValue: "nuova@example.it",
        status: "APPLIED",
        changedById: holder.id,
        createdAt: at("2026-03-06T09:00:00Z"),
        resolvedAt: at("2026-03-06T09:05:00Z"),
      },
    });
    delegate = await prisma.person.create({ data: { codiceFiscale: "DLGTNT80A01H501X", givenName: "Dario", familyName: "Delegato" } });
    const granted = await createDelegation({ holderId: holder.id, delegateId: delegate.id, positionIds: [positionA.id] });
    await prisma.delegation.update({
      where: { id: granted.id },
      data: {
        createdAt: at("2026-03-07T09:00:00Z"),
        status: "REVOKED",
        revokedAt: at("2026-03-09T09:00:00Z"),
        revokedReason: "Cambio di consulente.",
      },
    });
    const requested = await createDelegation({
      holderId: holder.id,
      delegateId: delegate.id,
      positionIds: [positionB.id],
      status: "PENDING",
    });
    await prisma.delegation.update({
      where: { id: requested.id },
      data: { origin: "RICHIESTA", createdAt: at("2026-03-08T09:00:00Z"), acceptedAt: at("2026-03-08T12:00:00Z") },
    });
    await prisma.notification.createMany({
      data: [
        {
          requestId: requestA,
          channel: "EMAIL",
          recipient: "nuova@example.it",
          template: "prova",
          templateVersion: 1,
          subject: "Avviso A",
          body: "A",
          status: "SENT",
          sentAt: at("2026-03-04T09:01:00Z"),
          createdAt: at("2026-03-04T09:00:30Z"),
        },
        {
          requestId: requestB,
          channel: "EMAIL",
          recipient: "nuova@example.it",
          template: "prova",
          templateVersion: 1,
          subject: "Avviso B",
          body: "B",
          status: "SENT",
          createdAt: at("2026-03-04T10:00:30Z"),
        },
      ],
    });
  });

  beforeEach(() => {
    vi.mocked(recordAccess).mockClear();
  });

  it("opens for the office competent for a position, and logs the opening", async () => {
    const opened = await file(officeA);
    expect(opened.person.codiceFiscale).toBe(holder.codiceFiscale);
    expect(opened.positions.map((position) => [position.matricola, position.ownOffice])).toEqual(
      expect.arrayContaining([
        [positionA.matricola, true],
        [positionB.matricola, false],
      ]),
    );
    expect(recordAccess).toHaveBeenCalledWith(
      officeA,
      expect.objectContaining({
        action: "FASCICOLO_CONTRIBUENTE_APERTO",
        targetType: "CONTRIBUENTE",
        targetId: holder.id,
        page: PAGE,
        granted: true,
      }),
    );
  });

  it("logs the filters and the timeline page viewed with the file's path, never a refused value", async () => {
    const dopo = encodeKeysetCursor("2026-03-01T00:00:00.000Z", "00000000-0000-7000-8000-000000000000");
    await file(officeA, { tipo: ["messaggi", "deleghe"], dal: "2026-01-01", al: "x".repeat(10_000), dopo });
    expect(recordAccess).toHaveBeenLastCalledWith(
      officeA,
      expect.objectContaining({ page: `${PAGE}?tipo=messaggi&tipo=deleghe&dal=2026-01-01&dopo=${dopo}`, granted: true }),
    );
  });

  it("opens for an office with only a quesito in its queue", async () => {
    const officeD = (await createOffice()).id;
    const onlyQuesito = await operatorActor(officeD);
    await createQuesito({ officeId: officeD, holder, positionId: positionA.id, receivedAt: at("2026-01-01T09:00:00Z") });
    expect((await file(onlyQuesito)).person.codiceFiscale).toBe(holder.codiceFiscale);
  });

  it("is not found for an office with neither, nor for a person that does not exist or a malformed code, each refusal logged", async () => {
    await expect(file(officeC)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getContributorFile(officeA, "ZZZZZZ99Z99Z999Z", {}, PAGE)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getContributorFile(officeA, '\'; DROP TABLE "Person"; --', {}, PAGE)).rejects.toBeInstanceOf(NotFoundError);
    const refusals = vi.mocked(recordAccess).mock.calls.map(([, entry]) => [entry.action, entry.granted, entry.targetId]);
    expect(refusals).toEqual([
      ["FASCICOLO_CONTRIBUENTE_NEGATO", false, holder.codiceFiscale],
      ["FASCICOLO_CONTRIBUENTE_NEGATO", false, "ZZZZZZ99Z99Z999Z"],
      ["FASCICOLO_CONTRIBUENTE_NEGATO", false, "DROPTABLEPERSON"],
    ]);
  });

  it("shows one timeline of every kind, newest first", async () => {
    expect(await keysOf(officeA)).toEqual([
      "appuntamenti",
      "deleghe:REVOCATA",
      "deleghe:ACCETTATA",
      "deleghe:RICHIESTA",
      "deleghe:CONFERITA",
      "contatti",
      "notifiche",
      "messaggi",
      "messaggi",
      "richieste",
      // The request's text is its thread's first message, written just after it.
      "messaggi",
      "richieste",
      // Office D's quesito (the test before): a summary, its thread not shown.
      "richieste",
    ]);
  });

  it("shows another office's quesito as a summary, without its text, messages or notices", async () => {
    const opened = await file(officeA);
    const other = opened.items.find((item) => item.kind === "richieste" && item.protocolNumber === quesiti.b?.protocol);
    expect(other).toMatchObject({ stateLabel: expect.any(String), quesitoId: null, office: { code: expect.any(String) } });
    const own = opened.items.find((item) => item.kind === "richieste" && item.protocolNumber === quesiti.a?.protocol);
    expect(own).toMatchObject({ quesitoId: quesiti.a?.quesitoId });
    const shown = JSON.stringify(opened);
    expect(shown).not.toContain("Testo riservato");
    expect(shown).not.toContain("sede B.");
    expect(shown).not.toContain("Avviso B");
    expect(shown).toContain("Risposta pubblica della sede A.");
  });

  it("keeps internal notes within their office", async () => {
    const bodies = (operator: OperatorActor) =>
      file(operator, { tipo: "messaggi" }).then((opened) => opened.items.flatMap((item) => (item.kind === "messaggi" ? [item.body] : [])));
    expect(await bodies(officeA)).toContain("Nota interna della sede A.");
    expect(await bodies(officeA)).not.toContain("Nota interna della sede B.");
    expect(await bodies(officeB)).toContain("Nota interna della sede B.");
    expect(await bodies(officeB)).not.toContain("Nota interna della sede A.");
  });

  it("describes each kind: request state and office, appointment, contact change, delegation events by whom, delivery", async () => {
    const { items } = await file(officeA);
    expect(items.find((item) => item.kind === "appuntamenti")).toMatchObject({ channelLabel: "Telefonico", statusLabel: "Prenotato" });
    expect(items.find((item) => item.kind === "contatti")).toMatchObject({
      fieldLabel: "E-mail",
      oldValue: "vecchia@example.it",
      newValue: "nuova@example.it",
      statusLabel: "In vigore",
    });
    const delegationBy = Object.fromEntries(items.flatMap((item) => (item.kind === "deleghe" ? [[item.event, item.by]] : [])));
    expect(delegationBy).toEqual({
      CONFERITA: expect.stringContaining("Titolare"),
      RICHIESTA: "Dario Delegato",
      ACCETTATA: expect.stringContaining("Titolare"),
      REVOCATA: expect.stringContaining("Titolare"),
    });
    expect(items.find((item) => item.kind === "deleghe" && item.event === "REVOCATA")).toMatchObject({ reason: "Cambio di consulente." });
    expect(items.find((item) => item.kind === "notifiche")).toMatchObject({ delivery: { state: "CONSEGNATA" }, subject: "Avviso A" });
  });

  it("filters by kind, position and period", async () => {
    expect(await keysOf(officeA, { tipo: "deleghe" })).toEqual([
      "deleghe:REVOCATA",
      "deleghe:ACCETTATA",
      "deleghe:RICHIESTA",
      "deleghe:CONFERITA",
    ]);
    expect(await keysOf(officeA, { tipo: ["contatti", "appuntamenti"] })).toEqual(["appuntamenti", "contatti"]);
    expect(await keysOf(officeA, { posizione: positionB.id })).toEqual(["deleghe:ACCETTATA", "deleghe:RICHIESTA", "richieste"]);
    expect(await keysOf(officeA, { dal: "2026-03-06", al: "2026-03-08" })).toEqual([
      "deleghe:ACCETTATA",
      "deleghe:RICHIESTA",
      "deleghe:CONFERITA",
      "contatti",
    ]);
  });

  it("reports refused filters in Italian and applies the others", async () => {
    const opened = await file(officeA, {
      tipo: "sconosciuto",
      posizione: "00000000-0000-7000-8000-000000000000",
      dal: "2026-03-09",
      al: "2026-03-01",
    });
    expect(opened.errors).toEqual({
      tipo: ["Scegliere i tipi tra quelli proposti."],
      posizione: ["Scegliere una posizione tra quelle proposte."],
      al: ["La data finale non può precedere quella iniziale."],
    });
    expect(opened.items.map((item) => item.kind)).toEqual(["appuntamenti", "deleghe"]);
  });

  it("parses each filter once: odd values each get their message, in one answer, and the rest applies", async () => {
    const opened = await file(officeA, {
      tipo: ["appuntamenti", "x".repeat(10_000)],
      posizione: ["a", "b"],
      dal: "2026-02-30",
      al: "\u0000",
      dopo: "%%%",
    });
    expect(opened.errors).toEqual({
      tipo: ["Scegliere i tipi tra quelli proposti."],
      posizione: ["Scegliere una posizione tra quelle proposte."],
      dal: ["Indicare una data valida (gg/mm/aaaa)."],
      al: ["Indicare una data valida (gg/mm/aaaa)."],
    });
    expect(opened.filters).toEqual({});
    expect(opened.items.length).toBeGreaterThan(0);
  });

  it("pages by keyset, newest first, without gaps or repeats", async () => {
    const request = quesiti.a?.requestId ?? "";
    await prisma.message.createMany({
      data: Array.from({ length: TIMELINE_PAGE_SIZE + 5 }, (_, index) => ({
        requestId: request,
        body: `Messaggio ${index}`,
        authorPersonId: holder.id,
        createdAt: at(`2026-02-01T09:${String(index).padStart(2, "0")}:00Z`),
      })),
    });
    const first = await file(officeA, { tipo: "messaggi" });
    expect(first.items).toHaveLength(TIMELINE_PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    const second = await file(officeA, { tipo: "messaggi", dopo: first.nextCursor ?? "" });
    const all = [...first.items, ...second.items];
    expect(second.nextCursor).toBeNull();
    expect(new Set(all.map((item) => item.id)).size).toBe(all.length);
    expect(all.map((item) => item.at.getTime())).toEqual([...all.map((item) => item.at.getTime())].sort((x, y) => y - x));
    const messages = await prisma.message.count({
      where: { requestId: request, OR: [{ visibility: "PUBBLICO" }, { authorOperator: { officeId: officeA.office.id } }] },
    });
    expect(all).toHaveLength(messages);
  });
});
