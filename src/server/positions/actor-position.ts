import type { Prisma } from "@/generated/prisma/client";
import type { Gestione } from "@/generated/prisma/enums";
import { fullName } from "@/lib/full-name";

/** A position as the Cassetto shows it: named by gestione and matricola, with its holder and competent office. */
export type ActorPosition = {
  id: string;
  gestione: Gestione;
  gestioneLabel: string;
  matricola: string;
  denominazione: string;
  holder: { codiceFiscale: string; name: string };
  office: { code: string; name: string };
};

/** The columns actorPosition reads. */
export const actorPositionSelect = {
  id: true,
  gestione: true,
  matricola: true,
  denominazione: true,
  holder: { select: { codiceFiscale: true, givenName: true, familyName: true } },
  office: { select: { code: true, name: true } },
} as const satisfies Prisma.PositionSelect;

type PositionRow = Prisma.PositionGetPayload<{ select: typeof actorPositionSelect }>;

export function actorPosition({ holder, ...position }: PositionRow, gestioneLabels: Map<Gestione, string>): ActorPosition {
  return {
    ...position,
    gestioneLabel: gestioneLabels.get(position.gestione) ?? position.gestione,
    holder: { codiceFiscale: holder.codiceFiscale, name: fullName(holder) },
  };
}
