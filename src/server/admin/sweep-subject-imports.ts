import type { PrismaClient } from "@/generated/prisma/client";

/** How long an uploaded subject tree's preview is kept, confirmed or not. */
export const SUBJECT_IMPORT_KEPT_HOURS = 24;

/**
 * Removes the subject-tree previews uploaded more than SUBJECT_IMPORT_KEPT_HOURS
 * before `now` (decision 0047): one left unconfirmed can no longer be applied,
 * one applied has its every change in the audit log with the values before and
 * after. Takes the client: the worker's maintenance sweep runs it.
 */
export async function sweepSubjectImports(db: PrismaClient, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - SUBJECT_IMPORT_KEPT_HOURS * 3_600_000);
  const { count } = await db.subjectImport.deleteMany({ where: { createdAt: { lt: cutoff } } });
  return count;
}
