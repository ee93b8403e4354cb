import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { SessionRealm } from "@/generated/prisma/enums";
import type { Realm } from "./realms";

/** Shared by the session services: how a realm and its subject appear in AuthSession. */
export const sessionRealm: Record<Realm, SessionRealm> = { cassetto: "CASSETTO", fascicolo: "FASCICOLO" };

/** How a session belongs to its subject; the page's session reads write it in SQL too (operator-record.ts, resolve-contributor.ts; decision 0055). */
export function sessionSubjectWhere(realm: Realm, subjectId: string): Prisma.AuthSessionWhereInput {
  return realm === "cassetto" ? { realm: "CASSETTO", personId: subjectId } : { realm: "FASCICOLO", operatorId: subjectId };
}

/** The codice fiscale of a session's subject, for the security log. */
export const sessionSubjectSelect = {
  person: { select: { codiceFiscale: true } },
  operator: { select: { codiceFiscale: true, active: true } },
} satisfies Prisma.AuthSessionSelect;
