import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/server/db/client";
import { NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import { assignProtocolNumber } from "@/server/protocol/assign-protocol-number";
import { createRequest } from "@/server/requests/create-request";
import { SUBJECT_NOT_IN_GESTIONE, SUBJECT_ONLY_AS_INSTANCE } from "@/server/requests/active-subject";
import { openingEvents } from "@/server/workflow/lifecycle";
import { createDelegation, createOffice, createPerson, createPosition } from "../../support/fixtures";
import { contributorActor } from "../../support/quesito-fixtures";
import { stagePdf } from "../../support/request-files";
import {
  createHolderWithPosition,
  seededSubject,
  type HolderWithPosition,
  withStorageAndReferenceData,
} from "../../support/request-fixtures";

vi.mock("@/server/protocol/assign-protocol-number", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/server/protocol/assign-protocol-number")>();
  return { ...original, assignProtocolNumber: vi.fn(original.assignProtocolNumber) };
});
vi.mock("@/server/workflow/lifecycle", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/server/workflow/lifecycle")>();
  return { ...original, openingEvents: vi.fn(original.openingEvents) };
});

const now = new Date("2026-11-20T10:00:00Z");
const storage = withStorageAndReferenceData();

/** A valid form as the browser sends it. */
function form(positionId: string, subjectId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    positionId,
    subjectId,
    text: "Chiedo la verifica del versamento di marzo, non abbinato alla matricola.",
    email: "Mario.Rossi@Example.it",
    pec: "",
    mobile: "+39 333 123 4567",
    landline: "06 1234 5678",
    fax: "",
    extraEmail: "",
    consentEmail: "on",
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

async function validationErrorOf(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

async function counts() {
  const [requests, quesiti, messages, attachments, events] = await Promise.all([
    prisma.request.count(),
    prisma.quesito.count(),
    prisma.message.count(),
    prisma.attachment.count(),
    prisma.requestEvent.count(),
  ]);
  return { requests, quesiti, messages, attachments, events, files: (await storage.storedKeys()).length };
}

describe("createRequest", () => {
  let office: HolderWithPosition["office"];
  let holder: HolderWithPosition["holder"];
  let aziende: HolderWithPosition["position"];
  let subject: Awaited<ReturnType<typeof seededSubject>>;

  beforeEach(async () => {
    ({ office, holder, position: aziende } = await createHolderWithPosition("AZIENDE"));
    subject = await seededSubject("AZIENDE");
  });

  it("registers the request, its quesito, the first message with its files and the opening events", async () => {
    const files = [await stagePdf("estratto conto.pdf"), await stagePdf("ricevuta.pdf")];

    const created = await createRequest(contributorActor(holder), form(aziende.id, subject.id), files, now);

    expect(created.replayed).toBe(false);
    expect(created.protocolNumber).toBe(`INPS.${office.code}.20/11/2026.0000001`);
    const request = await prisma.request.findUniqueOrThrow({
      where: { id: created.id },
      include: { quesito: true, messages: { include: { attachments: true } }, events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
    });
    expect(request).toMatchObject({
      positionId: aziende.id,
      subjectId: subject.id,
      submittedById: holder.id,
      holderId: holder.id,
      actingProfile: "TITOLARE",
      contactEmail: "mario.rossi@example.it",
      contactMobile: "+393331234567",
      contactLandline: "+390612345678",
      contactPec: null,
      contactFax: null,
      extraEmail: null,
      consentEmail: true,
      consentSms: false,
      consentPec: false,
      createdAt: now,
      lastActivityAt: now,
    });
    // The queue's filters read the gestione and subject on the quesito (decision 0030).
    expect(request.quesito).toMatchObject({
      officeId: office.id,
      gestione: "AZIENDE",
      subjectId: subject.id,
      state: "NUOVO",
      assigneeId: null,
    });
    expect(request.messages).toHaveLength(1);
    const [message] = request.messages;
    expect(message).toMatchObject({ visibility: "PUBBLICO", authorPersonId: holder.id, body: request.text });
    expect(message?.attachments.map((file) => [file.fileName, file.sha256])).toEqual(
      expect.arrayContaining(files.map((file) => [file.fileName, file.sha256])),
    );
    expect(message?.bundleKey).toBeTruthy();
    expect(request.events.map((event) => event.type)).toEqual(["PROTOCOLLATA", "SMISTATA"]);
    const stored = await storage.storedKeys();
    expect(stored).toEqual(expect.arrayContaining([...(message?.attachments.map((file) => file.storageKey) ?? []), message?.bundleKey]));
  });

  it("routes to the subject's office when the subject says so", async () => {
    const specialist = await createOffice();
    const routed = await prisma.subject.update({ where: { id: subject.id }, data: { routeToOfficeId: specialist.id } });
    try {
      const created = await createRequest(contributorActor(holder), form(aziende.id, routed.id), [], now);
      const quesito = await prisma.quesito.findUniqueOrThrow({ where: { requestId: created.id } });
      expect(quesito.officeId).toBe(specialist.id);
      expect(created.protocolNumber).toContain(`INPS.${specialist.code}.`);
    } finally {
      await prisma.subject.update({ where: { id: subject.id }, data: { routeToOfficeId: null } });
    }
  });

  it("records who acted for whom when an intermediary sends it", async () => {
    const intermediary = await createPerson("Intermediario");
    await createDelegation({ holderId: holder.id, delegateId: intermediary.id, positionIds: [aziende.id] });

    const created = await createRequest(contributorActor(intermediary, "INTERMEDIARIO"), form(aziende.id, subject.id), [], now);

    const request = await prisma.request.findUniqueOrThrow({ where: { id: created.id } });
    expect(request).toMatchObject({ submittedById: intermediary.id, holderId: holder.id, actingProfile: "INTERMEDIARIO" });
  });

  it("does not find a position the actor may not act on: another's, or after the delegation ended", async () => {
    const stranger = await createPerson("Estraneo");
    const intermediary = await createPerson("Intermediario scaduto");
    await createDelegation({
      holderId: holder.id,
      delegateId: intermediary.id,
      positionIds: [aziende.id],
      validTo: new Date("2026-10-31T23:00:00Z"),
    });
    const before = await counts();

    await expect(createRequest(contributorActor(stranger), form(aziende.id, subject.id), [], now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createRequest(contributorActor(intermediary, "INTERMEDIARIO"), form(aziende.id, subject.id), [await stagePdf()], now),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(createRequest(contributorActor(holder), form("non-un-id", subject.id), [], now)).rejects.toBeInstanceOf(NotFoundError);

    expect(await counts()).toEqual(before);
  });

  it("asks for at least one e-mail or phone number", async () => {
    const error = await validationErrorOf(
      createRequest(
        contributorActor(holder),
        form(aziende.id, subject.id, { email: "", mobile: "", landline: "", consentEmail: undefined }),
        [],
        now,
      ),
    );
    expect(error.fieldErrors).toEqual({ email: ["Indicare almeno un indirizzo e-mail o un numero di telefono."] });
  });

  it("asks for the PEC where the gestione requires it", async () => {
    const professionista = await createPosition(holder.id, office.id, "GS_PROFESSIONISTI");
    const gsSubject = await seededSubject("GS_PROFESSIONISTI");

    const error = await validationErrorOf(createRequest(contributorActor(holder), form(professionista.id, gsSubject.id), [], now));

    expect(error.fieldErrors).toEqual({ pec: ["Per la Gestione Separata – Liberi professionisti la PEC è obbligatoria."] });
    const created = await createRequest(
      contributorActor(holder),
      form(professionista.id, gsSubject.id, { pec: "studio@pec.example.it" }),
      [],
      now,
    );
    expect(created.replayed).toBe(false);
  });

  it("ties each consent to the contact it needs", async () => {
    const error = await validationErrorOf(
      createRequest(
        contributorActor(holder),
        form(aziende.id, subject.id, { email: "", mobile: "", consentEmail: "on", consentSms: "on", consentPec: "on" }),
        [],
        now,
      ),
    );
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["consentEmail", "consentPec", "consentSms"]);
    expect(error.fieldErrors.consentSms).toEqual(["Per ricevere gli avvisi via SMS indicare un numero di cellulare."]);
  });

  it("refuses a subject of another gestione, an area, or a retired subject", async () => {
    const foreign = await seededSubject("ARTIGIANI_COMMERCIANTI");
    const area = await prisma.subject.findFirstOrThrow({ where: { gestione: "AZIENDE", parentId: null } });
    const retired = await prisma.subject.findFirstOrThrow({
      where: { gestione: "AZIENDE", parentId: { not: null }, id: { not: subject.id } },
    });
    await prisma.subject.update({ where: { id: retired.id }, data: { active: false } });
    try {
      for (const subjectId of [foreign.id, area.id, retired.id]) {
        const error = await validationErrorOf(createRequest(contributorActor(holder), form(aziende.id, subjectId), [], now));
        expect(error.fieldErrors).toEqual({ subjectId: [SUBJECT_NOT_IN_GESTIONE] });
      }
    } finally {
      await prisma.subject.update({ where: { id: retired.id }, data: { active: true } });
    }
  });

  it("refuses an istanza's subject posted as a free-text request: only its structured form files it", async () => {
    const committente = await createPosition(holder.id, office.id, "GS_COMMITTENTI");
    const rimborso = await prisma.subject.findUniqueOrThrow({
      where: { gestione_code: { gestione: "GS_COMMITTENTI", code: "GSC-ISTA-03" } },
    });
    const before = await prisma.request.count();
    const error = await validationErrorOf(createRequest(contributorActor(holder), form(committente.id, rimborso.id), [], now));
    expect(error.fieldErrors).toEqual({ subjectId: [SUBJECT_ONLY_AS_INSTANCE] });
    expect(await prisma.request.count()).toBe(before);
  });

  it("keeps the text between 20 and 4000 characters, trimmed", async () => {
    const long = await validationErrorOf(
      createRequest(contributorActor(holder), form(aziende.id, subject.id, { text: "x".repeat(5051) }), [], now),
    );
    expect(long.fieldErrors).toEqual({ text: ["Il testo è troppo lungo: 1.051 caratteri oltre il limite di 4.000."] });
    const short = await validationErrorOf(
      createRequest(contributorActor(holder), form(aziende.id, subject.id, { text: `   ${"x".repeat(19)}   ` }), [], now),
    );
    expect(short.fieldErrors).toEqual({ text: ["Il testo deve contenere almeno 20 caratteri."] });
    const exact = await createRequest(contributorActor(holder), form(aziende.id, subject.id, { text: ` ${"x".repeat(4000)} ` }), [], now);
    expect((await prisma.request.findUniqueOrThrow({ where: { id: exact.id } })).text).toHaveLength(4000);
  });

  it("checks the format of e-mail addresses and Italian phone numbers, all at once", async () => {
    const error = await validationErrorOf(
      createRequest(
        contributorActor(holder),
        form(aziende.id, subject.id, { email: "mario@", mobile: "+44 7700 900123", landline: "12345", extraEmail: "x" }),
        [],
        now,
      ),
    );
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["email", "extraEmail", "landline", "mobile"]);
  });

  it("holds the files to the gestione's limits", async () => {
    const professionista = await createPosition(holder.id, office.id, "GS_PROFESSIONISTI");
    const gsSubject = await seededSubject("GS_PROFESSIONISTI");
    const valid = form(professionista.id, gsSubject.id, { pec: "studio@pec.example.it" });
    const tooBig = await stagePdf("grande.pdf", 1024 * 1024 + 1);
    const six = await Promise.all(Array.from({ length: 6 }, (_, index) => stagePdf(`f${index}.pdf`)));
    const before = await counts();

    const big = await validationErrorOf(createRequest(contributorActor(holder), valid, [tooBig], now));
    expect(big.fieldErrors).toEqual({ allegati: ["Il file «grande.pdf» supera il limite di 1 MB."] });
    const many = await validationErrorOf(createRequest(contributorActor(holder), valid, six, now));
    expect(many.fieldErrors).toEqual({ allegati: ["Si possono allegare al massimo 5 file."] });
    expect(await counts()).toEqual(before);
  });

  it("answers a repeated submission with the request it registered", async () => {
    const input = form(aziende.id, subject.id);
    const first = await createRequest(contributorActor(holder), input, [await stagePdf()], now);
    const filesAfterFirst = await storage.storedKeys();

    const again = await createRequest(contributorActor(holder), input, [await stagePdf()], now);

    expect(again).toEqual({ ...first, replayed: true });
    expect(await prisma.request.count({ where: { submittedById: holder.id } })).toBe(1);
    expect(await storage.storedKeys()).toEqual(filesAfterFirst);
  });

  it("registers a double submit once, even when both arrive together", async () => {
    const input = form(aziende.id, subject.id);

    const results = await Promise.all([
      createRequest(contributorActor(holder), input, [await stagePdf("a.pdf")], now),
      createRequest(contributorActor(holder), input, [await stagePdf("b.pdf")], now),
    ]);

    expect(results[0].id).toBe(results[1].id);
    expect(results.map((result) => result.replayed).sort()).toEqual([false, true]);
    expect(await prisma.request.count({ where: { submittedById: holder.id } })).toBe(1);
    const attachments = await prisma.attachment.findMany({ select: { storageKey: true } });
    const messages = await prisma.message.findMany({ where: { bundleKey: { not: null } }, select: { bundleKey: true } });
    // Only the winner's files remain in storage.
    expect(await storage.storedKeys()).toEqual(
      [...attachments.map((file) => file.storageKey), ...messages.map((message) => message.bundleKey)].sort(),
    );
    // The loser's protocol number went back: the next one follows without a gap.
    const next = await createRequest(contributorActor(holder), form(aziende.id, subject.id), [], now);
    expect(next.protocolNumber).toBe(`INPS.${office.code}.20/11/2026.0000002`);
  });

  it("registers 50 concurrent submissions with files to one office, numbered 1…50 without a gap", async () => {
    const people = await Promise.all(Array.from({ length: 50 }, () => createPerson("Concorrente")));
    const positions = await Promise.all(people.map((person) => createPosition(person.id, office.id, "AZIENDE")));
    const files = await Promise.all(people.map((_, index) => stagePdf(`estratto-${index}.pdf`, 20_000)));

    const results = await Promise.allSettled(
      people.map((person, index) =>
        createRequest(contributorActor(person), form(positions[index]?.id ?? "", subject.id), [files[index]!], now),
      ),
    );

    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    const created = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    const progressives = created.map((request) => Number(request.protocolNumber.split(".").at(-1))).sort((a, b) => a - b);
    expect(progressives).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect(await prisma.attachment.count({ where: { message: { request: { quesito: { officeId: office.id } } } } })).toBe(50);
  });

  it("writes the final protocol number wherever the request shows it: its row, its events, its notices", async () => {
    const created = await createRequest(contributorActor(holder), form(aziende.id, subject.id), [], now);

    const request = await prisma.request.findUniqueOrThrow({
      where: { id: created.id },
      select: { protocolNumber: true, events: { where: { type: "PROTOCOLLATA" }, select: { data: true } }, notifications: true },
    });
    expect(request.protocolNumber).toBe(created.protocolNumber);
    expect(request.events).toEqual([{ data: { protocolNumber: created.protocolNumber } }]);
    expect(request.notifications.length).toBeGreaterThan(0);
    for (const notice of request.notifications) {
      const texts = [notice.subject ?? "", notice.body, notice.htmlBody ?? ""].join("\n");
      expect(texts).toContain(created.protocolNumber);
      expect(texts).not.toMatch(/INPS\.\d+\.\d\d\/\d\d\/\d{4}\.[A-Z]{7}/);
    }
  });

  it("leaves nothing behind when the protocol assignment fails", async () => {
    vi.mocked(assignProtocolNumber).mockRejectedValueOnce(new Error("registro di protocollo non disponibile"));
    const before = await counts();

    await expect(
      createRequest(contributorActor(holder), form(aziende.id, subject.id), [await stagePdf(), await stagePdf("altro.pdf")], now),
    ).rejects.toThrow("registro di protocollo non disponibile");

    expect(await counts()).toEqual(before);
  });

  it("leaves nothing behind, and gives the number back, when it fails after writing the rows", async () => {
    vi.mocked(openingEvents).mockImplementationOnce(async (...args) => {
      await vi
        .importActual<typeof import("@/server/workflow/lifecycle")>("@/server/workflow/lifecycle")
        .then((actual) => actual.openingEvents(...args));
      throw new Error("guasto dopo gli eventi");
    });
    const before = await counts();

    await expect(createRequest(contributorActor(holder), form(aziende.id, subject.id), [await stagePdf()], now)).rejects.toThrow(
      "guasto dopo gli eventi",
    );

    expect(await counts()).toEqual(before);
    const created = await createRequest(contributorActor(holder), form(aziende.id, subject.id), [], now);
    expect(created.protocolNumber).toBe(`INPS.${office.code}.20/11/2026.0000001`);
  });
});
