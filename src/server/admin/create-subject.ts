import "server-only";
import { recordAdminChange } from "@/server/audit/record-admin-change";
import { prisma } from "@/server/db/client";
import { ValidationError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { assertAdmin } from "./policy";
import { createSubjectSchema, gestioneSchema } from "./subject-schemas";
import { DUPLICATE_CODE, lockSubjectTree, placementErrors, recordedSubjectSelect, subjectsPage, subjectValues } from "./subject-tree";

/**
 * Adds a subject to a gestione's tree: an area (no parent) or a subject
 * under an area, with its routing and time to answer; new forms offer it at
 * once. Recorded in the audit log in the same transaction.
 */
export async function createSubject(actor: OperatorActor, rawGestione: unknown, input: unknown): Promise<{ id: string; code: string }> {
  assertAdmin(actor);
  const gestione = parseInput(gestioneSchema, rawGestione);
  const data = parseInput(createSubjectSchema, input);
  return prisma.$transaction(async (tx) => {
    await lockSubjectTree(tx, gestione);
    const errors = await placementErrors(tx, gestione, { id: null, parentId: data.parentId, routeToOfficeId: data.routeToOfficeId });
    if (await tx.subject.findUnique({ where: { gestione_code: { gestione, code: data.code } }, select: { id: true } })) {
      errors.code = [DUPLICATE_CODE];
    }
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    const created = await tx.subject.create({ data: { gestione, ...data }, select: recordedSubjectSelect });
    await recordAdminChange(
      actor,
      {
        action: "AMMINISTRAZIONE_CREAZIONE",
        targetType: "ARGOMENTO",
        targetId: created.id,
        before: null,
        after: subjectValues(created),
        page: subjectsPage(gestione),
      },
      tx,
    );
    return { id: created.id, code: created.code };
  });
}
