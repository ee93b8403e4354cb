import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeEach, describe, expect, it } from "vitest";
import { entryHash } from "@/server/audit/entry-hash";
import { recordAccess } from "@/server/audit/record-access";
import { listAccessLog } from "@/server/audit/list-access-log";
import { verifyAuditChain } from "@/server/audit/verify-audit-chain";
import { prisma } from "@/server/db/client";
import { NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { resolveOperator } from "@/server/identity/resolve-operator";
import { getQuesito } from "@/server/quesiti/get-quesito";
import { createOffice, createOperator, createPerson } from "../../support/fixtures";
import { createQuesito, operatorActor } from "../../support/quesito-fixtures";
import { resetDatabase } from "../../support/test-database";

const PAGE = "/fascicolo/quesiti/prova";

async function actorWithRole(officeId: string, role: OperatorActor["role"]): Promise<OperatorActor> {
  const operator = await createOperator(officeId, role);
  const actor = await resolveOperator(operator.id);
  if (!actor) throw new Error("operator not resolved");
  return actor;
}

function opening(targetId: string, extra: { codiceFiscale?: string; granted?: boolean; page?: string } = {}) {
  return {
    action: "QUESITO_APERTO" as const,
    targetType: "QUESITO" as const,
    targetId,
    page: extra.page ?? PAGE,
    granted: extra.granted ?? true,
    ...(extra.codiceFiscale ? { codiceFiscale: extra.codiceFiscale } : {}),
  };
}

/** Changes the log as a superuser could, with the triggers off for this transaction only. */
async function tamper(sql: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    await tx.$executeRawUnsafe(sql);
  });
}

async function fillLog(count: number): Promise<OperatorActor> {
  const office = await createOffice();
  const operator = await operatorActor(office.id);
  for (let n = 0; n < count; n += 1) await recordAccess(operator, opening(crypto.randomUUID()));
  return operator;
}

beforeEach(async () => {
  await resetDatabase();
});

describe("the chain", () => {
  it("chains 20 concurrent inserts one after the other, gap-free, and verifies them", async () => {
    const office = await createOffice();
    const operator = await operatorActor(office.id);

    await Promise.all(Array.from({ length: 20 }, () => recordAccess(operator, opening(crypto.randomUUID()))));

    const entries = await prisma.auditEntry.findMany({ orderBy: { sequence: "asc" } });
    expect(entries.map((entry) => entry.sequence)).toEqual(Array.from({ length: 20 }, (_, n) => BigInt(n + 1)));
    expect(entries[0]!.previousHash).toBe("0".repeat(64));
    for (let n = 1; n < entries.length; n += 1) expect(entries[n]!.previousHash).toBe(entries[n - 1]!.hash);
    // Time follows the chain: each entry is chained after the previous one committed.
    for (let n = 1; n < entries.length; n += 1) expect(entries[n]!.createdAt >= entries[n - 1]!.createdAt).toBe(true);
    expect(await prisma.auditChainHead.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      id: 1,
      lastSequence: 20n,
      lastHash: entries[19]!.hash,
    });
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, count: 20 });
  });

  it("takes the sequence, time and hashes from the database, not from the insert", async () => {
    const operator = await fillLog(1);
    await prisma.auditEntry.create({
      data: {
        sequence: 99n,
        createdAt: new Date("2000-01-01T00:00:00Z"),
        previousHash: "f".repeat(64),
        hash: "e".repeat(64),
        actorOperatorId: operator.operatorId,
        actorCodiceFiscale: operator.codiceFiscale,
        actorRole: operator.role,
        actorOfficeId: operator.office.id,
        action: "QUESITO_APERTO",
        targetType: "QUESITO",
        targetId: crypto.randomUUID(),
        page: PAGE,
        granted: true,
      },
    });

    const forged = await prisma.auditEntry.findUniqueOrThrow({ where: { sequence: 2n } });
    expect(forged.hash).not.toBe("e".repeat(64));
    expect(forged.createdAt.getFullYear()).toBeGreaterThan(2000);
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, count: 2 });
  });

  it("hashes text the same way in the database and in the verifier, whatever it contains", async () => {
    const operator = await fillLog(0);
    await recordAccess(operator, opening(crypto.randomUUID(), { page: '/fascicolo/"virgolette"\\barra\n\ttab\u0001 è € 😀 \u2028' }));
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, count: 1 });
  });

  it("refuses entries that do not fit, writing nothing", async () => {
    const operator = await fillLog(0);
    await expect(recordAccess(operator, opening("x".repeat(65)))).rejects.toThrow();
    await expect(recordAccess(operator, opening(crypto.randomUUID(), { page: "" }))).rejects.toThrow();
    expect(await prisma.auditEntry.count()).toBe(0);
  });

  it("joins the caller's transaction: rolled back with it, nothing is chained", async () => {
    const operator = await fillLog(1);
    await expect(
      prisma.$transaction(async (tx) => {
        await recordAccess(operator, opening(crypto.randomUUID()), tx);
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    await recordAccess(operator, opening(crypto.randomUUID()));
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, count: 2 });
  });
});

