import "server-only";
import { recordAdminChange } from "@/server/audit/record-admin-change";
import { prisma } from "@/server/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { assertAdmin } from "./policy";
import { setSubjectActiveSchema, updateSubjectSchema } from "./subject-schemas";
import { changedValues, placementErrors, recordedSubjectSelect, STALE_SUBJECT, subjectsPage, subjectValues } from "./subject-tree";

export const SUBJECT_NOT_FOUND = "Oggetto inesistente.";

/**
 * Renames, reorders, moves (a subject under another area of its gestione),
 * routes to an office and sets the time to answer of a subject; or, with
 * `{ active, expectedVersion }`, deactivates or reactivates it (a subject is
 * never deleted: requests keep it, new forms stop offering it). The form
 * carries the version it showed: a subject changed meanwhile is refused
 * (ConflictError). The changed values go to the audit log in the same transaction.
 */
export async function updateSubject(
  actor: OperatorActor,
  subjectId: string,
  input: unknown,
): Promise<{ changed: boolean; active: boolean }> {
  assertAdmin(actor);
  const toggling = typeof input === "object" && input !== null && "active" in input;
  const fields = toggling ? parseInput(setSubjectActiveSchema, input) : parseInput(updateSubjectSchema, input);
  return prisma.$transaction(async (tx) => {
    const current = await tx.subject.findUnique({ where: { id: subjectId }, select: recordedSubjectSelect });
    if (!current) throw new NotFoundError(SUBJECT_NOT_FOUND);
    const { expectedVersion, ...data } = fields;
    if ("parentId" in data) {
      const errors = await placementErrors(tx, current.gestione, {
        id: current.id,
        parentId: data.parentId,
        routeToOfficeId: data.routeToOfficeId,
      });
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    }
    const written = await tx.subject.updateMany({
      where: { id: current.id, version: expectedVersion },
      data: { ...data, version: { increment: 1 } },
    });
    if (written.count === 0) throw new ConflictError(STALE_SUBJECT);
    const updated = await tx.subject.findUniqueOrThrow({ where: { id: current.id }, select: recordedSubjectSelect });
    const change = changedValues(subjectValues(current), subjectValues(updated));
    if (change) {
      const action =
        current.active === updated.active
          ? "AMMINISTRAZIONE_MODIFICA"
          : updated.active
            ? "AMMINISTRAZIONE_RIATTIVAZIONE"
            : "AMMINISTRAZIONE_DISATTIVAZIONE";
      await recordAdminChange(
        actor,
        { action, targetType: "ARGOMENTO", targetId: current.id, ...change, page: `${subjectsPage(current.gestione)}/${current.id}` },
        tx,
      );
    }
    return { changed: change !== null, active: updated.active };
  });
}
