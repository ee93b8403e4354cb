import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/server/db/client";
import { NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import { FILES_FIELD } from "@/server/attachments/files-field";
import { updateGestioneSettings } from "@/server/admin/update-gestione-settings";
import { createInstance } from "@/server/istanze/create-instance";
import { getInstanceForm } from "@/server/istanze/get-instance-form";
import { hasInstancePositions } from "@/server/istanze/has-instance-positions";
import { listInstanceKinds } from "@/server/istanze/list-instance-kinds";
import { getQuesito } from "@/server/quesiti/get-quesito";
import { getRequest } from "@/server/requests/get-request";
import { createDelegation, createPerson, createPosition } from "../../support/fixtures";
import { contributorActor, operatorActor } from "../../support/quesito-fixtures";
import { stagePdf } from "../../support/request-files";
import { createHolderWithPosition, type HolderWithPosition, withStorageAndReferenceData } from "../../support/request-fixtures";

const now = new Date("2026-11-20T10:00:00Z");
const storage = withStorageAndReferenceData();

/** A refund's form as the browser sends it. */
function refund(positionId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    positionId,
    text: "Il versamento di marzo 2025 è stato eseguito due volte con il modello F24.",
    importo: "1.234,56",
    periodoDal: "03/2025",
    periodoAl: "03/2025",
    iban: "IT60 X054 2811 1010 0000 0123 456",
    intestatario: "Studio Bianchi",
    email: "studio@example.it",
    consentEmail: "on",
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (caught: unknown) => caught,
  );
}

async function counts() {
  const [requests, quesiti, messages, attachments] = await Promise.all([
    prisma.request.count(),
    prisma.quesito.count(),
    prisma.message.count(),
    prisma.attachment.count(),
  ]);
  return { requests, quesiti, messages, attachments, files: (await storage.storedKeys()).length };
}

