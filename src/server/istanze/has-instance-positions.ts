import "server-only";
import type { Gestione } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import type { ContributorActor } from "@/server/identity/actor";
import { actablePositionsWhere } from "@/server/access/position-access";
import { INSTANCE_GESTIONE } from "./kinds";

/**
 * Whether the Cassetto's menu offers "Istanze online": the actor may act now
 * on a Gestione Separata committenti position. A holder acts on their own
 * positions only (actablePositionsWhere): given the gestioni they hold
 * (`heldGestioni`, read with their session on every page), no statement.
 */
export async function hasInstancePositions(
  actor: ContributorActor,
  now = new Date(),
  heldGestioni?: readonly Gestione[],
): Promise<boolean> {
  if (actor.profile === "TITOLARE" && heldGestioni) return heldGestioni.includes(INSTANCE_GESTIONE);
  const position = await prisma.position.findFirst({
    where: { AND: [{ gestione: INSTANCE_GESTIONE }, actablePositionsWhere(actor, now)] },
    select: { id: true },
  });
  return position !== null;
}
