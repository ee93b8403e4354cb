import "server-only";
import type { Gestione } from "@/generated/prisma/enums";
import { fullName } from "@/lib/full-name";
import { prisma } from "@/server/db/client";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import type { ContributorActor } from "@/server/identity/actor";
import { actablePositionsWhere } from "@/server/access/position-access";

export type ActorPosition = {
  id: string;
  gestione: Gestione;
  gestioneLabel: string;
  matricola: string;
  denominazione: string;
  holder: { codiceFiscale: string; name: string };
  office: { code: string; name: string };
};

/** The positions the actor may act on now, ordered by gestione then matricola. */
export async function listActorPositions(actor: ContributorActor, now = new Date()): Promise<ActorPosition[]> {
  const [positions, labels] = await Promise.all([
    prisma.position.findMany({
      where: actablePositionsWhere(actor, now),
      orderBy: [{ gestione: "asc" }, { matricola: "asc" }],
      select: {
        id: true,
        gestione: true,
        matricola: true,
        denominazione: true,
        holder: { select: { codiceFiscale: true, givenName: true, familyName: true } },
        office: { select: { code: true, name: true } },
      },
    }),
    getGestioneLabels(),
  ]);
  return positions.map(({ holder, ...position }) => ({
    ...position,
    gestioneLabel: labels.get(position.gestione) ?? position.gestione,
    holder: { codiceFiscale: holder.codiceFiscale, name: fullName(holder) },
  }));
}
