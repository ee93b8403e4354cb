import "server-only";
import { isUuid } from "@/lib/form-fields";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import type { ContributorActor } from "@/server/identity/actor";
import { actablePositionsWhere } from "@/server/access/position-access";
import { notFoundFor } from "@/server/access/report-foreign-record";
import { actorPosition, actorPositionSelect, type ActorPosition } from "./actor-position";

export const POSITION_NOT_FOUND = "La posizione non esiste o non è tra quelle per cui puoi operare.";

/**
 * One position the actor may act on now (its page in the Cassetto). Someone
 * else's position, or a client's once the delegation has ended, is not found.
 */
export async function getActorPosition(actor: ContributorActor, positionId: string, now = new Date()): Promise<ActorPosition> {
  if (!isUuid(positionId)) throw new NotFoundError(POSITION_NOT_FOUND);
  const [position, labels] = await Promise.all([
    prisma.position.findFirst({ where: { AND: [{ id: positionId }, actablePositionsWhere(actor, now)] }, select: actorPositionSelect }),
    getGestioneLabels(),
  ]);
  if (!position) throw await notFoundFor(actor, "position", positionId, POSITION_NOT_FOUND);
  return actorPosition(position, labels);
}
