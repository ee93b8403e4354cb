import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/server/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { addContributorMessage } from "@/server/requests/add-contributor-message";
import { applyTransition, type TransitionCommand } from "@/server/workflow/lifecycle";
import { createDelegation, createPerson } from "../../support/fixtures";
import { contributorActor } from "../../support/quesito-fixtures";
import { stagePdf } from "../../support/request-files";
import { applyOfficeTransition, createSentRequest, type SentRequest, withStorageAndReferenceData } from "../../support/request-fixtures";

vi.mock("@/server/workflow/lifecycle", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/server/workflow/lifecycle")>();
  return { ...original, applyTransition: vi.fn(original.applyTransition) };
});

const now = new Date("2026-11-20T10:00:00Z");
const later = new Date("2026-11-21T09:30:00Z");
const storage = withStorageAndReferenceData();

describe("addContributorMessage", () => {
  let holder: SentRequest["holder"];
  let position: SentRequest["position"];
  let operator: OperatorActor;
  let requestId: string;

  const officeTransition = (command: TransitionCommand) => applyOfficeTransition(operator, requestId, command);

  async function snapshot() {
    const [messages, attachments, events] = await Promise.all([
      prisma.message.count({ where: { requestId } }),
      prisma.attachment.count(),
      prisma.requestEvent.count({ where: { requestId } }),
    ]);
    return { messages, attachments, events, files: (await storage.storedKeys()).length };
  }

  beforeEach(async () => {
    ({ holder, position, operator, requestId } = await createSentRequest({ at: now }));
  });

  it("adds a public message with its files and records the transition in the same transaction", async () => {
    const file = await stagePdf("quietanza.pdf");

    const { messageId } = await addContributorMessage(
      contributorActor(holder),
      requestId,
      { text: "  Allego la quietanza.  " },
      [file],
      later,
    );

    const message = await prisma.message.findUniqueOrThrow({ where: { id: messageId }, include: { attachments: true } });
    expect(message).toMatchObject({
      visibility: "PUBBLICO",
      body: "Allego la quietanza.",
      authorPersonId: holder.id,
      actingProfile: "TITOLARE",
    });
    expect(message.attachments.map((attachment) => attachment.sha256)).toEqual([file.sha256]);
    const event = await prisma.requestEvent.findFirstOrThrow({ where: { requestId, type: "MESSAGGIO_CONTRIBUENTE" } });
    expect(event).toMatchObject({ actorPersonId: holder.id, data: { messageId } });
    const request = await prisma.request.findUniqueOrThrow({ where: { id: requestId } });
    expect(request.lastActivityAt).toEqual(later);
  });

  it("brings a quesito waiting for the contributor back to work", async () => {
    await officeTransition({ action: "PRESA_IN_CARICO" });
    await officeTransition({ action: "STATO_MODIFICATO", toState: "IN_ATTESA_CONTRIBUENTE", comment: "Serve la quietanza." });

    await addContributorMessage(contributorActor(holder), requestId, { text: "Ecco la quietanza." }, [], later);

    expect((await prisma.quesito.findUniqueOrThrow({ where: { requestId } })).state).toBe("IN_LAVORAZIONE");
  });

  it("lets an intermediary write for the client while the delegation is in force", async () => {
    const intermediary = await createPerson("Intermediario");
    await createDelegation({ holderId: holder.id, delegateId: intermediary.id, positionIds: [position.id] });

    const { messageId } = await addContributorMessage(
      contributorActor(intermediary, "INTERMEDIARIO"),
      requestId,
      { text: "Per conto del cliente." },
      [],
      later,
    );

    expect(await prisma.message.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({
      authorPersonId: intermediary.id,
      actingProfile: "INTERMEDIARIO",
    });
  });

  it("refuses a message on a closed request and keeps nothing of it", async () => {
    await officeTransition({ action: "PRESA_IN_CARICO" });
    await officeTransition({ action: "CHIUSA", esito: "RISPOSTA_FORNITA", comment: "Chiarimento fornito." });
    const before = await snapshot();

    const attempt = addContributorMessage(contributorActor(holder), requestId, { text: "Un'ultima cosa." }, [await stagePdf()], later);

    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toThrow("La richiesta è chiusa");
    expect(await snapshot()).toEqual(before);
  });

  it("is not found for another contributor or after the delegation ended", async () => {
    const stranger = await createPerson("Estraneo");
    const former = await createPerson("Ex intermediario");
    await createDelegation({
      holderId: holder.id,
      delegateId: former.id,
      positionIds: [position.id],
      validTo: new Date("2026-11-01T00:00:00Z"),
    });
    const before = await snapshot();

    await expect(addContributorMessage(contributorActor(stranger), requestId, { text: "Ciao" }, [], later)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      addContributorMessage(contributorActor(former, "INTERMEDIARIO"), requestId, { text: "Ciao" }, [await stagePdf()], later),
    ).rejects.toBeInstanceOf(NotFoundError);

    expect(await snapshot()).toEqual(before);
  });

  it("asks for a text within the limit and files within the gestione's limits", async () => {
    const empty = addContributorMessage(contributorActor(holder), requestId, { text: "   " }, [], later);
    await expect(empty).rejects.toBeInstanceOf(ValidationError);
    await expect(empty).rejects.toMatchObject({ fieldErrors: { text: ["Scrivere il messaggio."] } });
    const long = addContributorMessage(contributorActor(holder), requestId, { text: "x".repeat(5051) }, [], later);
    await expect(long).rejects.toMatchObject({
      fieldErrors: { text: ["Il messaggio è troppo lungo: 1.051 caratteri oltre il limite di 4.000."] },
    });
    const four = await Promise.all(["a", "b", "c", "d"].map((name) => stagePdf(`${name}.pdf`)));
    const many = addContributorMessage(contributorActor(holder), requestId, { text: "Quattro file" }, four, later);
    await expect(many).rejects.toMatchObject({ fieldErrors: { allegati: ["Si possono allegare al massimo 3 file."] } });
  });

  it("leaves no message and no stored file when the transition fails", async () => {
    vi.mocked(applyTransition).mockRejectedValueOnce(new Error("quesito bloccato"));
    const before = await snapshot();

    await expect(addContributorMessage(contributorActor(holder), requestId, { text: "Allego" }, [await stagePdf()], later)).rejects.toThrow(
      "quesito bloccato",
    );

    expect(await snapshot()).toEqual(before);
  });
});
