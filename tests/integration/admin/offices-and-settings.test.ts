import { beforeEach, describe, expect, it } from "vitest";
import { Gestione } from "@/generated/prisma/enums";
import { createOffice } from "@/server/admin/create-office";
import { getOffice } from "@/server/admin/get-office";
import { listGestioneSettings } from "@/server/admin/list-gestione-settings";
import { listOffices } from "@/server/admin/list-offices";
import { moveCompetence } from "@/server/admin/move-competence";
import { provincesField } from "@/server/admin/office-schemas";
import { updateGestioneSettings } from "@/server/admin/update-gestione-settings";
import { updateOffice } from "@/server/admin/update-office";
import { prisma } from "@/server/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { FORM_LIMITS_KEPT_MS } from "@/server/requests/form-settings";
import { getUploadLimits } from "@/server/requests/get-upload-limits";
import * as fixtures from "../../support/fixtures";
import { contributorActor, createQuesito, operatorActor } from "../../support/quesito-fixtures";
import { resetDatabase } from "../../support/test-database";

const now = new Date("2026-12-06T10:00:00Z");

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

async function fieldErrorsOf(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await refusal(promise);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

/** The office form as the browser sends it, the same provinces in every gestione unless told. */
function officeForm(office: { id: string; version: number }, provinces: string, overrides: Record<string, string> = {}) {
  return {
    officeId: office.id,
    expectedVersion: String(office.version),
    name: "Direzione provinciale di Roma",
    region: "Lazio",
    city: "Roma",
    address: "Via Ciro il Grande 21",
    ...Object.fromEntries(Object.values(Gestione).map((gestione) => [provincesField(gestione), provinces])),
    ...overrides,
  };
}

function settingsForm(version: number, overrides: Record<string, string> = {}) {
  return {
    gestione: "AZIENDE",
    expectedVersion: String(version),
    maxFiles: "5",
    maxMegabytesPerFile: "1,5",
    emailOrPhoneRequired: "on",
    canale_EMAIL: "on",
    canale_PEC: "on",
    maxResponseWorkingDays: "20",
    ...overrides,
  };
}

let admin: OperatorActor;
let rome: Awaited<ReturnType<typeof fixtures.createOffice>>;
let latina: Awaited<ReturnType<typeof fixtures.createOffice>>;

beforeEach(async () => {
  await resetDatabase();
  for (const gestione of Object.values(Gestione)) await fixtures.createGestioneSettings(gestione);
  rome = await fixtures.createOffice({ code: "7000", provinces: ["RM"] });
  latina = await fixtures.createOffice({ code: "7100", provinces: ["LT"] });
  admin = await operatorActor(rome.id, "ADMIN");
});

describe("offices and territorial competence", () => {
  it("lists offices with their provinces per gestione and changes name and address with the audit entry", async () => {
    const before = await getOffice(admin, rome.id);
    expect(before.provinces.AZIENDE).toEqual(["RM"]);
    await updateOffice(admin, officeForm(before, "RM, ri"));

    const after = await getOffice(admin, rome.id);
    expect(after).toMatchObject({ address: "Via Ciro il Grande 21", version: 2 });
    expect(after.provinces.GS_PROFESSIONISTI).toEqual(["RI", "RM"]);
    expect((await listOffices(admin)).map((office) => office.code)).toEqual(["7000", "7100"]);
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "AMMINISTRAZIONE_MODIFICA", targetType: "SEDE" } });
    expect(entry).toMatchObject({ targetId: rome.id, page: "/admin/sedi" });
    expect(JSON.parse(entry.after ?? "{}").provinces.AZIENDE).toEqual(["RI", "RM"]);
  });

  it("refuses to leave a province without a competent office, per gestione, and changes nothing", async () => {
    const office = await getOffice(admin, rome.id);
    const errors = await fieldErrorsOf(updateOffice(admin, officeForm(office, "RM", { [provincesField("AZIENDE")]: "" })));
    expect(errors[provincesField("AZIENDE")]?.[0]).toMatch(/^RM resterebbe senza sede competente per la gestione Gestione AZIENDE/);
    expect(errors[provincesField("GS_COMMITTENTI")]).toBeUndefined();
    expect(await prisma.officeCompetence.count({ where: { officeId: rome.id } })).toBe(4);
    expect(await prisma.auditEntry.count()).toBe(0);
  });

  it("refuses to give a province a second office, in a new office too", async () => {
    const office = await getOffice(admin, rome.id);
    const errors = await fieldErrorsOf(updateOffice(admin, officeForm(office, "RM, LT")));
    expect(errors[provincesField("AZIENDE")]?.[0]).toContain("LT è già di competenza della sede Sede di prova 7100 (7100)");

    const created = await fieldErrorsOf(createOffice(admin, { ...officeForm({ id: "", version: 1 }, "LT, FR"), code: "7200" }));
    expect(created[provincesField("ARTIGIANI_COMMERCIANTI")]?.[0]).toContain("LT è già di competenza");
    expect(await prisma.office.count()).toBe(2);
  });

  it("creates an office with new provinces, and refuses a repeated AOO code or a wrong sigla", async () => {
    const { id } = await createOffice(admin, { ...officeForm({ id: "", version: 1 }, "FR"), code: "7200" });
    expect((await getOffice(admin, id)).provinces.AZIENDE).toEqual(["FR"]);
    const repeated = await fieldErrorsOf(createOffice(admin, { ...officeForm({ id: "", version: 1 }, "VT"), code: "7000" }));
    expect(repeated.code).toEqual(["Esiste già una sede con il codice AOO 7000."]);
    const wrong = await fieldErrorsOf(createOffice(admin, { ...officeForm({ id: "", version: 1 }, "ROMA"), code: "7300" }));
    expect(wrong[provincesField("AZIENDE")]?.[0]).toContain("Sigle di provincia non valide: ROMA");
    expect(await prisma.office.count()).toBe(3);
  });

  it("tells the second of two concurrent edits that the office changed", async () => {
    const shown = await getOffice(admin, rome.id);
    await updateOffice(admin, officeForm(shown, "RM"));
    expect(await refusal(updateOffice(admin, officeForm(shown, "RM", { name: "Altro nome" })))).toBeInstanceOf(ConflictError);
    expect((await getOffice(admin, rome.id)).name).toBe("Direzione provinciale di Roma");
  });

  it("moves a province's competence in one gestione: positions follow, open quesiti stay when told", async () => {
    const { quesito, request } = await createQuesito({ officeId: rome.id });
    const moved = await moveCompetence(admin, { gestione: "AZIENDE", province: "rm", toOfficeId: latina.id, openQuesiti: "RESTANO" }, now);

    expect(moved).toMatchObject({ positions: 1, movedQuesiti: 0 });
    const competence = await prisma.officeCompetence.findMany({ where: { province: "RM" }, orderBy: { gestione: "asc" } });
    expect(competence.map((row) => [row.gestione, row.officeId === latina.id])).toEqual([
      ["AZIENDE", true],
      ["GS_COMMITTENTI", false],
      ["GS_PROFESSIONISTI", false],
      ["ARTIGIANI_COMMERCIANTI", false],
    ]);
    expect((await prisma.position.findUniqueOrThrow({ where: { id: request.positionId } })).officeId).toBe(latina.id);
    expect((await prisma.quesito.findUniqueOrThrow({ where: { id: quesito.id } })).officeId).toBe(rome.id);
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { targetType: "SEDE" } });
    expect(JSON.parse(entry.before ?? "{}")).toEqual({ gestione: "AZIENDE", province: "RM", officeId: rome.id });
  });

  it("moves open quesiti with the competence when told, each with a notice to the contributor in the outbox", async () => {
    const open = await createQuesito({ officeId: rome.id });
    const closed = await createQuesito({ officeId: rome.id });
    await prisma.quesito.update({ where: { id: closed.quesito.id }, data: { state: "CHIUSO", closedAt: now } });
    const otherGestione = await createQuesito({ officeId: rome.id });
    await prisma.position.update({ where: { id: otherGestione.request.positionId }, data: { gestione: "GS_COMMITTENTI" } });
    await prisma.quesito.update({ where: { id: otherGestione.quesito.id }, data: { gestione: "GS_COMMITTENTI" } });

    const moved = await moveCompetence(admin, { gestione: "AZIENDE", province: "RM", toOfficeId: latina.id, openQuesiti: "SEGUONO" }, now);

    expect(moved.movedQuesiti).toBe(1);
    const quesiti = await prisma.quesito.findMany({ where: { officeId: latina.id } });
    expect(quesiti.map((row) => [row.id, row.state, row.assigneeId])).toEqual([[open.quesito.id, "NUOVO", null]]);
    const event = await prisma.requestEvent.findFirstOrThrow({
      where: { requestId: open.request.id, type: "SMISTATA", actorOperatorId: admin.operatorId },
    });
    expect(event.comment).toBe("Competenza territoriale di RM spostata alla sede Sede di prova 7100.");
    const notices = await prisma.notification.findMany({ where: { eventId: event.id } });
    expect(notices.map((notice) => notice.recipient)).toContain("contribuente@example.it");
    expect(notices[0]?.body).toContain("Sede di prova 7100");
    expect(
      await prisma.notification.count({ where: { requestId: closed.request.id, eventId: { not: null }, template: "richiesta-smistata" } }),
    ).toBe(1);
  });

  it("refuses a move to the office already competent, an unknown province or a missing choice on open quesiti", async () => {
    const same = await fieldErrorsOf(
      moveCompetence(admin, { gestione: "AZIENDE", province: "RM", toOfficeId: rome.id, openQuesiti: "RESTANO" }),
    );
    expect(same.toOfficeId?.[0]).toContain("è già competente per RM");
    const unknown = await fieldErrorsOf(
      moveCompetence(admin, { gestione: "AZIENDE", province: "FR", toOfficeId: rome.id, openQuesiti: "RESTANO" }),
    );
    expect(unknown.province?.[0]).toContain("Nessuna sede è competente per FR");
    const unasked = await fieldErrorsOf(moveCompetence(admin, { gestione: "AZIENDE", province: "RM", toOfficeId: latina.id }));
    expect(unasked.openQuesiti).toEqual(["Scegliere che cosa succede ai quesiti aperti della provincia."]);
    expect(await prisma.auditEntry.count()).toBe(0);
  });
});

