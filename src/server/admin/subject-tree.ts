import type { Prisma } from "@/generated/prisma/client";
import type { Gestione } from "@/generated/prisma/enums";
import type { FieldErrors } from "@/server/errors/domain-errors";

/** What the subject services share: the values an audit entry records, and where a subject may sit in its tree. */

/** The administrators' pages of a gestione's tree: the page an audit entry names. */
export const subjectsPage = (gestione: Gestione) => `/admin/argomenti/${gestione}`;

export const STALE_SUBJECT =
  "L'oggetto è stato modificato da un altro amministratore mentre lo guardavi: ricarica la pagina e ripeti la modifica.";
export const DUPLICATE_CODE = "Esiste già un oggetto con questo codice nella gestione.";

export const recordedSubjectSelect = {
  id: true,
  gestione: true,
  code: true,
  label: true,
  parentId: true,
  sortOrder: true,
  active: true,
  routeToOfficeId: true,
  maxResponseWorkingDays: true,
  version: true,
  parent: { select: { code: true } },
  routeToOffice: { select: { code: true } },
} satisfies Prisma.SubjectSelect;

type RecordedSubject = Prisma.SubjectGetPayload<{ select: typeof recordedSubjectSelect }>;

/** A subject as the audit log records it: codes rather than ids, so the entry reads on its own. */
export type SubjectValues = {
  code: string;
  label: string;
  parentCode: string | null;
  sortOrder: number;
  active: boolean;
  officeCode: string | null;
  maxResponseWorkingDays: number | null;
};

export function subjectValues(subject: RecordedSubject): SubjectValues {
  return {
    code: subject.code,
    label: subject.label,
    parentCode: subject.parent?.code ?? null,
    sortOrder: subject.sortOrder,
    active: subject.active,
    officeCode: subject.routeToOffice?.code ?? null,
    maxResponseWorkingDays: subject.maxResponseWorkingDays,
  };
}

/** Only the values that differ, before and after; null when nothing changed. */
export function changedValues(
  before: SubjectValues,
  after: SubjectValues,
): { before: Partial<SubjectValues>; after: Partial<SubjectValues> } | null {
  const keys = (Object.keys(after) as (keyof SubjectValues)[]).filter((key) => before[key] !== after[key]);
  if (keys.length === 0) return null;
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key]])),
    after: Object.fromEntries(keys.map((key) => [key, after[key]])),
  };
}

/**
 * The field errors of placing a subject under `parentId` (null: an area) and
 * routing it to `officeId`: the parent is an area of the same gestione, and a
 * subject with subjects under it stays an area (the tree has two levels).
 */
export async function placementErrors(
  tx: Prisma.TransactionClient,
  gestione: Gestione,
  subject: { id: string | null; parentId: string | null; routeToOfficeId: string | null },
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (subject.parentId) {
    const parent = await tx.subject.findUnique({ where: { id: subject.parentId }, select: { gestione: true, parentId: true } });
    if (!parent || parent.gestione !== gestione || parent.parentId !== null || subject.parentId === subject.id) {
      errors.parentId = ["Scegliere un'area della stessa gestione."];
    } else if (subject.id && (await tx.subject.count({ where: { parentId: subject.id } })) > 0) {
      errors.parentId = ["Questo oggetto è un'area con oggetti sotto: non può stare sotto un'altra area."];
    }
  }
  if (subject.routeToOfficeId && (await tx.office.count({ where: { id: subject.routeToOfficeId } })) === 0) {
    errors.routeToOfficeId = ["Sede inesistente."];
  }
  return errors;
}

/**
 * Every subject of a gestione as the audit log records it, with its version:
 * areas first, then their subjects, each in the order forms show them.
 */
export async function currentSubjects(db: Prisma.TransactionClient, gestione: Gestione): Promise<(SubjectValues & { version: number })[]> {
  const subjects = await db.subject.findMany({
    where: { gestione },
    orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
    select: recordedSubjectSelect,
  });
  const areasFirst = [...subjects.filter((subject) => !subject.parentId), ...subjects.filter((subject) => subject.parentId)];
  return areasFirst.map((subject) => ({ ...subjectValues(subject), version: subject.version }));
}

/**
 * Serialises the writes that add subjects to a gestione's tree (the add form
 * and an import's confirmation) until the transaction ends: an import's plan
 * stays true while it is applied.
 */
export async function lockSubjectTree(tx: Prisma.TransactionClient, gestione: Gestione): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`subject-tree:${gestione}`}))`;
}
