import "server-only";
import { prisma } from "@/server/db/client";
import type { ContributorActor } from "@/server/identity/actor";
import { actablePositionsWhere } from "@/server/access/position-access";
import { INSTANCE_GESTIONE } from "./kinds";

/** Whether the Cassetto's menu offers "Istanze online": the actor may act now on a Gestione Separata committenti position. */
export async function hasInstancePositions(actor: ContributorActor, now = new Date()): Promise<boolean> {
  const position = await prisma.position.findFirst({
    where: { AND: [{ gestione: INSTANCE_GESTIONE }, actablePositionsWhere(actor, now)] },
    select: { id: true },
  });
  return position !== null;
}
