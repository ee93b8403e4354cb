import "server-only";
import type { Gestione } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import type { OperatorActor } from "@/server/identity/actor";
import type { SubjectFilterGroup } from "@/server/requests/list-request-subjects";
import type { QueueFilters } from "./schemas";

export type QueueFilterChoices = {
  gestioni: { value: Gestione; label: string }[];
  /** Per gestione and area, the area and (of one gestione) its subjects. */
  subjectGroups: SubjectFilterGroup[];
};

/**
 * The queue's "Altri filtri" choices, read only when the page shows them
 * (decision 0048): every area, and the single subjects of one gestione only,
 * the chosen one (else that of the chosen subject). Every subject of every
 * gestione would weigh on each view of the queue; without JavaScript the
 * operator picks the gestione, applies, then the subject. Reference data, the
 * same for every office: the operator is the one the page signed in.
 */
export async function listQueueFilterChoices(
  _operator: OperatorActor,
  filters: Pick<QueueFilters, "gestione" | "oggetto">,
): Promise<QueueFilterChoices> {
  const [labels, detailed] = await Promise.all([
    getGestioneLabels(),
    filters.gestione ??
      (filters.oggetto
        ? prisma.subject.findUnique({ where: { id: filters.oggetto }, select: { gestione: true } }).then((subject) => subject?.gestione)
        : undefined),
  ]);
  const [areas, subjects] = await Promise.all([
    prisma.subject.findMany({
      where: { parentId: null, ...(filters.gestione ? { gestione: filters.gestione } : {}) },
      orderBy: [{ gestione: "asc" }, { sortOrder: "asc" }, { label: "asc" }],
      select: { id: true, gestione: true, label: true },
    }),
    detailed
      ? prisma.subject.findMany({
          where: { gestione: detailed, parentId: { not: null } },
          orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
          select: { id: true, label: true, parentId: true },
        })
      : [],
  ]);
  // The areas of the detailed gestione are groups of their own, with their subjects; the others are options of
  // their gestione's group (a group for each would double what the select weighs; decision 0040).
  const subjectGroups: SubjectFilterGroup[] = [];
  for (const area of areas) {
    const gestioneLabel = labels.get(area.gestione) ?? area.gestione;
    const whole = { value: area.id, label: `${area.label}: tutti gli oggetti` };
    const last = subjectGroups.at(-1);
    if (area.gestione === detailed) {
      const children = subjects.filter((subject) => subject.parentId === area.id);
      subjectGroups.push({
        label: `${gestioneLabel} – ${area.label}`,
        options: [whole, ...children.map((subject) => ({ value: subject.id, label: subject.label }))],
      });
    } else if (last?.label === gestioneLabel) last.options.push(whole);
    else subjectGroups.push({ label: gestioneLabel, options: [whole] });
  }
  return {
    gestioni: [...labels].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, "it")),
    subjectGroups,
  };
}
