import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/server/db/client";
import { holderNoticeRecipients } from "@/server/contacts/holder-notices";
import { updateContacts } from "@/server/contacts/update-contacts";
import { createRequest } from "@/server/requests/create-request";
import { createDelegation, createPerson } from "../../support/fixtures";
import { contributorActor } from "../../support/quesito-fixtures";
import {
  createHolderWithPosition,
  seededSubject,
  type HolderWithPosition,
  withStorageAndReferenceData,
} from "../../support/request-fixtures";

const now = new Date("2026-11-20T10:00:00Z");
withStorageAndReferenceData();

const form = (positionId: string, subjectId: string) => ({
  positionId,
  subjectId,
  text: "Chiedo la verifica del versamento di marzo, non abbinato alla matricola.",
  email: "studio@example.it",
  consentEmail: "on",
  idempotencyKey: randomUUID(),
});

describe("the holder hears about what is done in their name", () => {
  let holder: HolderWithPosition["holder"];
  let position: HolderWithPosition["position"];
  let subjectId: string;
  let intermediary: Awaited<ReturnType<typeof createPerson>>;

  beforeEach(async () => {
    ({ holder, position } = await createHolderWithPosition("AZIENDE"));
    subjectId = (await seededSubject("AZIENDE")).id;
    await prisma.archiveContact.create({ data: { positionId: position.id, email: "titolare@example.it", mobile: "+393331234567" } });
    intermediary = await createPerson("Intermediario");
    await createDelegation({ holderId: holder.id, delegateId: intermediary.id, positionIds: [position.id] });
  });

  const noticesOf = (requestId: string) =>
    prisma.notification.findMany({
      where: { requestId },
      select: { channel: true, recipient: true, template: true },
      orderBy: { recipient: "asc" },
    });

  it("notifies the holder on their Contatti when a delegate sends a request, and not when they send it themselves", async () => {
    const sent = await createRequest(contributorActor(intermediary, "INTERMEDIARIO"), form(position.id, subjectId), [], now);
    expect(await noticesOf(sent.id)).toEqual(
      expect.arrayContaining([
        { channel: "EMAIL", recipient: "studio@example.it", template: "richiesta-protocollata" },
        { channel: "EMAIL", recipient: "titolare@example.it", template: "richiesta-protocollata" },
      ]),
    );
    const own = await createRequest(contributorActor(holder), form(position.id, subjectId), [], now);
    expect((await noticesOf(own.id)).map((notice) => notice.recipient)).not.toContain("titolare@example.it");
  });

  it("uses the holder's preferred channel, on closure too, and nothing once they opt out", async () => {
    const request = { holderId: holder.id, submittedById: intermediary.id, position: { gestione: "AZIENDE" as const } };
    const fields = {
      gestione: "AZIENDE",
      email: "titolare@example.it",
      mobile: "+393331234567",
      preferredChannel: "SMS",
      holderNotices: "on",
    };
    await updateContacts(contributorActor(holder), fields, now);
    const recipients = (type: "CHIUSA" | "RISPOSTA") =>
      prisma.$transaction((tx) => holderNoticeRecipients(tx, { type, request }, ["EMAIL", "PEC", "SMS"]));

    expect(await recipients("CHIUSA")).toEqual([{ channel: "SMS", address: "+393331234567" }]);
    expect(await recipients("RISPOSTA")).toEqual([]);
    await updateContacts(contributorActor(holder), { ...fields, holderNotices: "" }, now);
    expect(await recipients("CHIUSA")).toEqual([]);
    const sent = await createRequest(contributorActor(intermediary, "INTERMEDIARIO"), form(position.id, subjectId), [], now);
    expect(new Set((await noticesOf(sent.id)).map((notice) => notice.recipient))).toEqual(new Set(["studio@example.it"]));
  });
});
