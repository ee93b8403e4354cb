import { beforeEach, describe, expect, it } from "vitest";
import { pruneAuditLog } from "@/server/audit/prune-audit-log";
import { recordAccess } from "@/server/audit/record-access";
import { verifyAuditChain } from "@/server/audit/verify-audit-chain";
import { parseConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import type { OperatorActor } from "@/server/identity/actor";
import { resolveOperator } from "@/server/identity/resolve-operator";
import { runMaintenanceSweep } from "@/server/maintenance/run-maintenance-sweep";
import { createOffice, createOperator } from "../../support/fixtures";
import { resetDatabase } from "../../support/test-database";

async function admin(): Promise<OperatorActor> {
  const office = await createOffice();
  const actor = await resolveOperator((await createOperator(office.id, "ADMIN")).id);
  if (!actor) throw new Error("operator not resolved");
  return actor;
}

/** Five accesses; returns the time the fourth was chained (entries before it are "old"). */
async function fiveEntries(actor: OperatorActor): Promise<Date> {
  for (let n = 1; n <= 5; n += 1) {
    await recordAccess(actor, { action: "QUESITO_APERTO", targetType: "QUESITO", targetId: `q-${n}`, page: "/fascicolo", granted: true });
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return (await prisma.auditEntry.findUniqueOrThrow({ where: { sequence: 4n } })).createdAt;
}

/** Changes the log as a superuser could, with the triggers off for this transaction only. */
async function tamper(sql: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    await tx.$executeRawUnsafe(sql);
  });
}

beforeEach(async () => {
  await resetDatabase();
});

describe("audit log retention", () => {
  it("removes the entries before the cutoff and the chain still verifies from the pruned-through point", async () => {
    const cutoff = await fiveEntries(await admin());
    const third = await prisma.auditEntry.findUniqueOrThrow({ where: { sequence: 3n } });

    expect(await pruneAuditLog(prisma, cutoff)).toEqual({ cutoff, removed: 3, prunedThroughSequence: 3n });
    expect((await prisma.auditEntry.findMany({ orderBy: { sequence: "asc" } })).map((entry) => entry.sequence)).toEqual([4n, 5n]);
    expect(await prisma.auditChainHead.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      prunedThroughSequence: 3n,
      prunedThroughHash: third.hash,
      lastSequence: 5n,
    });
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, count: 2 });

    // Entries written after pruning chain on as before.
    const actor = await admin();
    await recordAccess(actor, { action: "QUESITO_APERTO", targetType: "QUESITO", targetId: "q-6", page: "/fascicolo", granted: true });
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, count: 3 });
    expect(await pruneAuditLog(prisma, cutoff)).toMatchObject({ removed: 0, prunedThroughSequence: 3n });
  });

  it("still detects an entry altered or removed among those that remain", async () => {
    const cutoff = await fiveEntries(await admin());
    await pruneAuditLog(prisma, cutoff);
    await tamper(`UPDATE "AuditEntry" SET "targetId" = 'q-altro' WHERE "sequence" = 5`);
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: false, sequence: 5n });

    await tamper(`UPDATE "AuditEntry" SET "targetId" = 'q-5' WHERE "sequence" = 5`);
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, count: 2 });
    await tamper(`DELETE FROM "AuditEntry" WHERE "sequence" = 4`);
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: false, sequence: 4n });
  });

  it("still refuses a direct DELETE, also of entries already due and with the pruning setting forged", async () => {
    const cutoff = await fiveEntries(await admin());
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "AuditEntry" WHERE "sequence" = 1`)).rejects.toThrow(/append-only/);
    await pruneAuditLog(prisma, cutoff);
    const forged = prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SELECT set_config('audit.pruning', 'on', true)`);
      await tx.$executeRawUnsafe(`DELETE FROM "AuditEntry" WHERE "sequence" = 5`);
    });
    await expect(forged).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`UPDATE "AuditEntry" SET "page" = '/x' WHERE "sequence" = 4`)).rejects.toThrow(/append-only/);
    expect(await prisma.auditEntry.count()).toBe(2);
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, count: 2 });
  });

  it("is part of the maintenance sweep, which keeps AUDIT_RETENTION_MONTHS of entries", async () => {
    await fiveEntries(await admin());
    const config = parseConfig({ ...process.env, AUDIT_RETENTION_MONTHS: "6" });
    const dependencies = { databaseUrl: process.env.DATABASE_URL!, prisma, config };

    expect((await runMaintenanceSweep(dependencies, new Date(Date.now() + 150 * 24 * 3600 * 1000)))?.auditLog.removed).toBe(0);
    const report = await runMaintenanceSweep(dependencies, new Date(Date.now() + 200 * 24 * 3600 * 1000));
    expect(report?.auditLog).toMatchObject({ removed: 5, prunedThroughSequence: 5n });
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, count: 0 });
  });
});