describe("per-gestione settings", () => {
  it("saves the limits in bytes with the audit entry, and refuses invalid values field by field", async () => {
    await updateGestioneSettings(admin, settingsForm(1), now);
    const [aziende] = await listGestioneSettings(admin);
    expect(aziende).toMatchObject({
      gestione: "AZIENDE",
      maxFiles: 5,
      maxBytesPerFile: 1_572_864,
      pecRequired: false,
      notificationChannels: ["EMAIL", "PEC"],
      maxResponseWorkingDays: 20,
      version: 2,
    });
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { targetType: "IMPOSTAZIONI_GESTIONE" } });
    expect(entry).toMatchObject({ targetId: "AZIENDE", page: "/admin/impostazioni" });

    const errors = await fieldErrorsOf(
      updateGestioneSettings(admin, settingsForm(2, { maxFiles: "0", maxMegabytesPerFile: "80", maxResponseWorkingDays: "tanti" })),
    );
    expect(errors).toEqual({
      maxFiles: ["Indicare un numero intero di file da 1 a 20."],
      maxMegabytesPerFile: ["Indicare una dimensione da 0,1 a 50 MB."],
      maxResponseWorkingDays: ["Indicare il tempo massimo di risposta in giorni lavorativi."],
    });
    const noChannel = await fieldErrorsOf(updateGestioneSettings(admin, settingsForm(2, { canale_EMAIL: "", canale_PEC: "" })));
    expect(noChannel.canale_EMAIL?.[0]).toContain("Consentire almeno un canale");
  });

  it("tells the second of two concurrent edits that the settings changed", async () => {
    await updateGestioneSettings(admin, settingsForm(1), now);
    expect(await refusal(updateGestioneSettings(admin, settingsForm(1, { maxFiles: "9" }), now))).toBeInstanceOf(ConflictError);
  });

  it("applies a change to forms opened after it: a form opened before keeps the limits it showed, for a day", async () => {
    const holder = await fixtures.createPerson();
    const position = await fixtures.createPosition(holder.id, rome.id);
    const contributor = contributorActor(holder);
    await updateGestioneSettings(admin, settingsForm(1), now);

    expect(await getUploadLimits(contributor, { positionId: position.id, formVersion: 2 }, now)).toEqual({
      maxFiles: 5,
      maxBytesPerFile: 1_572_864,
    });
    expect(await getUploadLimits(contributor, { positionId: position.id, formVersion: 1 }, now)).toEqual({
      maxFiles: 3,
      maxBytesPerFile: 3 * 1024 * 1024,
    });
    const later = new Date(now.getTime() + FORM_LIMITS_KEPT_MS + 1);
    expect(await getUploadLimits(contributor, { positionId: position.id, formVersion: 1 }, later)).toEqual({
      maxFiles: 5,
      maxBytesPerFile: 1_572_864,
    });
  });
});

