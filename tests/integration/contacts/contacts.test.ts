import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db/client";
import { confirmContactChange } from "@/server/contacts/confirm-contact-change";
import { getContacts } from "@/server/contacts/get-contacts";
import { updateContacts } from "@/server/contacts/update-contacts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import { getNewRequestForm } from "@/server/requests/get-new-request-form";
import { createDelegation, createOffice, createPerson, createPosition } from "../../support/fixtures";
import { codeSentTo } from "../../support/contact-code";
import { contributorActor } from "../../support/quesito-fixtures";

const now = new Date("2026-11-20T10:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

async function holderWithArchive() {
  const office = await createOffice();
  const holder = await createPerson("Titolare");
  const position = await createPosition(holder.id, office.id, "ARTIGIANI_COMMERCIANTI");
  await prisma.archiveContact.create({
    data: { positionId: position.id, email: "archivio@example.it", mobile: "+393331112222", landline: "+39061234567" },
  });
  return { holder, position, actor: contributorActor(holder) };
}

const form = (overrides: Record<string, string> = {}) => ({
  gestione: "ARTIGIANI_COMMERCIANTI",
  email: "archivio@example.it",
  pec: "",
  mobile: "333 111 2222",
  landline: "06 1234567",
  fax: "",
  preferredChannel: "",
  holderNotices: "on",
  ...overrides,
});

async function validationErrors(promise: Promise<unknown>): Promise<Record<string, string[] | undefined>> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

describe("Contatti", () => {
  it("shows the archives' data until the first change, without writing anything", async () => {
    const { holder, actor } = await holderWithArchive();
    const page = await getContacts(actor, now);
    expect(page.editable).toBe(true);
    expect(page.sections).toHaveLength(1);
    expect(page.sections[0]).toMatchObject({
      gestione: "ARTIGIANI_COMMERCIANTI",
      fromArchive: true,
      values: { email: "archivio@example.it", pec: null, mobile: "+393331112222", landline: "+39061234567", fax: null },
      pending: [],
      history: [],
    });
    expect(await prisma.contactProfile.count({ where: { personId: holder.id } })).toBe(0);
  });

  it("applies a landline at once and keeps a new e-mail pending until the code sent to it is typed", async () => {
    const { holder, position, actor } = await holderWithArchive();
    const result = await updateContacts(actor, form({ email: "Nuovo@Example.it", landline: "02 7654321", preferredChannel: "EMAIL" }), now);
    expect(result).toEqual({ applied: 2, pending: [{ field: "EMAIL", address: "nuovo@example.it" }] });

    const sent = await prisma.notification.findFirstOrThrow({ where: { recipient: "nuovo@example.it" } });
    expect(sent).toMatchObject({ channel: "EMAIL", requestId: null, status: "QUEUED" });
    let page = await getContacts(actor, later(1));
    expect(page.sections[0]?.values).toMatchObject({ email: "archivio@example.it", landline: "+39027654321" });
    expect(page.sections[0]?.preferredChannel).toBe("EMAIL");
    const [pending] = page.sections[0]?.pending ?? [];
    expect(pending).toMatchObject({ field: "EMAIL", newValue: "nuovo@example.it", attemptsLeft: 5 });
    // Until confirmed, new requests keep the address in force.
    expect((await getNewRequestForm(actor, { positionId: position.id }, later(1))).contacts.email).toBe("archivio@example.it");

    await confirmContactChange(
      actor,
      { changeId: pending?.id ?? "", code: (await codeSentTo("nuovo@example.it")).toLowerCase() },
      later(2),
    );
    page = await getContacts(actor, later(3));
    expect(page.sections[0]?.values.email).toBe("nuovo@example.it");
    expect(page.sections[0]?.pending).toEqual([]);
    expect(page.sections[0]?.history.map((row) => [row.field, row.oldValue, row.newValue, row.status, row.changedBy])).toEqual(
      expect.arrayContaining([
        ["EMAIL", "archivio@example.it", "nuovo@example.it", "APPLIED", `${holder.givenName} ${holder.familyName}`],
        ["LANDLINE", "+39061234567", "+39027654321", "APPLIED", `${holder.givenName} ${holder.familyName}`],
        ["PREFERRED_CHANNEL", null, "EMAIL", "APPLIED", `${holder.givenName} ${holder.familyName}`],
      ]),
    );
    expect((await getNewRequestForm(actor, { positionId: position.id }, later(3))).contacts.email).toBe("nuovo@example.it");
  });

  it("refuses invalid e-mail, PEC, mobile and landline with a message on each field, writing nothing", async () => {
    const { holder, actor } = await holderWithArchive();
    const errors = await validationErrors(
      updateContacts(actor, form({ email: "non-una-mail", pec: "pec@", mobile: "06 1234567", landline: "333 1234567", fax: "12" }), now),
    );
    expect(errors).toEqual({
      email: ["Indicare un indirizzo e-mail valido, ad esempio nome.cognome@example.it."],
      pec: ["Indicare un indirizzo PEC valido, ad esempio nome.cognome@pec.example.it."],
      mobile: ["Indicare un numero di cellulare italiano valido, ad esempio 333 1234567."],
      landline: ["Indicare un numero di telefono fisso italiano valido, con il prefisso."],
      fax: ["Indicare un numero di fax italiano valido, con il prefisso."],
    });
    expect(await validationErrors(updateContacts(actor, form({ mobile: "", preferredChannel: "SMS" }), now))).toEqual({
      preferredChannel: ["Il canale preferito richiede il recapito corrispondente: indicarlo o scegliere un altro canale."],
    });
    expect(await prisma.contactProfile.count({ where: { personId: holder.id } })).toBe(0);
  });

  it("requires the PEC where the gestione does", async () => {
    const { actor } = await holderWithArchive();
    await prisma.gestioneSettings.update({ where: { gestione: "ARTIGIANI_COMMERCIANTI" }, data: { pecRequired: true } });
    try {
      expect(await validationErrors(updateContacts(actor, form(), now))).toEqual({
        pec: ["Per la Gestione ARTIGIANI_COMMERCIANTI la PEC è obbligatoria."],
      });
    } finally {
      await prisma.gestioneSettings.update({ where: { gestione: "ARTIGIANI_COMMERCIANTI" }, data: { pecRequired: false } });
    }
  });

  it("counts wrong codes under a lock and voids the change at the fifth", async () => {
    const { actor } = await holderWithArchive();
    await updateContacts(actor, form({ mobile: "+39 347 000 1111" }), now);
    const [pending] = (await getContacts(actor, now)).sections[0]?.pending ?? [];
    const changeId = pending?.id ?? "";
    const right = await codeSentTo("+393470001111");
    const wrong = right === "AAAA-AAAA" ? "BBBB-BBBB" : "AAAA-AAAA";
    expect((await prisma.notification.findFirstOrThrow({ where: { recipient: "+393470001111" } })).channel).toBe("SMS");

    // Parallel guesses are counted one by one.
    const guesses = await Promise.allSettled([1, 2, 3].map(() => confirmContactChange(actor, { changeId, code: wrong }, later(1))));
    expect(guesses.every((guess) => guess.status === "rejected" && guess.reason instanceof ValidationError)).toBe(true);
    expect((await prisma.contactChange.findUniqueOrThrow({ where: { id: changeId } })).codeAttempts).toBe(3);
    await expect(confirmContactChange(actor, { changeId, code: wrong }, later(1))).rejects.toMatchObject({
      fieldErrors: { code: ["Codice di verifica errato: resta 1 tentativo."] },
    });
    await expect(confirmContactChange(actor, { changeId, code: wrong }, later(1))).rejects.toThrow("Codice errato inserito troppe volte");
    await expect(confirmContactChange(actor, { changeId, code: right }, later(1))).rejects.toBeInstanceOf(ConflictError);
    const change = await prisma.contactChange.findUniqueOrThrow({ where: { id: changeId } });
    expect(change).toMatchObject({ status: "VOIDED", codeAttempts: 5, codeHash: null });
    expect((await getContacts(actor, later(2))).sections[0]?.values.mobile).toBe("+393331112222");
  });

  it("expires the code after ten minutes", async () => {
    const { actor } = await holderWithArchive();
    await updateContacts(actor, form({ pec: "titolare@pec.example.it" }), now);
    const [pending] = (await getContacts(actor, now)).sections[0]?.pending ?? [];
    const code = await codeSentTo("titolare@pec.example.it");
    expect((await getContacts(actor, later(10))).sections[0]?.history[0]?.status).toBe("EXPIRED");

    await expect(confirmContactChange(actor, { changeId: pending?.id ?? "", code }, later(10))).rejects.toThrow("Il codice è scaduto");
    expect(await prisma.contactChange.findUniqueOrThrow({ where: { id: pending?.id ?? "" } })).toMatchObject({ status: "EXPIRED" });
    expect((await getContacts(actor, later(11))).sections[0]?.values.pec).toBeNull();
  });

  it("replaces a change still waiting for its code with a newer one of the same field", async () => {
    const { actor } = await holderWithArchive();
    await updateContacts(actor, form({ email: "primo@example.it" }), now);
    await updateContacts(actor, form({ email: "secondo@example.it" }), later(1));
    const section = (await getContacts(actor, later(2))).sections[0];
    expect(section?.pending.map((change) => change.newValue)).toEqual(["secondo@example.it"]);
    expect(section?.history.find((row) => row.newValue === "primo@example.it")?.status).toBe("VOIDED");
  });

  it("lets an intermediary read their own contacts but neither change them here nor reach a client's", async () => {
    const { holder, position, actor: holderActor } = await holderWithArchive();
    const intermediary = await createPerson("Intermediario");
    await createDelegation({ holderId: holder.id, delegateId: intermediary.id, positionIds: [position.id] });
    const intermediaryActor = contributorActor(intermediary, "INTERMEDIARIO");
    await prisma.personArchiveContact.create({ data: { personId: intermediary.id, email: "studio@example.it" } });

    // The intermediary's own contacts, from the archives' data for the person: never the client's.
    const page = await getContacts(intermediaryActor, now);
    expect(page.editable).toBe(false);
    expect(page.sections[0]?.values).toEqual({ email: "studio@example.it", pec: null, mobile: null, landline: null, fax: null });
    await expect(updateContacts(intermediaryActor, form({ email: "intruso@example.it" }), now)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateContacts(intermediaryActor, form({ gestione: "AZIENDE" }), now)).rejects.toBeInstanceOf(NotFoundError);

    await updateContacts(holderActor, form({ email: "titolare.nuovo@example.it" }), now);
    const [pending] = (await getContacts(holderActor, now)).sections[0]?.pending ?? [];
    const code = await codeSentTo("titolare.nuovo@example.it");
    await expect(confirmContactChange(intermediaryActor, { changeId: pending?.id ?? "", code }, later(1))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(confirmContactChange(intermediaryActor, { changeId: "non-un-id", code }, later(1))).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.contactChange.findUniqueOrThrow({ where: { id: pending?.id ?? "" } })).toMatchObject({
      status: "PENDING",
      codeAttempts: 0,
    });
    expect(await prisma.contactProfile.count({ where: { personId: intermediary.id } })).toBe(0);
  });
});
