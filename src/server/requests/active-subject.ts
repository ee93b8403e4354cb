import "server-only";
import type { Gestione } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";

export const SUBJECT_NOT_IN_GESTIONE = "L'oggetto scelto non appartiene alla gestione della posizione.";

/**
 * A second-level, active subject (under an active area) of the gestione, by
 * id or by code, with its routing and own time to answer (B4).
 */
export function findActiveSubject(gestione: Gestione, subject: { id: string } | { code: string }) {
  return prisma.subject.findFirst({
    where: { ...subject, gestione, active: true, parentId: { not: null }, parent: { active: true } },
    select: { id: true, maxResponseWorkingDays: true, routeToOffice: { select: { id: true, code: true, name: true } } },
  });
}

export type ActiveSubject = NonNullable<Awaited<ReturnType<typeof findActiveSubject>>>;
