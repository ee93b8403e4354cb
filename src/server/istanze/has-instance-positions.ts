import "server-only";
import { prisma } from "@/server/db/client";
import type { ContributorActor } from "@/server/identity/actor";
import { actablePositionsWhere } from "@/server/access/position-access";
import { INSTANCE_GESTIONE } from "./kinds";

/**
 * Whether the Cassetto's menu offers "Istanze online": the actor may act now
 * on a Gestione Separata committenti position. A holder acts on their own
 * positions only (actablePositionsWhere): when the caller knows whether they
 * hold one (`holdsOne`, read with their session on every page), no statement.
 */
export async function hasInstancePositions(actor: ContributorActor, now = new Date(), holdsOne?: boolean): Promise<boolean> {
  if (actor.profile === "TITOLARE" && holdsOne !== undefined) return holdsOne;
  const position = await prisma.position.findFirst({
    where: { AND: [{ gestione: INSTANCE_GESTIONE }, actablePositionsWhere(actor, now)] },
    select: { id: true },
  });
  return position !== null;
}
