import "server-only";
import { isUuid } from "@/lib/form-fields";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { ContributorActor } from "@/server/identity/actor";
import { actablePositionsWhere } from "@/server/access/position-access";
import { settingsShownOnForm } from "./form-settings";

export const POSITION_NOT_FOUND = "La posizione indicata non esiste o non è tra quelle per cui puoi operare.";

/**
 * A position the actor may act on now, with what a request on it needs: its
 * office and its gestione's limits and contact rules — those of the
 * settings' version the form was opened on (`formVersion`, decision 0044).
 * Anything else is not found, whether it exists or not.
 */
export async function findActablePosition(actor: ContributorActor, positionId: string, now: Date, formVersion?: number) {
  if (!isUuid(positionId)) throw new NotFoundError(POSITION_NOT_FOUND);
  const position = await prisma.position.findFirst({
    where: { AND: [{ id: positionId }, actablePositionsWhere(actor, now)] },
    select: {
      id: true,
      gestione: true,
      matricola: true,
      denominazione: true,
      holderId: true,
      office: { select: { id: true, code: true, name: true } },
    },
  });
  if (!position) throw new NotFoundError(POSITION_NOT_FOUND);
  const current = await prisma.gestioneSettings.findUniqueOrThrow({ where: { gestione: position.gestione } });
  return { ...position, settings: await settingsShownOnForm(current, formVersion, now) };
}
