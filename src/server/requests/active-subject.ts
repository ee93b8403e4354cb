import "server-only";
import type { Gestione } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";

export const SUBJECT_NOT_IN_GESTIONE = "L'oggetto scelto non appartiene alla gestione della posizione.";
export const SUBJECT_ONLY_AS_INSTANCE =
  "Per questo oggetto non si invia una richiesta libera: usa il modulo dedicato in «Istanze online» (Cassetto, Istanze online).";

/**
 * The area, per gestione, whose subjects are filed only through their
 * structured forms (the Istanze online of the committenti, decision 0038):
 * Nuova richiesta neither offers nor accepts them.
 */
export const INSTANCE_AREA_CODES: Partial<Record<Gestione, string>> = { GS_COMMITTENTI: "GSC-ISTA" };

/**
 * A second-level, active subject (under an active area) of the gestione, by
 * id or by code, with its routing and own time to answer (B4).
 */
export function findActiveSubject(gestione: Gestione, subject: { id: string } | { code: string }) {
  return prisma.subject.findFirst({
    where: { ...subject, gestione, active: true, parentId: { not: null }, parent: { active: true } },
    select: {
      id: true,
      maxResponseWorkingDays: true,
      routeToOffice: { select: { id: true, code: true, name: true } },
      parent: { select: { code: true } },
    },
  });
}

export type ActiveSubject = NonNullable<Awaited<ReturnType<typeof findActiveSubject>>>;
