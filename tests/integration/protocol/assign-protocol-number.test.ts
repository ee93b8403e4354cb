import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db/client";
import { assignProtocolNumber } from "@/server/protocol/assign-protocol-number";
import { createOffice } from "../../support/fixtures";

const at = new Date("2026-11-22T10:00:00Z");

function progressiveOf(protocolNumber: string): number {
  return Number(protocolNumber.split(".").at(-1));
}

describe("assignProtocolNumber", () => {
  it("numbers an office's requests 1, 2, 3… with its AOO code", async () => {
    const office = await createOffice({ code: "0040" });
    const first = await prisma.$transaction((tx) => assignProtocolNumber(tx, office, at));
    const second = await prisma.$transaction((tx) => assignProtocolNumber(tx, office, at));
    expect([first, second]).toEqual(["INPS.0040.22/11/2026.0000001", "INPS.0040.22/11/2026.0000002"]);
  });

  it("keeps separate sequences per office", async () => {
    const a = await createOffice();
    const b = await createOffice();
    await prisma.$transaction((tx) => assignProtocolNumber(tx, a, at));
    await prisma.$transaction((tx) => assignProtocolNumber(tx, a, at));
    const firstOfB = await prisma.$transaction((tx) => assignProtocolNumber(tx, b, at));
    expect(progressiveOf(firstOfB)).toBe(1);
  });

  it("restarts at 1 with the new year of Rome", async () => {
    const office = await createOffice();
    const lastOf2026 = await prisma.$transaction((tx) => assignProtocolNumber(tx, office, new Date("2026-12-31T22:59:00Z")));
    await prisma.$transaction((tx) => assignProtocolNumber(tx, office, new Date("2026-12-31T22:59:30Z")));
    const firstOf2027 = await prisma.$transaction((tx) => assignProtocolNumber(tx, office, new Date("2026-12-31T23:00:00Z")));
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
    await prisma.$transaction((tx) => assignProtocolNumber(tx, office, at));
    let assignedInRolledBack: string | undefined;
    await expect(
      prisma.$transaction(async (tx) => {
        assignedInRolledBack = await assignProtocolNumber(tx, office, at);
        throw new Error("submission failed after numbering");
      }),
    ).rejects.toThrow("submission failed after numbering");
    const next = await prisma.$transaction((tx) => assignProtocolNumber(tx, office, at));
    expect(progressiveOf(assignedInRolledBack ?? "")).toBe(2);
    expect(progressiveOf(next)).toBe(2);
  });

  it("hands out unique, gap-free numbers to 20 concurrent transactions of one office", async () => {
    const office = await createOffice();
    const numbers = await Promise.all(
      Array.from({ length: 20 }, () =>
        prisma.$transaction(async (tx) => {
          const number = await assignProtocolNumber(tx, office, at);
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
          const number = await assignProtocolNumber(tx, office, at);
          if (index % 3 === 0) throw new Error("rolled back");
          return number;
        }),
      ),
    );
    const committed = results.flatMap((result) => (result.status === "fulfilled" ? [progressiveOf(result.value)] : []));
    expect(committed.sort((x, y) => x - y)).toEqual(Array.from({ length: 8 }, (_, index) => index + 1));
  });
});
