import "server-only";
import type { Gestione } from "@/generated/prisma/enums";
import type { UploadLimits } from "@/server/attachments/receive-upload";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { ContributorActor } from "@/server/identity/actor";
import { listActorPositions, type ActorPosition } from "@/server/positions/list-actor-positions";
import { POSITION_NOT_FOUND } from "./actable-position";
import { INSTANCE_AREA_CODES } from "./active-subject";
import { NO_CONTACTS, positionFormContext, type ContactPrefill } from "./position-form-context";
import type { ContactRules } from "./schemas";

export type SubjectArea = { id: string; label: string; subjects: { id: string; label: string }[] };

export type NewRequestForm = {
  /** The positions the actor may act on now (step 1). */
  positions: ActorPosition[];
  /** The chosen position with what step 2 needs; null until one is chosen. */
  selected: {
    position: ActorPosition;
    rules: ContactRules;
    limits: UploadLimits;
    /** The settings' version these limits and rules are: the form carries it to "Invia" (decision 0044). */
    settingsVersion: number;
    /** The gestione's active areas with their active subjects, in order, but for the Istanze online. */
    areas: SubjectArea[];
    /** The label of the gestione's Istanze online area left out (its forms are elsewhere), or null. */
    instanceArea: string | null;
  } | null;
  /** The actor's Contatti for the chosen position's gestione (F11), to prefill the form; empty until one is chosen. */
  contacts: ContactPrefill;
};

/** The areas a free-text request may choose from, and the label of the Istanze online area left out (decision 0038). */
async function subjectTree(gestione: Gestione): Promise<{ areas: SubjectArea[]; instanceArea: string | null }> {
  const areas = await prisma.subject.findMany({
    where: { gestione, parentId: null, active: true },
    orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
    select: {
      id: true,
      code: true,
      label: true,
      children: {
        where: { active: true },
        orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
        select: { id: true, label: true },
      },
    },
  });
  const offered = areas.filter((area) => area.children.length > 0);
  const instanceArea = offered.find((area) => area.code === INSTANCE_AREA_CODES[gestione]);
  return {
    areas: offered.filter((area) => area !== instanceArea).map((area) => ({ id: area.id, label: area.label, subjects: area.children })),
    instanceArea: instanceArea?.label ?? null,
  };
}

/**
 * What the "Nuova richiesta" form needs. With `positionId` (or when the actor
 * has a single position) the form's second step: that position's subjects,
 * limits and contact rules. A position the actor may not act on now is not found.
 */
export async function getNewRequestForm(
  actor: ContributorActor,
  { positionId }: { positionId?: string },
  now = new Date(),
): Promise<NewRequestForm> {
  const positions = await listActorPositions(actor, now);
  const chosenId = positionId ?? (positions.length === 1 ? positions[0]?.id : undefined);
  if (!chosenId) return { positions, selected: null, contacts: NO_CONTACTS };

  const position = positions.find((candidate) => candidate.id === chosenId);
  if (!position) throw new NotFoundError(POSITION_NOT_FOUND);
  const [context, tree] = await Promise.all([positionFormContext(actor, position), subjectTree(position.gestione)]);
  return {
    positions,
    selected: { position, rules: context.rules, limits: context.limits, settingsVersion: context.settingsVersion, ...tree },
    contacts: context.contacts,
  };
}
