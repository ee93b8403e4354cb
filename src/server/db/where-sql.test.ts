import { describe, expect, it } from "vitest";
import { whereSql, type TableSql } from "./where-sql";

const table: TableSql = {
  table: "Quesito",
  columns: { id: "uuid", smartTask: "boolean", assigneeId: "uuid", receivedAt: null },
  relations: { request: { foreignKey: "requestId", target: () => ({ table: "Request", columns: { protocolNumber: null } }) } },
};

describe("whereSql", () => {
  it("writes every condition given, a boolean's too, and leaves out an undefined one as Prisma does", () => {
    const sql = whereSql("q", table, { smartTask: false, assigneeId: null, receivedAt: undefined, request: { protocolNumber: "X" } });
    expect(sql.text).toBe(
      'q."smartTask" = $1::boolean AND q."assigneeId" IS NULL AND q."requestId" IN (SELECT t1.id FROM "Request" t1 WHERE t1."protocolNumber" = $2)',
    );
    expect(sql.values).toEqual([false, "X"]);
  });

  it("writes `some` and `none` of a to-many relation as EXISTS and NOT EXISTS on its foreign key, nested to any depth", () => {
    const delegation: TableSql = { table: "Delegation", columns: { delegateId: "uuid", validTo: null } };
    const position: TableSql = {
      table: "Position",
      columns: { holderId: "uuid" },
      collections: {
        delegations: {
          foreignKey: "positionId",
          target: () => ({
            table: "DelegationScope",
            columns: {},
            relations: { delegation: { foreignKey: "delegationId", target: () => delegation } },
          }),
        },
      },
    };
    const sql = whereSql("p", position, { delegations: { some: { delegation: { delegateId: "d", OR: [{ validTo: null }] } } } });
    expect(sql.text).toBe(
      'EXISTS (SELECT 1 FROM "DelegationScope" t1 WHERE t1."positionId" = p.id AND t1."delegationId" IN (SELECT t2.id FROM "Delegation" t2 WHERE t2."delegateId" = $1::uuid AND (t2."validTo" IS NULL)))',
    );
    expect(sql.values).toEqual(["d"]);
    expect(whereSql("p", position, { delegations: { none: { delegation: { delegateId: "d" } } } }).text).toMatch(
      /^NOT EXISTS \(SELECT 1 FROM "DelegationScope" t1 WHERE t1."positionId" = p.id AND /,
    );
    expect(() => whereSql("p", position, { delegations: { every: {} } })).toThrow("Filtro senza SQL: Position.delegations");
  });

  it("refuses a column or an operator it cannot write, rather than dropping the filter", () => {
    expect(() => whereSql("q", table, { officeId: "x" })).toThrow("Filtro senza SQL: Quesito.officeId");
    expect(() => whereSql("q", table, { id: { notIn: ["x"] } })).toThrow("Filtro senza SQL: Quesito.id.notIn");
  });
});
