import "server-only";
import type { ContributorActor } from "@/server/identity/actor";
import { listActorPositions, type ActorPosition } from "@/server/positions/list-actor-positions";
import { INSTANCE_GESTIONE } from "./kinds";

/** The Gestione Separata committenti positions the actor may act on now: those that file istanze. */
export async function instancePositions(actor: ContributorActor, now: Date): Promise<ActorPosition[]> {
  return (await listActorPositions(actor, now)).filter((position) => position.gestione === INSTANCE_GESTIONE);
}
