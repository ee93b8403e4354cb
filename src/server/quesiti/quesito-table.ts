import type { TableSql } from "@/server/db/where-sql";

/**
 * The queue's filters (queueWhere, dueWhere), its states, keyset bounds
 * (beyondKeyset) and the whole-protocol search, as SQL on a quesito: the
 * browsed and the searched statements translate the same Prisma conditions
 * (decision 0041).
 */
export const quesitoTable: TableSql = {
  table: "Quesito",
  columns: {
    id: "uuid",
    officeId: "uuid",
    state: '"QuesitoState"',
    gestione: '"Gestione"',
    subjectId: "uuid",
    assigneeId: "uuid",
    smartTask: "boolean",
    receivedAt: null,
    dueAt: null,
  },
  relations: { request: { foreignKey: "requestId", target: () => ({ table: "Request", columns: { protocolNumber: null } }) } },
};
