import { describe, expect, it } from "vitest";
import { databaseSettings } from "@/server/config";
import { prisma as client } from "@/server/db/client";
import { createPrismaClient } from "@/server/db/create-client";
import { createOffice, createOperator } from "../../support/fixtures";
import { statementsOf } from "../../support/statement-log";

describe("relation loads with the relationJoins preview on", () => {
  it("stay one statement per relation unless a read asks to join them, with the same result", async () => {
    const office = await createOffice();
    const operator = await createOperator(office.id);
    const select = { id: true, office: { select: { name: true, operators: { select: { id: true } } } } } as const;

    const apart = await statementsOf(() => client.operator.findUnique({ where: { id: operator.id }, select }));
    const inTransaction = await statementsOf(() =>
      client.$transaction((tx) => tx.operator.findUnique({ where: { id: operator.id }, select })),
    );
    const joined = await statementsOf(() =>
      client.operator.findUnique({ where: { id: operator.id }, select, relationLoadStrategy: "join" }),
    );

    expect(apart.statements).toHaveLength(3);
    expect(inTransaction.statements).toHaveLength(3);
    expect(joined.statements).toHaveLength(1);
    expect(joined.statements[0]).toMatch(/LEFT JOIN LATERAL/);
    expect(joined.result).toEqual(apart.result);
    expect(apart.result).toEqual({ id: operator.id, office: { name: office.name, operators: [{ id: operator.id }] } });
    // A read without arguments at all goes through the same default.
    expect((await client.office.findMany()).some((row) => row.id === office.id)).toBe(true);
  });

  it("prepare the joined reads on their connection, and only them, with the same result at every run", async () => {
    const office = await createOffice();
    const operator = await createOperator(office.id);
    const select = { id: true, office: { select: { name: true, operators: { select: { id: true } } } } } as const;
    // One connection: the prepared statements it holds are the ones this client sent.
    const oneConnection = createPrismaClient(process.env.DATABASE_URL!, { ...databaseSettings(), DATABASE_POOL_SIZE: 1 });
    try {
      const joined = () => oneConnection.operator.findUnique({ where: { id: operator.id }, select, relationLoadStrategy: "join" });
      const first = await joined();
      // Past PostgreSQL's first five runs, planned with the values, to its generic plan.
      for (let run = 0; run < 6; run++) expect(await joined()).toEqual(first);
      expect(await oneConnection.operator.findUnique({ where: { id: operator.id }, select })).toEqual(first);

      const prepared = await oneConnection.$queryRaw<{ name: string; statement: string }[]>`
        SELECT name, statement FROM pg_prepared_statements`;
      expect(prepared).toHaveLength(1);
      expect(prepared[0]!.name).toMatch(/^cb_[\w-]{27}$/);
      expect(prepared[0]!.statement).toMatch(/LEFT JOIN LATERAL/);
      expect(first).toEqual({ id: operator.id, office: { name: office.name, operators: [{ id: operator.id }] } });
    } finally {
      await oneConnection.$disconnect();
    }
  });
});
