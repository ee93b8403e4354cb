import "server-only";
import { cache } from "react";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db/client";

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

/**
 * An operator's row with the session their cookie names, if it was not
 * ended: on every Fascicolo request the session check (active, idle, expiry,
 * codice fiscale for the log) and the actor read the same statement, once per
 * request (React's `cache`; decisions 0031, 0049).
 */
export const readOperatorWithSession = cache((operatorId: string, sessionId: string) =>
  prisma.operator.findUnique({
    where: { id: operatorId },
    relationLoadStrategy: "join",
    select: {
      ...operatorRecordSelect,
      sessions: { where: { id: sessionId, realm: "FASCICOLO", endedAt: null }, select: { lastSeenAt: true, expiresAt: true } },
    },
  }),
);
