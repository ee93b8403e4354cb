import { describe, expect, it } from "vitest";
import { prisma as client } from "@/server/db/client";
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
});
