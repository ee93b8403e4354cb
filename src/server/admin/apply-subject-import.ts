import "server-only";
import { recordAdminChange } from "@/server/audit/record-admin-change";
import { prisma } from "@/server/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { getSubjectImport, IMPORT_NOT_FOUND } from "./get-subject-import";
import { assertAdmin } from "./policy";
import type { SubjectImportRow } from "./subject-schemas";
import { confirmImportSchema } from "./subject-schemas";
import { lockSubjectTree, subjectsPage } from "./subject-tree";

export const IMPORT_CHANGED =
  "L'albero è cambiato dopo l'anteprima (un'altra modifica o importazione): rivedi le modifiche aggiornate e conferma di nuovo.";
export const IMPORT_INVALID =
  "Il file contiene errori: nessuna modifica è stata applicata. Correggere le righe indicate e caricarlo di nuovo.";

function subjectData(row: SubjectImportRow, parentId: string | null, officeId: Map<string, string>) {
  return {
    label: row.label,
    parentId,
    sortOrder: row.sortOrder,
    active: row.active,
    routeToOfficeId: row.officeCode ? (officeId.get(row.officeCode) ?? null) : null,
    maxResponseWorkingDays: row.maxResponseWorkingDays,
  };
}

/**
 * Applies a previewed import, exactly as previewed: the confirmation carries
 * the plan's hash, computed again here with the gestione's subjects locked; a
 * tree changed since the preview is refused (ConflictError), and so is a file
 * with problems. Areas first, then their subjects, then the subjects the file
 * leaves out are deactivated; one audit entry per subject changed, in the
 * same transaction (decision 0043).
 */
export async function applySubjectImport(
  actor: OperatorActor,
  importId: string,
  input: unknown,
  now = new Date(),
): Promise<{ changed: number }> {
  assertAdmin(actor);
  const { planHash } = parseInput(confirmImportSchema, input);
  return prisma.$transaction(async (tx) => {
    const pending = await tx.subjectImport.findFirst({ where: { id: importId, operatorId: actor.operatorId, appliedAt: null } });
    if (!pending) throw new NotFoundError(IMPORT_NOT_FOUND);
    await lockSubjectTree(tx, pending.gestione);
    await tx.$queryRaw`SELECT id FROM "Subject" WHERE gestione = ${pending.gestione}::"Gestione" FOR UPDATE`;
    const preview = await getSubjectImport(actor, importId, tx);
    if (preview.problems.length > 0) throw new ValidationError({}, IMPORT_INVALID);
    if (preview.planHash !== planHash) throw new ConflictError(IMPORT_CHANGED);

    const changedCodes = new Set(preview.changes.map((change) => change.code));
    const [existing, offices] = await Promise.all([
      tx.subject.findMany({ where: { gestione: pending.gestione }, select: { id: true, code: true } }),
      tx.office.findMany({ select: { id: true, code: true } }),
    ]);
    const idOf = new Map(existing.map((subject) => [subject.code, subject.id]));
    const officeId = new Map(offices.map((office) => [office.code, office.id]));
    const rows = preview.rows.map(({ data }) => data);
    for (const row of [...rows.filter((row) => !row.parentCode), ...rows.filter((row) => row.parentCode)]) {
      if (!changedCodes.has(row.code)) continue;
      const data = subjectData(row, row.parentCode ? (idOf.get(row.parentCode) ?? null) : null, officeId);
      const id = idOf.get(row.code);
      if (id) await tx.subject.update({ where: { id }, data: { ...data, version: { increment: 1 } }, select: { id: true } });
      else
        idOf.set(
          row.code,
          (await tx.subject.create({ data: { gestione: pending.gestione, code: row.code, ...data }, select: { id: true } })).id,
        );
    }
    const listed = new Set(rows.map((row) => row.code));
    const leftOut = preview.changes.filter((change) => !listed.has(change.code)).map((change) => change.code);
    await tx.subject.updateMany({
      where: { gestione: pending.gestione, code: { in: leftOut } },
      data: { active: false, version: { increment: 1 } },
    });

    for (const change of preview.changes) {
      await recordAdminChange(
        actor,
        {
          action: "AMMINISTRAZIONE_IMPORTAZIONE",
          targetType: "ARGOMENTO",
          targetId: idOf.get(change.code) ?? change.code,
          before: change.before,
          after: change.after,
          page: `${subjectsPage(pending.gestione)}/importazione/${importId}`,
        },
        tx,
      );
    }
    await tx.subjectImport.update({ where: { id: importId }, data: { appliedAt: now }, select: { id: true } });
    return { changed: preview.changes.length };
  });
}
