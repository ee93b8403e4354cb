import { beforeEach, describe, expect, it } from "vitest";
import type { ActingProfile } from "@/generated/prisma/enums";
import { positionTable } from "@/server/access/access-tables";
import { actablePositionsWhere } from "@/server/access/position-access";
import { prisma } from "@/server/db/client";
import { whereSql } from "@/server/db/where-sql";
import { createDelegation, createOffice, createPerson, createPosition } from "../../support/fixtures";
import { contributorActor } from "../../support/quesito-fixtures";
import { resetDatabase } from "../../support/test-database";

const now = new Date("2026-11-20T10:00:00Z");

beforeEach(async () => {
  await resetDatabase();
});

/** The positions a contributor may act on, by the Prisma condition and by the same condition written as SQL (decision 0057). */
async function actableBothWays(person: { id: string; codiceFiscale: string }, profile: ActingProfile) {
  const actor = contributorActor(person, profile);
  const byPrisma = await prisma.position.findMany({ where: actablePositionsWhere(actor, now), select: { id: true } });
  const bySql = await prisma.$queryRaw<
    { id: string }[]
  >`SELECT p.id FROM "Position" p WHERE ${whereSql("p", positionTable, actablePositionsWhere(actor, now))}`;
  const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();
  return { prisma: ids(byPrisma), sql: ids(bySql) };
}

describe("the access rules written as SQL", () => {
  it("select the same positions as the Prisma conditions, for every profile and state of a delegation", async () => {
    const office = await createOffice();
    const delegate = await createPerson("Delegato");
    const own = await createPosition(delegate.id, office.id);
    const clients = await Promise.all(Array.from({ length: 6 }, () => createPerson("Cliente")));
    const positions = await Promise.all(clients.map((client) => createPosition(client.id, office.id)));
    const delegation = (index: number, extra: Omit<Parameters<typeof createDelegation>[0], "holderId" | "delegateId" | "positionIds">) =>
      createDelegation({ holderId: clients[index]!.id, delegateId: delegate.id, positionIds: [positions[index]!.id], ...extra });
    await delegation(0, { kind: "INTERMEDIARIO", validFrom: new Date("2026-01-01T00:00:00Z") });
    await delegation(1, { kind: "INTERMEDIARIO", validFrom: new Date("2026-01-01T00:00:00Z"), validTo: new Date("2026-11-01T00:00:00Z") });
    await delegation(2, { kind: "INTERMEDIARIO", validFrom: new Date("2026-12-01T00:00:00Z") });
    await delegation(3, { kind: "INTERMEDIARIO", validFrom: new Date("2026-01-01T00:00:00Z"), status: "REVOKED" });
    await delegation(4, { kind: "DIPENDENTE", validFrom: new Date("2026-01-01T00:00:00Z"), validTo: new Date("2027-01-01T00:00:00Z") });
    await delegation(5, { kind: "INTERMEDIARIO", validFrom: new Date("2026-01-01T00:00:00Z"), status: "PENDING" });

    const asHolder = await actableBothWays(delegate, "TITOLARE");
    expect(asHolder.sql).toEqual(asHolder.prisma);
    expect(asHolder.sql).toEqual([own.id]);

    const asIntermediary = await actableBothWays(delegate, "INTERMEDIARIO");
    expect(asIntermediary.sql).toEqual(asIntermediary.prisma);
    expect(asIntermediary.sql).toEqual([positions[0]!.id]);

    const asEmployee = await actableBothWays(delegate, "DIPENDENTE");
    expect(asEmployee.sql).toEqual(asEmployee.prisma);
    expect(asEmployee.sql).toEqual([positions[4]!.id]);

    const stranger = await actableBothWays(await createPerson("Estraneo"), "INTERMEDIARIO");
    expect(stranger).toEqual({ prisma: [], sql: [] });
    // The delegations are an EXISTS on the position, not a list of ids sent with the statement.
    expect(whereSql("p", positionTable, actablePositionsWhere(contributorActor(delegate, "INTERMEDIARIO"), now)).text).toMatch(
      /^EXISTS \(SELECT 1 FROM "DelegationScope"/,
    );
  });
});
