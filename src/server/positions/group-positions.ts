import type { ActingProfile } from "@/generated/prisma/enums";
import type { ActorPosition } from "./list-actor-positions";

export type PositionGroup = { key: string; title: string; subtitle?: string; positions: ActorPosition[] };

/**
 * The multi-gestione menu (F02): a holder sees their positions by gestione;
 * an intermediary or employee sees them by client (the positions' holder).
 */
export function groupPositions(profile: ActingProfile, positions: ActorPosition[]): PositionGroup[] {
  const groups = new Map<string, PositionGroup>();
  for (const position of positions) {
    const byClient = profile !== "TITOLARE";
    const key = byClient ? position.holder.codiceFiscale : position.gestione;
    const group = groups.get(key) ?? {
      key,
      title: byClient ? position.holder.name : position.gestioneLabel,
      ...(byClient ? { subtitle: `Codice fiscale ${position.holder.codiceFiscale}` } : {}),
      positions: [],
    };
    group.positions.push(position);
    groups.set(key, group);
  }
  return [...groups.values()];
}
