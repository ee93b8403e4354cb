import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db/client";
import type { Prisma } from "@/generated/prisma/client";
import { assignProtocolNumber, provisionalProtocolNumber } from "@/server/protocol/assign-protocol-number";
import { formatProtocolNumber } from "@/server/protocol/format-protocol-number";
import { createOffice } from "../../support/fixtures";

const at = new Date("2026-11-22T10:00:00Z");

/** The counter alone: no row carries the provisional number (createRequest's tests cover the rows). */
function takeNumber(tx: Prisma.TransactionClient, office: { id: string; code: string }, when: Date): Promise<string> {
  return assignProtocolNumber(tx, office, when, provisionalProtocolNumber(office, when));
}

function progressiveOf(protocolNumber: string): number {
  return Number(protocolNumber.split(".").at(-1));
}

describe("assignProtocolNumber", () => {
  it("numbers an office's requests 1, 2, 3… with its AOO code", async () => {
    const office = await createOffice({ code: "0040" });
    const first = await prisma.$transaction((tx) => takeNumber(tx, office, at));
    const second = await prisma.$transaction((tx) => takeNumber(tx, office, at));
    expect([first, second]).toEqual(["INPS.0040.22/11/2026.0000001", "INPS.0040.22/11/2026.0000002"]);
  });

  it("keeps separate sequences per office", async () => {
    const a = await createOffice();
    const b = await createOffice();
    await prisma.$transaction((tx) => takeNumber(tx, a, at));
    await prisma.$transaction((tx) => takeNumber(tx, a, at));
    const firstOfB = await prisma.$transaction((tx) => takeNumber(tx, b, at));
    expect(progressiveOf(firstOfB)).toBe(1);
  });

  it("restarts at 1 with the new year of Rome", async () => {
    const office = await createOffice();
    const lastOf2026 = await prisma.$transaction((tx) => takeNumber(tx, office, new Date("2026-12-31T22:59:00Z")));
    await prisma.$transaction((tx) => takeNumber(tx, office, new Date("2026-12-31T22:59:30Z")));
    const firstOf2027 = await prisma.$transaction((tx) => takeNumber(tx, office, new Date("2026-12-31T23:00:00Z")));
    expect(lastOf2026).toBe(`INPS.${office.code}.31/12/2026.0000001`);
    expect(firstOf2027).toBe(`INPS.${office.code}.01/01/2027.0000001`);
    const counters = await prisma.protocolCounter.findMany({ where: { officeId: office.id }, orderBy: { year: "asc" } });
    expect(counters.map(({ year, lastValue }) => ({ year, lastValue }))).toEqual([
      { year: 2026, lastValue: 2 },
      { year: 2027, lastValue: 1 },
    ]);
  });

  it("gives the number back when the transaction rolls back", async () => {
    const office = await createOffice();
    await prisma.$transaction((tx) => takeNumber(tx, office, at));
    let assignedInRolledBack: string | undefined;
    await expect(
      prisma.$transaction(async (tx) => {
        assignedInRolledBack = await takeNumber(tx, office, at);
        throw new Error("submission failed after numbering");
      }),
    ).rejects.toThrow("submission failed after numbering");
    const next = await prisma.$transaction((tx) => takeNumber(tx, office, at));
    expect(progressiveOf(assignedInRolledBack ?? "")).toBe(2);
    expect(progressiveOf(next)).toBe(2);
  });

  it("hands out unique, gap-free numbers to 20 concurrent transactions of one office", async () => {
    const office = await createOffice();
    const numbers = await Promise.all(
      Array.from({ length: 20 }, () =>
        prisma.$transaction(async (tx) => {
          const number = await takeNumber(tx, office, at);
          // Hold the transaction open a little so that the others queue on the counter row.
          await tx.$executeRaw`SELECT pg_sleep(0.01)`;
          return number;
        }),
      ),
    );
    const progressives = numbers.map(progressiveOf).sort((x, y) => x - y);
    expect(progressives).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it("stays gap-free when some of many concurrent transactions roll back", async () => {
    const office = await createOffice();
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, index) =>
        prisma.$transaction(async (tx) => {
          const number = await takeNumber(tx, office, at);
          if (index % 3 === 0) throw new Error("rolled back");
          return number;
        }),
      ),
    );
    const committed = results.flatMap((result) => (result.status === "fulfilled" ? [progressiveOf(result.value)] : []));
    expect(committed.sort((x, y) => x - y)).toEqual(Array.from({ length: 8 }, (_, index) => index + 1));
  });

  it("formats long progressives in the database as formatProtocolNumber does", async () => {
    const office = await createOffice();
    await prisma.protocolCounter.create({ data: { officeId: office.id, year: 2026, lastValue: 12_345_677 } });
    const number = await prisma.$transaction((tx) => takeNumber(tx, office, at));
    expect(number).toBe(formatProtocolNumber(office.code, at, 12_345_678));
  });

  it("makes provisional numbers of the final shape and length, never a real one", () => {
    const provisional = provisionalProtocolNumber({ code: "0040" }, at);
    expect(provisional).toMatch(/^INPS\.0040\.22\/11\/2026\.[A-Z]{7}$/);
    expect(provisional).toHaveLength(formatProtocolNumber("0040", at, 1).length);
  });
});
