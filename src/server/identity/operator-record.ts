import "server-only";
import { cache } from "react";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db/client";
import { PREPARED_STATEMENT } from "@/server/db/create-client";
import { openSessionSql } from "./session-records";

/** What an operator's actor and the session check read of their row, office included (one statement, joined). */
const operatorRecordSelect = {
  id: true,
  codiceFiscale: true,
  givenName: true,
  familyName: true,
  role: true,
  active: true,
  office: { select: { id: true, code: true, name: true } },
} satisfies Prisma.OperatorSelect;

export type OperatorRecord = Prisma.OperatorGetPayload<{ select: typeof operatorRecordSelect }>;

/** An operator's row with their office. */
export function readOperatorRecord(operatorId: string): Promise<OperatorRecord | null> {
  return prisma.operator.findUnique({ where: { id: operatorId }, relationLoadStrategy: "join", select: operatorRecordSelect });
}

/** The session a cookie names, as the session check reads it: none once ended, or of another realm or subject. */
type OpenSession = { lastSeenAt: Date; expiresAt: Date };

type OperatorSessionRow = Omit<OperatorRecord, "office"> & {
  officeId: string;
  officeCode: string;
  officeName: string;
  lastSeenAt: Date | null;
  expiresAt: Date | null;
};

/**
 * An operator's row with the session their cookie names, if it was not
 * ended: on every Fascicolo request the session check (active, idle, expiry,
 * codice fiscale for the log) and the actor read the same statement, once per
 * request (React's `cache`; decisions 0031, 0049). Hand-written and prepared:
 * every page of the Fascicolo sends it, and Prisma's compiler cost more than
 * the read (decision 0055).
 */
export const readOperatorWithSession = cache(
  async (operatorId: string, sessionId: string): Promise<(OperatorRecord & { sessions: OpenSession[] }) | null> => {
    const rows = await prisma.$queryRaw<OperatorSessionRow[]>`${Prisma.raw(PREPARED_STATEMENT)}
SELECT operator.id, operator."codiceFiscale", operator."givenName", operator."familyName", operator.role::text AS role, operator.active,
  office.id AS "officeId", office.code AS "officeCode", office.name AS "officeName",
  session."lastSeenAt", session."expiresAt"
FROM "Operator" operator
JOIN "Office" office ON office.id = operator."officeId"
LEFT JOIN "AuthSession" session ON ${openSessionSql("session", "fascicolo", sessionId, operatorId)}
WHERE operator.id = ${operatorId}::uuid`;
    const row = rows[0];
    if (!row) return null;
    const { officeId, officeCode, officeName, lastSeenAt, expiresAt, ...operator } = row;
    return {
      ...operator,
      office: { id: officeId, code: officeCode, name: officeName },
      sessions: lastSeenAt && expiresAt ? [{ lastSeenAt, expiresAt }] : [],
    };
  },
);
