import type { ActingProfile } from "@/generated/prisma/enums";
import { positionLabel } from "@/lib/position-label";
import { groupPositions } from "./group-positions";
import type { ActorPosition } from "./list-actor-positions";

export type PositionOptionGroup = { label: string; options: { value: string; label: string }[] };

/**
 * The positions as a picker offers them (Nuova richiesta, the list's filter):
 * grouped by gestione or by client, each named by gestione, matricola and
 * denominazione, its value the position's id — a matricola alone may be shared.
 */
export function positionOptions(profile: ActingProfile, positions: ActorPosition[]): PositionOptionGroup[] {
  return groupPositions(profile, positions).map((group) => ({
    label: group.subtitle ? `${group.title} (${group.subtitle})` : group.title,
    options: group.positions.map((position) => ({ value: position.id, label: positionLabel(position, { withDenominazione: true }) })),
  }));
}
