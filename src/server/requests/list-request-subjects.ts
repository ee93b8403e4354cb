import "server-only";
import { prisma } from "@/server/db/client";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import type { ContributorActor } from "@/server/identity/actor";
import { actablePositionsWhere } from "@/server/access/position-access";

export type SubjectFilterGroup = { label: string; options: { value: string; label: string }[] };

/**
 * The subjects a request list can be filtered by: every subject (also the
 * retired ones, which old requests keep) of the gestioni of the positions the
 * actor may act on, grouped "Gestione › Area".
 */
export async function listRequestSubjects(actor: ContributorActor, now = new Date()): Promise<SubjectFilterGroup[]> {
  const [gestioni, labels] = await Promise.all([
    prisma.position.findMany({ where: actablePositionsWhere(actor, now), distinct: ["gestione"], select: { gestione: true } }),
    getGestioneLabels(),
  ]);
  const areas = await prisma.subject.findMany({
    where: { gestione: { in: gestioni.map((position) => position.gestione) }, parentId: null },
    orderBy: [{ gestione: "asc" }, { sortOrder: "asc" }, { label: "asc" }],
    select: {
      gestione: true,
      label: true,
      children: { orderBy: [{ sortOrder: "asc" }, { label: "asc" }], select: { id: true, label: true } },
    },
  });
  return areas
    .filter((area) => area.children.length > 0)
    .map((area) => ({
      label: `${labels.get(area.gestione) ?? area.gestione} › ${area.label}`,
      options: area.children.map((subject) => ({ value: subject.id, label: subject.label })),
    }));
}
