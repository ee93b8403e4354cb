import "server-only";
import type { Gestione, OperatorRole } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import type { OperatorActor } from "@/server/identity/actor";
import { assertAdmin } from "./policy";

export type AdminOverview = {
  /** Active second-level subjects (what a form offers) per gestione. */
  subjectsByGestione: { gestione: Gestione; label: string; active: number }[];
  offices: number;
  activeOperatorsByRole: Record<OperatorRole, number>;
};

/**
 * The administration's home: what there is to administer, in figures. The
 * reference tables are small (tens of offices, hundreds of subjects and
 * operators), so these are plain counts.
 */
export async function getAdminOverview(actor: OperatorActor): Promise<AdminOverview> {
  assertAdmin(actor);
  const [settings, subjects, offices, operators] = await Promise.all([
    prisma.gestioneSettings.findMany({ select: { gestione: true, label: true }, orderBy: { gestione: "asc" } }),
    prisma.subject.groupBy({ by: ["gestione"], where: { active: true, parentId: { not: null } }, _count: { _all: true } }),
    prisma.office.count(),
    prisma.operator.groupBy({ by: ["role"], where: { active: true }, _count: { _all: true } }),
  ]);
  const activeSubjects = new Map(subjects.map((row) => [row.gestione, row._count._all]));
  const byRole = new Map(operators.map((row) => [row.role, row._count._all]));
  return {
    subjectsByGestione: settings.map((row) => ({ ...row, active: activeSubjects.get(row.gestione) ?? 0 })),
    offices,
    activeOperatorsByRole: {
      OPERATORE: byRole.get("OPERATORE") ?? 0,
      RESPONSABILE: byRole.get("RESPONSABILE") ?? 0,
      ADMIN: byRole.get("ADMIN") ?? 0,
    },
  };
}
