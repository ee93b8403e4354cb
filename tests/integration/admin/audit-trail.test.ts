import { beforeEach, describe, expect, it } from "vitest";
import { exportAdminChangesCsv } from "@/server/admin/export-admin-changes-csv";
import { listAdminChanges } from "@/server/admin/list-admin-changes";
import { recordAccess } from "@/server/audit/record-access";
import { recordAdminChange } from "@/server/audit/record-admin-change";
import { ADMIN_CHANGES_PAGE_SIZE } from "@/server/audit/schemas";
import { prisma } from "@/server/db/client";
import { NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { resolveOperator } from "@/server/identity/resolve-operator";
import { createOffice, createOperator } from "../../support/fixtures";
import { resetDatabase } from "../../support/test-database";

async function actorWithRole(role: OperatorActor["role"]): Promise<OperatorActor> {
  const office = await createOffice();
  const actor = await resolveOperator((await createOperator(office.id, role)).id);
  if (!actor) throw new Error("operator not resolved");
  return actor;
}

const renaming = {
  action: "AMMINISTRAZIONE_MODIFICA" as const,
  targetType: "ARGOMENTO" as const,
  targetId: "AZIENDE/DURC",
  before: { label: "DURC", active: true },
  after: { label: '=HYPERLINK("http://x")', active: true },
  page: "/admin/argomenti",
};
const deactivation = {
  action: "AMMINISTRAZIONE_DISATTIVAZIONE" as const,
  targetType: "OPERATORE" as const,
  targetId: "RSSMRA80A01H501U",
  before: { active: true },
  after: { active: false },
  page: "/admin/operatori",
};

beforeEach(async () => {
  await resetDatabase();
});

describe("the audit trail of administrative changes", () => {
  it("lists the changes only, newest first, with their values before and after in words", async () => {
    const admin = await actorWithRole("ADMIN");
    await prisma.$transaction((tx) => recordAdminChange(admin, renaming, tx));
    await recordAccess(admin, { action: "QUESITO_APERTO", targetType: "QUESITO", targetId: "q-1", page: "/fascicolo", granted: true });
    await prisma.$transaction((tx) => recordAdminChange(admin, deactivation, tx));

    const trail = await listAdminChanges(admin, {});
    expect(trail.rows.map((row) => row.targetId)).toEqual(["RSSMRA80A01H501U", "AZIENDE/DURC"]);
    expect(trail.total).toEqual({ count: 2, more: false });
    expect(trail.rows[0]).toMatchObject({
      actionLabel: "Disattivazione",
      targetLabel: "Operatore",
      details: [{ field: "Attivo", before: "sì", after: "no" }],
    });
    expect(trail.rows[1]?.details).toEqual([
      { field: "Attivo", before: "sì", after: "sì" },
      { field: "Denominazione", before: "DURC", after: '=HYPERLINK("http://x")' },
    ]);
  });

  it("filters by operator, target type and id, action and period", async () => {
    const [admin, other] = [await actorWithRole("ADMIN"), await actorWithRole("ADMIN")];
    await prisma.$transaction((tx) => recordAdminChange(admin, renaming, tx));
    await prisma.$transaction((tx) => recordAdminChange(other, deactivation, tx));
    const ids = async (filters: Record<string, string>) => (await listAdminChanges(admin, filters)).rows.map((row) => row.targetId);

    expect(await ids({ operatore: other.codiceFiscale })).toEqual(["RSSMRA80A01H501U"]);
    expect(await ids({ oggetto: "ARGOMENTO" })).toEqual(["AZIENDE/DURC"]);
    expect(await ids({ oggetto: "OPERATORE", identificativo: "RSSMRA80A01H501U" })).toEqual(["RSSMRA80A01H501U"]);
    expect(await ids({ azione: "AMMINISTRAZIONE_MODIFICA" })).toEqual(["AZIENDE/DURC"]);
    expect(await ids({ dal: "2000-01-01", al: "2000-12-31" })).toEqual([]);
    await expect(listAdminChanges(admin, { oggetto: "QUESITO" })).rejects.toBeInstanceOf(ValidationError);
    await expect(listAdminChanges(admin, { azione: "QUESITO_APERTO" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("pages by keyset", async () => {
    const admin = await actorWithRole("ADMIN");
    for (let n = 0; n <= ADMIN_CHANGES_PAGE_SIZE; n += 1) {
      await prisma.$transaction((tx) => recordAdminChange(admin, { ...renaming, targetId: `AZIENDE/${n}` }, tx));
    }
    const first = await listAdminChanges(admin, {});
    expect(first.rows).toHaveLength(ADMIN_CHANGES_PAGE_SIZE);
    const second = await listAdminChanges(admin, { dopo: first.nextCursor! });
    expect(second.rows.map((row) => row.targetId)).toEqual(["AZIENDE/0"]);
    expect((await listAdminChanges(admin, { prima: second.previousCursor! })).rows[0]?.targetId).toBe(`AZIENDE/${ADMIN_CHANGES_PAGE_SIZE}`);
  });

  it("exports the filtered changes as CSV with formula-like values neutralised", async () => {
    const admin = await actorWithRole("ADMIN");
    await prisma.$transaction((tx) => recordAdminChange(admin, renaming, tx));
    await prisma.$transaction((tx) => recordAdminChange(admin, deactivation, tx));

    const { fileName, csv } = await exportAdminChangesCsv(admin, { oggetto: "ARGOMENTO" }, new Date("2026-12-06T10:00:00Z"));
    expect(fileName).toBe("registro-modifiche-2026-12-06.csv");
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("AZIENDE/DURC");
    expect(lines[1]).not.toContain("RSSMRA80A01H501U");
    expect(lines[1]).toContain('Denominazione: DURC → =HYPERLINK(""http://x"")');
    expect(lines[1]?.split(";").every((cell) => !/^[=+\-@]/.test(cell))).toBe(true);
  });

  it("is not found for an OPERATORE or a RESPONSABILE", async () => {
    for (const role of ["OPERATORE", "RESPONSABILE"] as const) {
      const actor = await actorWithRole(role);
      await expect(listAdminChanges(actor, {})).rejects.toBeInstanceOf(NotFoundError);
      await expect(exportAdminChangesCsv(actor, {})).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});
