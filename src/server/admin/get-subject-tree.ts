import "server-only";
import type { Gestione } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import type { OperatorActor } from "@/server/identity/actor";
import { assertAdmin } from "./policy";
import { gestioneSchema } from "./subject-schemas";

const subjectRowSelect = {
  id: true,
  code: true,
  label: true,
  sortOrder: true,
  active: true,
  maxResponseWorkingDays: true,
  version: true,
  routeToOffice: { select: { code: true, name: true } },
} as const;

export type SubjectTree = {
  gestione: Gestione;
  gestioneLabel: string;
  areas: (SubjectRow & { subjects: SubjectRow[] })[];
  /** Every office, for the routing choice (tens of rows). */
  offices: { id: string; code: string; name: string }[];
};

export type SubjectRow = {
  id: string;
  code: string;
  label: string;
  sortOrder: number;
  active: boolean;
  maxResponseWorkingDays: number | null;
  version: number;
  routeToOffice: { code: string; name: string } | null;
};

/**
 * A gestione's whole tree for its administrators, deactivated subjects
 * included, in the order forms show it; and the offices a subject may be
 * routed to. A tree is hundreds of rows at most, read in one query.
 */
export async function getSubjectTree(actor: OperatorActor, rawGestione: unknown): Promise<SubjectTree> {
  assertAdmin(actor);
  const parsed = gestioneSchema.safeParse(rawGestione);
  if (!parsed.success) throw new NotFoundError("Gestione inesistente.");
  const gestione = parsed.data;
  const order = [{ sortOrder: "asc" as const }, { label: "asc" as const }];
  const [labels, areas, offices] = await Promise.all([
    getGestioneLabels(),
    prisma.subject.findMany({
      where: { gestione, parentId: null },
      orderBy: order,
      select: { ...subjectRowSelect, children: { orderBy: order, select: subjectRowSelect } },
    }),
    prisma.office.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true } }),
  ]);
  return {
    gestione,
    gestioneLabel: labels.get(gestione) ?? gestione,
    areas: areas.map(({ children, ...area }) => ({ ...area, subjects: children })),
    offices,
  };
}
