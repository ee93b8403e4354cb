import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { SessionRealm } from "@/generated/prisma/enums";
import { whereSql, type TableSql } from "@/server/db/where-sql";
import type { Realm } from "./realms";

/** Shared by the session services: how a realm and its subject appear in AuthSession. */
export const sessionRealm: Record<Realm, SessionRealm> = { cassetto: "CASSETTO", fascicolo: "FASCICOLO" };

/** How a session belongs to its subject. */
export function sessionSubjectWhere(realm: Realm, subjectId: string): Prisma.AuthSessionWhereInput {
  return realm === "cassetto" ? { realm: "CASSETTO", personId: subjectId } : { realm: "FASCICOLO", operatorId: subjectId };
}

/** The session a cookie names, while it is open: of its realm and subject, not ended. */
export function openSessionWhere(realm: Realm, sessionId: string, subjectId: string): Prisma.AuthSessionWhereInput {
  return { id: sessionId, ...sessionSubjectWhere(realm, subjectId), endedAt: null };
}

const authSessionTable: TableSql = {
  table: "AuthSession",
  columns: { id: "uuid", realm: '"SessionRealm"', personId: "uuid", operatorId: "uuid", endedAt: null },
};

/** openSessionWhere as SQL on `alias`, for the page's hand-written session reads (whereSql; decision 0055). */
export function openSessionSql(alias: string, realm: Realm, sessionId: string, subjectId: string): Prisma.Sql {
  return whereSql(alias, authSessionTable, openSessionWhere(realm, sessionId, subjectId));
}

/** The codice fiscale of a session's subject, for the security log. */
export const sessionSubjectSelect = {
  person: { select: { codiceFiscale: true } },
  operator: { select: { codiceFiscale: true, active: true } },
} satisfies Prisma.AuthSessionSelect;