describe("nobody changes the log through the application", () => {
  it("refuses UPDATE and DELETE through Prisma, leaving the entry as it was", async () => {
    await fillLog(2);
    const before = await prisma.auditEntry.findUniqueOrThrow({ where: { sequence: 1n } });

    await expect(prisma.auditEntry.update({ where: { id: before.id }, data: { granted: false } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEntry.updateMany({ data: { page: "/altro" } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEntry.delete({ where: { id: before.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEntry.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`UPDATE "AuditEntry" SET "granted" = false`)).rejects.toThrow(/append-only/);

    expect(await prisma.auditEntry.findUniqueOrThrow({ where: { sequence: 1n } })).toEqual(before);
    expect(await prisma.auditEntry.count()).toBe(2);
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, count: 2 });
  });
});

describe("audit:verify", () => {
  it("reports the first row whose content was altered in the database", async () => {
    await fillLog(5);
    await tamper(`UPDATE "AuditEntry" SET "granted" = false WHERE "sequence" = 3`);

    const verdict = await verifyAuditChain(prisma);
    expect(verdict).toMatchObject({ ok: false, sequence: 3n });
    expect(verdict.ok || verdict.reason.it).toBe("il contenuto della riga 3 non corrisponde alla sua impronta");
  });

  it("reports a row altered with its hash recomputed: the next one no longer links to it", async () => {
    await fillLog(4);
    const altered = { ...(await prisma.auditEntry.findUniqueOrThrow({ where: { sequence: 2n } })), page: "/altro" };
    await tamper(`UPDATE "AuditEntry" SET "page" = '/altro', "hash" = '${entryHash(altered)}' WHERE "sequence" = 2`);

    expect(await verifyAuditChain(prisma)).toMatchObject({
      ok: false,
      sequence: 3n,
      reason: { it: "la riga 3 non è collegata alla precedente" },
    });
  });

  it("reports a row removed from the middle and rows cut from the end", async () => {
    await fillLog(5);
    await tamper(`DELETE FROM "AuditEntry" WHERE "sequence" = 4`);
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: false, sequence: 4n, reason: { en: "row 4 is missing" } });

    await tamper(`DELETE FROM "AuditEntry" WHERE "sequence" >= 4`);
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: false, sequence: 4n });
  });

  it("is what `npm run audit:verify` prints, with exit code 1 on a tampered log", async () => {
    await fillLog(3);
    const run = () =>
      promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts"], {
        env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
      });
    expect((await run()).stdout).toBe("ok, 3 righe\n");

    await tamper(`UPDATE "AuditEntry" SET "targetId" = 'altro' WHERE "sequence" = 2`);
    const failed = await run().then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain(
      "Registro degli accessi alterato: il contenuto della riga 2 non corrisponde alla sua impronta (riga 2).",
    );
    expect(failed?.stderr).toContain("Access log tampered with: the content of row 2 does not match its hash (row 2).");
  }, 60_000);
});

