import { beforeEach, describe, expect, it } from "vitest";
import { getAdminOverview } from "@/server/admin/get-admin-overview";
import { listAccessLog } from "@/server/audit/list-access-log";
import { recordAccess } from "@/server/audit/record-access";
import { recordAdminChange } from "@/server/audit/record-admin-change";
import { verifyAuditChain } from "@/server/audit/verify-audit-chain";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { resolveOperator } from "@/server/identity/resolve-operator";
import { createOffice, createOperator } from "../../support/fixtures";
import { resetDatabase } from "../../support/test-database";

const PAGE = "/admin/argomenti";

async function actorWithRole(role: OperatorActor["role"]): Promise<OperatorActor> {
  const office = await createOffice();
  const operator = await createOperator(office.id, role);
  const actor = await resolveOperator(operator.id);
  if (!actor) throw new Error("operator not resolved");
  return actor;
}

/** Changes the log as a superuser could, with the triggers off for this transaction only. */
async function tamper(sql: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    await tx.$executeRawUnsafe(sql);
  });
}

const renaming = {
  action: "AMMINISTRAZIONE_MODIFICA" as const,
  targetType: "ARGOMENTO" as const,
  targetId: "AZIENDE/DURC",
  before: { label: "DURC", active: true },
  after: { active: true, label: "Regolarità contributiva (DURC)" },
  page: PAGE,
};

beforeEach(async () => {
  await resetDatabase();
});

describe("an administrative change in the audit log", () => {
  it("is chained with its values before and after, as canonical JSON, between accesses", async () => {
    const admin = await actorWithRole("ADMIN");
    await recordAccess(admin, { action: "QUESITO_APERTO", targetType: "QUESITO", targetId: "q-1", page: "/fascicolo", granted: true });
    await prisma.$transaction((tx) => recordAdminChange(admin, renaming, tx));
    await recordAccess(admin, { action: "QUESITO_APERTO", targetType: "QUESITO", targetId: "q-2", page: "/fascicolo", granted: true });

    const entry = await prisma.auditEntry.findUniqueOrThrow({ where: { sequence: 2n } });
    expect(entry).toMatchObject({
      actorOperatorId: admin.operatorId,
      actorRole: "ADMIN",
      action: "AMMINISTRAZIONE_MODIFICA",
      targetType: "ARGOMENTO",
      targetId: "AZIENDE/DURC",
      page: PAGE,
      granted: true,
      before: '{"active":true,"label":"DURC"}',
      after: '{"active":true,"label":"Regolarità contributiva (DURC)"}',
    });
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, count: 3 });
  });

  it("is covered by the hash: a value after altered in the database is reported", async () => {
    const admin = await actorWithRole("ADMIN");
    await prisma.$transaction((tx) => recordAdminChange(admin, renaming, tx));
    await prisma.$transaction((tx) => recordAdminChange(admin, { ...renaming, before: renaming.after, after: renaming.before }, tx));
    await tamper(`UPDATE "AuditEntry" SET "after" = '{"active":true,"label":"Altro"}' WHERE "sequence" = 1`);

    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: false, sequence: 1n });
  });

  it("is a value before or after turned to null in the database: reported too", async () => {
    const admin = await actorWithRole("ADMIN");
    await prisma.$transaction((tx) => recordAdminChange(admin, renaming, tx));
    await tamper(`UPDATE "AuditEntry" SET "before" = NULL WHERE "sequence" = 1`);

    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: false, sequence: 1n });
  });

  it("leaves no entry when the change's transaction rolls back", async () => {
    const admin = await actorWithRole("ADMIN");
    const failed = prisma.$transaction(async (tx) => {
      await recordAdminChange(admin, renaming, tx);
      throw new Error("the change failed after its entry");
    });
    await expect(failed).rejects.toThrow("the change failed after its entry");

    expect(await prisma.auditEntry.count()).toBe(0);
    await prisma.$transaction((tx) => recordAdminChange(admin, renaming, tx));
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, count: 1 });
  });

  it("does not appear in the access log, which lists accesses only", async () => {
    const admin = await actorWithRole("ADMIN");
    await prisma.$transaction((tx) => recordAdminChange(admin, renaming, tx));
    await recordAccess(admin, { action: "QUESITO_APERTO", targetType: "QUESITO", targetId: "q-1", page: "/fascicolo", granted: true });

    const log = await listAccessLog(admin, {});
    expect(log.rows.map((row) => row.targetId)).toEqual(["q-1"]);
  });

  it("refuses a target or action that is not an administrative one", async () => {
    const admin = await actorWithRole("ADMIN");
    const forged = { ...renaming, action: "QUESITO_APERTO" } as unknown as typeof renaming;
    await expect(prisma.$transaction((tx) => recordAdminChange(admin, forged, tx))).rejects.toThrow();
    expect(await prisma.auditEntry.count()).toBe(0);
  });
});

describe("the administration's home", () => {
  it("is not found for an OPERATORE or a RESPONSABILE", async () => {
    for (const role of ["OPERATORE", "RESPONSABILE"] as const) {
      await expect(getAdminOverview(await actorWithRole(role))).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("counts active operators by role for an ADMIN", async () => {
    const admin = await actorWithRole("ADMIN");
    const office = await createOffice();
    await createOperator(office.id, "OPERATORE");
    await createOperator(office.id, "OPERATORE", false);

    const overview = await getAdminOverview(admin);
    expect(overview.activeOperatorsByRole).toEqual({ OPERATORE: 1, RESPONSABILE: 0, ADMIN: 1 });
    expect(overview.offices).toBe(2);
  });
});
