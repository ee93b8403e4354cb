import "server-only";
import type { Gestione } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { assertAdmin } from "./policy";
import { planSubjectImport, type ImportedRow, type ImportPlan } from "./subject-import";
import type { SubjectImportProblem } from "./subject-schemas";
import { currentSubjects } from "./subject-tree";

export const IMPORT_NOT_FOUND = "Importazione inesistente, già conclusa o scaduta: le anteprime restano disponibili 24 ore.";

export type SubjectImportPreview = ImportPlan & {
  id: string;
  gestione: Gestione;
  fileName: string;
  appliedAt: Date | null;
};

/**
 * An uploaded tree's preview, for the administrator who uploaded it only:
 * the file's problems, or what applying it would change in the tree as it
 * is now, with the plan's hash the confirmation must carry. `db` is the
 * confirmation's transaction when it applies the plan.
 */
export async function getSubjectImport(
  actor: OperatorActor,
  importId: string,
  db: Prisma.TransactionClient = prisma,
): Promise<SubjectImportPreview & { rows: ImportedRow[] }> {
  assertAdmin(actor);
  const stored = /^[0-9a-f-]{36}$/i.test(importId)
    ? await db.subjectImport.findFirst({ where: { id: importId, operatorId: actor.operatorId } })
    : null;
  if (!stored) throw new NotFoundError(IMPORT_NOT_FOUND);
  const rows = stored.rows as unknown as ImportedRow[];
  const fileProblems = stored.problems as unknown as SubjectImportProblem[];
  const plan = planSubjectImport(rows, await currentSubjects(db, stored.gestione));
  return {
    id: stored.id,
    gestione: stored.gestione,
    fileName: stored.fileName,
    appliedAt: stored.appliedAt,
    rows,
    ...plan,
    problems: [...fileProblems, ...plan.problems],
  };
}