describe("openings of a quesito", () => {
  it("logs the office's opening with who, what, whose and from which page, and a refused one as not granted", async () => {
    const office = await createOffice();
    const otherOffice = await createOffice();
    const operator = await operatorActor(office.id);
    const stranger = await operatorActor(otherOffice.id);
    const holder = await createPerson("Titolare");
    const { quesito } = await createQuesito({ officeId: office.id, holder });

    await getQuesito(operator, quesito.id, `/fascicolo/quesiti/${quesito.id}`);
    await expect(getQuesito(stranger, quesito.id, `/fascicolo/quesiti/${quesito.id}`)).rejects.toThrow(NotFoundError);
    const missing = crypto.randomUUID();
    await expect(getQuesito(stranger, missing, "/fascicolo/quesiti/altro")).rejects.toThrow(NotFoundError);
    // An id that cannot name a quesito reaches no query and no log.
    await expect(getQuesito(stranger, "non-un-id", "/fascicolo/quesiti/non-un-id")).rejects.toThrow(NotFoundError);

    const entries = await prisma.auditEntry.findMany({ orderBy: { sequence: "asc" } });
    expect(entries).toMatchObject([
      {
        actorOperatorId: operator.operatorId,
        actorCodiceFiscale: operator.codiceFiscale,
        actorRole: "OPERATORE",
        actorOfficeId: office.id,
        action: "QUESITO_APERTO",
        targetType: "QUESITO",
        targetId: quesito.id,
        codiceFiscale: holder.codiceFiscale,
        page: `/fascicolo/quesiti/${quesito.id}`,
        granted: true,
      },
      // Refused: the contributor is not named to whoever reads the stranger's office's log.
      { actorOperatorId: stranger.operatorId, actorOfficeId: otherOffice.id, targetId: quesito.id, codiceFiscale: null, granted: false },
      { actorOperatorId: stranger.operatorId, targetId: missing, granted: false },
    ]);
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, count: 3 });
  });
});

