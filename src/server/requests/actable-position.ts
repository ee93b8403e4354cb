import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { ContributorActor } from "@/server/identity/actor";
import { actablePositionsWhere } from "@/server/positions/policy";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const POSITION_NOT_FOUND = "La posizione indicata non esiste o non è tra quelle per cui puoi operare.";

/** Whether a value can be an id at all; anything else is simply not found. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * A position the actor may act on now, with what a request on it needs: its
 * office and its gestione's limits and contact rules. Anything else is not
 * found, whether it exists or not.
 */
export async function findActablePosition(
  actor: ContributorActor,
  positionId: string,
  now: Date,
  db: Prisma.TransactionClient = prisma,
) {
  if (!isUuid(positionId)) throw new NotFoundError(POSITION_NOT_FOUND);
  const position = await db.position.findFirst({
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
  const settings = await db.gestioneSettings.findUnique({ where: { gestione: position.gestione } });
  if (!settings) throw new Error(`Mancano i limiti della gestione ${position.gestione}`);
  return { ...position, settings };
}

export type ActablePosition = Awaited<ReturnType<typeof findActablePosition>>;