describe("for anybody but an ADMIN", () => {
  it.each(["OPERATORE", "RESPONSABILE"] as const)("every service of offices and settings is not found for %s", async (role) => {
    const actor = await operatorActor(rome.id, role);
    const office = await getOffice(admin, rome.id);
    const calls = [
      () => listOffices(actor),
      () => getOffice(actor, rome.id),
      () => createOffice(actor, { ...officeForm(office, "FR"), code: "7200" }),
      () => updateOffice(actor, officeForm(office, "RM, FR")),
      () => moveCompetence(actor, { gestione: "AZIENDE", province: "RM", toOfficeId: latina.id, openQuesiti: "SEGUONO" }),
      () => listGestioneSettings(actor),
      () => updateGestioneSettings(actor, settingsForm(1)),
    ];
    for (const call of calls) expect(await refusal(call())).toBeInstanceOf(NotFoundError);
    expect(await prisma.office.count()).toBe(2);
    expect(await prisma.auditEntry.count()).toBe(0);
    expect((await prisma.gestioneSettings.findUniqueOrThrow({ where: { gestione: "AZIENDE" } })).version).toBe(1);
  });

  it("an office that does not exist is not found to the ADMIN either", async () => {
    expect(await refusal(getOffice(admin, "not-a-uuid"))).toBeInstanceOf(NotFoundError);
    // Another id of the same shape: its last digit changed (to "1" when it was already "0").
    const unknownId = latina.id.replace(/.$/, (last) => (last === "0" ? "1" : "0"));
    expect(await refusal(getOffice(admin, unknownId))).toBeInstanceOf(NotFoundError);
  });
});
