import { beforeEach, describe, expect, it } from "vitest";
import { STALE_AGENDA_DEFAULTS } from "@/server/admin/agenda-defaults-schemas";
import { getAgendaDefaults } from "@/server/admin/get-agenda-defaults";
import { updateAgendaDefaults } from "@/server/admin/update-agenda-defaults";
import { addAgendaWindow } from "@/server/agenda/add-agenda-window";
import { getAgendaSettings } from "@/server/agenda/get-agenda-settings";
import { updateAgendaSettings } from "@/server/agenda/update-agenda-settings";
import { verifyAuditChain } from "@/server/audit/verify-audit-chain";
import { prisma } from "@/server/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { createOffice } from "../../support/fixtures";
import { operatorActor } from "../../support/quesito-fixtures";
import { resetDatabase } from "../../support/test-database";

let admin: OperatorActor;

beforeEach(async () => {
  await resetDatabase();
  admin = await operatorActor((await createOffice()).id, "ADMIN");
});

const rules = { slotMinutes: "45", places: "3", minLeadWorkingDays: "1", maxDaysAhead: "60", cancelCutoffHours: "48", maxReschedules: "1" };
const saved = { slotMinutes: 45, places: 3, minLeadWorkingDays: 1, maxDaysAhead: 60, cancelCutoffHours: 48, maxReschedules: 1 };
const initial = { slotMinutes: 30, places: 1, minLeadWorkingDays: 2, maxDaysAhead: 30, cancelCutoffHours: 24, maxReschedules: 2 };
const window = { channel: "IN_PRESENZA", weekday: "1", start: "09:00", end: "12:00" };

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

async function responsabile(): Promise<OperatorActor> {
  return operatorActor((await createOffice()).id, "RESPONSABILE");
}

describe("the agenda's defaults", () => {
  it("are where a new office's agenda starts from, on its page and at its first window", async () => {
    expect(await getAgendaDefaults(admin)).toMatchObject({ ...initial, version: 1, following: 0, ownRules: 0 });

    expect(await updateAgendaDefaults(admin, { ...rules, expectedVersion: "1" })).toEqual({ offices: 0 });

    const manager = await responsabile();
    expect((await getAgendaSettings(manager)).settings).toEqual({ ...saved, address: null, videoLink: null });
    await addAgendaWindow(manager, window);
    expect(await prisma.agendaSettings.findUniqueOrThrow({ where: { officeId: manager.office.id } })).toMatchObject({
      ...saved,
      ownRules: false,
    });
    expect(await getAgendaDefaults(admin)).toMatchObject({ ...saved, version: 2, following: 1, ownRules: 0 });
  });

  it("change the offices that have not set their own rules, never those that have; audited with before and after", async () => {
    const following = await responsabile();
    const own = await responsabile();
    await addAgendaWindow(following, window);
    await addAgendaWindow(own, window);
    await updateAgendaSettings(own, { ...initial, places: "4" });

    expect(await updateAgendaDefaults(admin, { ...rules, expectedVersion: "1" })).toEqual({ offices: 1 });

    expect(await prisma.agendaSettings.findUniqueOrThrow({ where: { officeId: following.office.id } })).toMatchObject(saved);
    expect(await prisma.agendaSettings.findUniqueOrThrow({ where: { officeId: own.office.id } })).toMatchObject({
      ...initial,
      places: 4,
      ownRules: true,
    });
    const entries = await prisma.auditEntry.findMany({ where: { targetType: "IMPOSTAZIONI_AGENDA" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "AMMINISTRAZIONE_MODIFICA", targetId: "predefinite", page: "/admin/agenda" });
    expect(JSON.parse(entries[0]!.before!)).toEqual(initial);
    expect(JSON.parse(entries[0]!.after!)).toEqual({ ...saved, officesFollowing: 1 });
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true });
  });

  it("refuse out-of-range values at their fields in Italian, and a stale version, writing nothing", async () => {
    const invalid = await refusal(
      updateAgendaDefaults(admin, { ...rules, slotMinutes: "5", places: "", maxReschedules: "1,5", expectedVersion: "1" }),
    );
    expect(invalid).toBeInstanceOf(ValidationError);
    expect((invalid as ValidationError).fieldErrors).toEqual({
      slotMinutes: ["Durata dell'appuntamento: almeno 10."],
      places: ["Posti per orario: almeno 1."],
      maxReschedules: ["Spostamenti ammessi: indicare un numero."],
    });
    await updateAgendaDefaults(admin, { ...rules, expectedVersion: "1" });

    await expect(updateAgendaDefaults(admin, { ...initial, expectedVersion: "1" })).rejects.toEqual(
      new ConflictError(STALE_AGENDA_DEFAULTS),
    );
    expect(await getAgendaDefaults(admin)).toMatchObject({ ...saved, version: 2 });
    expect(await prisma.auditEntry.count({ where: { targetType: "IMPOSTAZIONI_AGENDA" } })).toBe(1);
  });

  it.each(["OPERATORE", "RESPONSABILE"] as const)("do not exist for a %s, forged form included", async (role) => {
    const other = await operatorActor((await createOffice()).id, role);

    await expect(getAgendaDefaults(other)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateAgendaDefaults(other, { ...rules, expectedVersion: "1" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await getAgendaDefaults(admin)).toMatchObject({ ...initial, version: 1 });
    expect(await prisma.auditEntry.count()).toBe(0);
  });
});
