import type { TableSql } from "@/server/db/where-sql";

/**
 * The tables the access rules (actablePositionsWhere, requestAccessWhere)
 * filter on, so that whereSql can write those same Prisma conditions into a
 * hand-written statement: the rules keep one definition (decision 0057).
 */
const delegationTable: TableSql = {
  table: "Delegation",
  columns: { delegateId: "uuid", kind: '"DelegationKind"', status: '"DelegationStatus"', validFrom: null, validTo: null },
};

const delegationScopeTable: TableSql = {
  table: "DelegationScope",
  columns: {},
  relations: { delegation: { foreignKey: "delegationId", target: () => delegationTable } },
};

/** A position: its holder, the delegations that cover it, and the matricola the request list filters on. */
export const positionTable: TableSql = {
  table: "Position",
  columns: { holderId: "uuid", matricola: null },
  collections: { delegations: { foreignKey: "positionId", target: () => delegationScopeTable } },
};
