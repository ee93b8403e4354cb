import type { TableSql } from "@/server/db/where-sql";
import { positionTable } from "@/server/access/access-tables";

const personTable: TableSql = { table: "Person", columns: { codiceFiscale: null, givenName: null, familyName: null } };
const subjectTable: TableSql = { table: "Subject", columns: { id: "uuid", parentId: "uuid" } };
const communicationReadTable: TableSql = { table: "CommunicationRead", columns: { personId: "uuid" } };

/**
 * The request list's filters and keyset bounds (list-requests.ts), the
 * access rule (requestAccessWhere) and the unread communications
 * (unreadCommunicationsWhere), as SQL on a request: the searched statements
 * (decision 0041) and the hand-written reads (decision 0057) translate the
 * same Prisma conditions.
 */
export const requestTable: TableSql = {
  table: "Request",
  columns: {
    id: "uuid",
    positionId: "uuid",
    direction: '"RequestDirection"',
    quesitoState: '"QuesitoState"',
    createdAt: null,
    lastActivityAt: null,
    protocolNumber: null,
  },
  relations: {
    position: { foreignKey: "positionId", target: () => positionTable },
    holder: { foreignKey: "holderId", target: () => personTable },
    subject: { foreignKey: "subjectId", target: () => subjectTable },
  },
  collections: { reads: { foreignKey: "requestId", target: () => communicationReadTable } },
};