describe("createInstance", () => {
  let office: HolderWithPosition["office"];
  let holder: HolderWithPosition["holder"];
  let committenti: HolderWithPosition["position"];

  beforeEach(async () => {
    ({ office, holder, position: committenti } = await createHolderWithPosition("GS_COMMITTENTI"));
  });

  it("files a refund as a request on its subject, protocolled and routed, with its values stored and summarized", async () => {
    const created = await createInstance(contributorActor(holder), "rimborso", refund(committenti.id), [await stagePdf("F24.pdf")], now);

    expect(created.protocolNumber).toBe(`INPS.${office.code}.20/11/2026.0000001`);
    const request = await prisma.request.findUniqueOrThrow({
      where: { id: created.id },
      include: { subject: true, quesito: true, messages: { include: { attachments: true } } },
    });
    expect(request.subject).toMatchObject({ gestione: "GS_COMMITTENTI", code: "GSC-ISTA-03" });
    expect(request.quesito).toMatchObject({
      officeId: office.id,
      gestione: "GS_COMMITTENTI",
      subjectId: request.subjectId,
      state: "NUOVO",
    });
    expect(request.istanza).toEqual({
      kind: "rimborso",
      values: {
        importo: 123456,
        periodoDal: "2025-03",
        periodoAl: "2025-03",
        iban: "IT60X0542811101000000123456",
        intestatario: "Studio Bianchi",
      },
    });
    expect(request.messages.map((message) => [message.body, message.attachments.map((file) => file.fileName)])).toEqual([
      [request.text, ["F24.pdf"]],
    ]);

    // The contributor's page and the office's quesito page both carry the values.
    expect((await getRequest(contributorActor(holder), created.id, now)).istanza).toEqual(request.istanza);
    const operator = await operatorActor(office.id);
    const quesito = await getQuesito(operator, request.quesito?.id ?? "", "/fascicolo/quesiti", now);
    expect(quesito.request.istanza).toEqual(request.istanza);
  });

  it("holds an istanza to the limits its form showed when the settings change after it was opened (decision 0044)", async () => {
    const actor = contributorActor(holder);
    const settingsVersion = (await getInstanceForm(actor, { kind: "rimborso", positionId: committenti.id }, now)).selected?.settingsVersion;
    const shown = await prisma.gestioneSettings.findUniqueOrThrow({ where: { gestione: "GS_COMMITTENTI" } });
    expect(settingsVersion).toBe(shown.version);
    await updateGestioneSettings(
      await operatorActor(office.id, "ADMIN"),
      {
        gestione: "GS_COMMITTENTI",
        expectedVersion: String(shown.version),
        maxFiles: "1",
        maxMegabytesPerFile: "3",
        emailOrPhoneRequired: "on",
        canale_EMAIL: "on",
        maxResponseWorkingDays: String(shown.maxResponseWorkingDays),
      },
      now,
    );
    try {
      const files = async () => [await stagePdf("F24.pdf"), await stagePdf("quietanza.pdf")];
      const refused = await rejectionOf(createInstance(actor, "rimborso", refund(committenti.id), await files(), now));
      expect(refused).toBeInstanceOf(ValidationError);
      expect((refused as ValidationError).fieldErrors[FILES_FIELD]).toBeDefined();

      const created = await createInstance(
        actor,
        "rimborso",
        refund(committenti.id, { settingsVersion: String(settingsVersion) }),
        await files(),
        now,
      );
      const request = await prisma.request.findUniqueOrThrow({
        where: { id: created.id },
        include: { messages: { include: { attachments: true } } },
      });
      expect(request.messages[0]?.attachments).toHaveLength(2);
    } finally {
      await prisma.gestioneSettings.update({ where: { gestione: "GS_COMMITTENTI" }, data: { maxFiles: shown.maxFiles } });
    }
  });

  it("is idempotent per key: a second Invia returns the first istanza", async () => {
    const form = refund(committenti.id);
    const first = await createInstance(contributorActor(holder), "rimborso", form, [await stagePdf()], now);
    const second = await createInstance(contributorActor(holder), "rimborso", form, [await stagePdf()], now);
    expect(second).toEqual({ ...first, replayed: true });
  });

  it("lets an intermediary with an active delegation file for the committente", async () => {
    const intermediary = await createPerson("Intermediario");
    await createDelegation({ holderId: holder.id, delegateId: intermediary.id, positionIds: [committenti.id] });
    const created = await createInstance(
      contributorActor(intermediary, "INTERMEDIARIO"),
      "rateizzazione",
      { ...refund(committenti.id), importo: "12.500,00", rate: "12", periodoDal: "01/2024", periodoAl: "06/2024" },
      [],
      now,
    );
    const request = await prisma.request.findUniqueOrThrow({ where: { id: created.id } });
    expect(request).toMatchObject({ submittedById: intermediary.id, holderId: holder.id, actingProfile: "INTERMEDIARIO" });
    expect(request.istanza).toEqual({
      kind: "rateizzazione",
      values: { importo: 1250000, rate: 12, periodoDal: "2024-01", periodoAl: "2024-06" },
    });
  });

  it("refuses an invalid IBAN, amount and period, and a missing required attachment, all at once, writing nothing", async () => {
    const before = await counts();
    const error = await rejectionOf(
      createInstance(
        contributorActor(holder),
        "rimborso",
        refund(committenti.id, { iban: "IT61X0542811101000000123456", importo: "1.234.5", periodoDal: "07/2025", periodoAl: "02/2025" }),
        [],
        now,
      ),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({
      iban: [expect.stringMatching(/cifre di controllo/)],
      importo: ["Scrivere l'importo in euro con la virgola per i centesimi, ad esempio 1.234,56."],
      periodoAl: ["Il mese finale non può precedere quello iniziale."],
      [FILES_FIELD]: ["Allegare le quietanze dei versamenti (modello F24) di cui si chiede il rimborso."],
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a period with months still to come", async () => {
    const error = await rejectionOf(
      createInstance(contributorActor(holder), "rimborso", refund(committenti.id, { periodoAl: "12/2026" }), [await stagePdf()], now),
    );
    expect((error as ValidationError).fieldErrors).toEqual({ periodoAl: ["Il periodo non può comprendere mesi futuri."] });
  });

  it("does not find a position of another gestione, someone else's committenti position, or an unknown kind", async () => {
    const aziende = await createPosition(holder.id, office.id, "AZIENDE");
    const stranger = await createPerson("Estraneo");
    const before = await counts();
    const attempts: [ReturnType<typeof contributorActor>, string, string][] = [
      [contributorActor(holder), "rimborso", aziende.id],
      [contributorActor(stranger), "rimborso", committenti.id],
      [contributorActor(holder), "condono", committenti.id],
    ];
    for (const [actor, kind, positionId] of attempts) {
      expect(await rejectionOf(createInstance(actor, kind, refund(positionId), [await stagePdf()], now))).toBeInstanceOf(NotFoundError);
    }
    expect(await counts()).toEqual(before);
  });
});

describe("the forms and the menu of Istanze online", () => {
  it("offers the kinds and the form only for committenti positions the actor acts on", async () => {
    const { holder, position } = await createHolderWithPosition("GS_COMMITTENTI");
    const aziende = await createPosition(holder.id, position.officeId, "AZIENDE");
    const actor = contributorActor(holder);

    expect(await hasInstancePositions(actor, now)).toBe(true);
    const list = await listInstanceKinds(actor, now);
    expect(list.positions.map((candidate) => candidate.id)).toEqual([position.id]);
    expect(list.kinds.map((kind) => kind.slug)).toEqual(["rateizzazione", "riduzione-sanzioni", "rimborso", "sgravio"]);

    // The single committenti position is chosen without asking.
    const form = await getInstanceForm(actor, { kind: "sgravio" }, now);
    expect(form.selected?.position.id).toBe(position.id);
    expect(form.selected?.limits).toEqual({ maxFiles: 3, maxBytesPerFile: 3 * 1024 * 1024 });

    await expect(getInstanceForm(actor, { kind: "sgravio", positionId: aziende.id }, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getInstanceForm(actor, { kind: "condono" }, now)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("has no entry, no position and no form for someone without committenti positions", async () => {
    const { holder } = await createHolderWithPosition("AZIENDE");
    const { position: others } = await createHolderWithPosition("GS_COMMITTENTI");
    const actor = contributorActor(holder);

    expect(await hasInstancePositions(actor, now)).toBe(false);
    expect(await listInstanceKinds(actor, now)).toEqual({ positions: [], kinds: [] });
    await expect(getInstanceForm(actor, { kind: "rimborso", positionId: others.id }, now)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("does not offer a kind whose subject is retired", async () => {
    const { holder } = await createHolderWithPosition("GS_COMMITTENTI");
    const retired = await prisma.subject.update({
      where: { gestione_code: { gestione: "GS_COMMITTENTI", code: "GSC-ISTA-04" } },
      data: { active: false },
    });
    try {
      const actor = contributorActor(holder);
      expect((await listInstanceKinds(actor, now)).kinds.map((kind) => kind.slug)).not.toContain("sgravio");
      await expect(getInstanceForm(actor, { kind: "sgravio" }, now)).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      await prisma.subject.update({ where: { id: retired.id }, data: { active: true } });
    }
  });
});