describe("listAccessLog", () => {
  it("is not found for an OPERATORE, even filtered on their own entries", async () => {
    const operator = await fillLog(1);
    await expect(listAccessLog(operator, {})).rejects.toThrow(NotFoundError);
    await expect(listAccessLog(operator, { operatore: operator.codiceFiscale })).rejects.toThrow(NotFoundError);
  });

  it("shows a RESPONSABILE their office's operators' entries only, and an ADMIN everybody's, newest first", async () => {
    const office = await createOffice();
    const otherOffice = await createOffice();
    const operator = await operatorActor(office.id);
    const stranger = await operatorActor(otherOffice.id);
    const responsabile = await actorWithRole(office.id, "RESPONSABILE");
    const admin = await actorWithRole(otherOffice.id, "ADMIN");
    const own = crypto.randomUUID();
    const foreign = crypto.randomUUID();
    await recordAccess(operator, opening(own));
    await recordAccess(stranger, opening(foreign));
    await recordAccess(operator, opening(own, { granted: false }));

    const seenByResponsabile = await listAccessLog(responsabile, {});
    expect(seenByResponsabile.scope).toBe("sede");
    expect(seenByResponsabile.rows.map((row) => [row.sequence, row.targetId, row.granted])).toEqual([
      ["3", own, false],
      ["1", own, true],
    ]);
    expect(seenByResponsabile.rows[0]!.operator).toMatchObject({ codiceFiscale: operator.codiceFiscale, roleLabel: "Operatore" });
    expect(seenByResponsabile.total).toEqual({ count: 2, more: false });
    // The other office's entries stay out, even when asked for by name.
    expect((await listAccessLog(responsabile, { operatore: stranger.codiceFiscale })).rows).toEqual([]);

    const seenByAdmin = await listAccessLog(admin, {});
    expect(seenByAdmin.scope).toBe("tutte");
    expect(seenByAdmin.rows.map((row) => row.sequence)).toEqual(["3", "2", "1"]);
  });

  it("lists the entries written in one millisecond in the order they were written, newest first", async () => {
    const office = await createOffice();
    const operator = await operatorActor(office.id);
    const admin = await actorWithRole(office.id, "ADMIN");
    for (let index = 0; index < 20; index++) await recordAccess(operator, opening(crypto.randomUUID()));

    const written = await prisma.auditEntry.findMany({ orderBy: { sequence: "asc" }, select: { id: true, sequence: true } });
    // Time-ordered ids (version 7): the order of writing, also within one millisecond.
    expect(written.map((entry) => entry.id)).toEqual(written.map((entry) => entry.id).sort());
    expect(written.every((entry) => entry.id[14] === "7")).toBe(true);
    expect((await listAccessLog(admin, {})).rows.map((row) => row.sequence)).toEqual(
      written.map((entry) => entry.sequence.toString()).reverse(),
    );
  });

  it("filters by operator, contributor, target and period", async () => {
    const office = await createOffice();
    const operator = await operatorActor(office.id);
    const colleague = await operatorActor(office.id);
    const responsabile = await actorWithRole(office.id, "RESPONSABILE");
    const holder = await createPerson("Titolare");
    const target = crypto.randomUUID();
    await recordAccess(operator, opening(target, { codiceFiscale: holder.codiceFiscale }));
    await recordAccess(colleague, opening(crypto.randomUUID()));
    await recordAccess(colleague, {
      action: "FASCICOLO_CONTRIBUENTE_APERTO",
      targetType: "CONTRIBUENTE",
      targetId: holder.codiceFiscale,
      codiceFiscale: holder.codiceFiscale,
      page: `/fascicolo/contribuenti/${holder.codiceFiscale}`,
      granted: true,
    });
    const sequences = async (filters: Record<string, string>) =>
      (await listAccessLog(responsabile, filters)).rows.map((row) => row.sequence);

    expect(await sequences({ operatore: colleague.codiceFiscale.toLowerCase() })).toEqual(["3", "2"]);
    expect(await sequences({ contribuente: ` ${holder.codiceFiscale} ` })).toEqual(["3", "1"]);
    expect(await sequences({ oggetto: "CONTRIBUENTE" })).toEqual(["3"]);
    expect(await sequences({ oggetto: "QUESITO", identificativo: target })).toEqual(["1"]);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome" }).format(new Date());
    expect(await sequences({ dal: today, al: today })).toEqual(["3", "2", "1"]);
    expect(await sequences({ al: "2020-01-01" })).toEqual([]);

    const invalid = await listAccessLog(responsabile, { contribuente: "NONVALIDO", identificativo: target, dal: "2026-02-30" }).catch(
      (error: unknown) => error,
    );
    expect(invalid).toBeInstanceOf(ValidationError);
    expect(Object.keys((invalid as ValidationError).fieldErrors).sort()).toEqual(["contribuente", "dal", "oggetto"]);
  });

  it("answers odd filters with a message at each field, never a failure", async () => {
    const office = await createOffice();
    const responsabile = await actorWithRole(office.id, "RESPONSABILE");
    const refusal = async (filters: Record<string, string>) => {
      const error = await listAccessLog(responsabile, filters).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).fieldErrors;
    };
    const date = ["Indicare una data valida (gg/mm/aaaa)."];

    expect(await refusal({ dal: "2026-13-01", al: "ieri" })).toEqual({ dal: date, al: date });
    expect(await refusal({ dal: "2026-02-30" })).toEqual({ dal: date });
    expect(await refusal({ dal: "2026-03-10", al: "2026-03-01" })).toEqual({ al: ["La data finale non può precedere quella iniziale."] });
    expect(await refusal({ oggetto: "TUTTO" })).toEqual({ oggetto: ["Scegliere un tipo tra quelli proposti."] });
    expect(await refusal({ oggetto: "QUESITO", identificativo: "x".repeat(10_000) })).toEqual({
      identificativo: ["L'identificativo può contenere al massimo 64 caratteri."],
    });
    const codes = await refusal({ operatore: "x".repeat(10_000), contribuente: "RSSMRA\u000080A01H501U" });
    expect(Object.keys(codes).sort()).toEqual(["contribuente", "operatore"]);
    for (const messages of Object.values(codes)) expect(messages?.[0]).toMatch(/codice fiscale/i);

    // Quotes, SQL and control characters in the identifier are looked up as typed: nothing found.
    for (const identificativo of ['\'; DROP TABLE "AuditEntry"; --', "%", "\u0000abc"]) {
      expect((await listAccessLog(responsabile, { oggetto: "CONTRIBUENTE", identificativo })).rows).toEqual([]);
    }
  });

  it("pages by keyset, forwards and back, newest first", async () => {
    const office = await createOffice();
    const responsabile = await actorWithRole(office.id, "RESPONSABILE");
    const operator = await operatorActor(office.id);
    await Promise.all(Array.from({ length: 120 }, () => recordAccess(operator, opening(crypto.randomUUID()))));

    const first = await listAccessLog(responsabile, {});
    expect(first.rows).toHaveLength(50);
    expect(first.previousCursor).toBeNull();
    const second = await listAccessLog(responsabile, { dopo: first.nextCursor! });
    const third = await listAccessLog(responsabile, { dopo: second.nextCursor! });
    expect(third.rows).toHaveLength(20);
    expect(third.nextCursor).toBeNull();
    const seen = [...first.rows, ...second.rows, ...third.rows].map((row) => row.id);
    expect(new Set(seen).size).toBe(120);
    const ordered = [...first.rows, ...second.rows, ...third.rows].map((row) => row.createdAt.getTime());
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));

    const back = await listAccessLog(responsabile, { prima: third.previousCursor! });
    expect(back.rows.map((row) => row.id)).toEqual(second.rows.map((row) => row.id));
  });
});
