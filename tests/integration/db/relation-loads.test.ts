import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { withRelationsLoadedApart } from "@/server/db/create-client";
import { createOffice, createOperator } from "../../support/fixtures";

const sent: string[] = [];
const base = new PrismaClient({
  adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
  log: [{ emit: "event", level: "query" }],
});
base.$on("query", (event) => sent.push(event.query));
const client = withRelationsLoadedApart(base);

afterAll(() => client.$disconnect());

/** The statements a read sends, and what it returns. */
async function statementsOf<T>(read: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  sent.length = 0;
  const result = await read();
  return { result, statements: sent.filter((sql) => !/^(BEGIN|COMMIT)/.test(sql)) };
}

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
});
