import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { SessionRealm } from "@/generated/prisma/enums";
import type { Realm } from "./realms";

/** Shared by the session services: how a realm and its subject appear in AuthSession. */
export const sessionRealm: Record<Realm, SessionRealm> = { cassetto: "CASSETTO", fascicolo: "FASCICOLO" };

export function sessionSubjectWhere(realm: Realm, subjectId: string): Prisma.AuthSessionWhereInput {
  return realm === "cassetto" ? { realm: "CASSETTO", personId: subjectId } : { realm: "FASCICOLO", operatorId: subjectId };
}

/** The codice fiscale of a session's subject, for the security log. */
export const sessionSubjectSelect = {
  person: { select: { codiceFiscale: true } },
  operator: { select: { codiceFiscale: true, active: true } },
} satisfies Prisma.AuthSessionSelect;
