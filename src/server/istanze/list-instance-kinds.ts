import "server-only";
import { prisma } from "@/server/db/client";
import type { ContributorActor } from "@/server/identity/actor";
import type { ActorPosition } from "@/server/positions/list-actor-positions";
import { instancePositions } from "./instance-positions";
import { INSTANCE_GESTIONE, instanceKinds, type InstanceKind } from "./kinds";

export type InstanceKindList = {
  /** The committenti positions the actor may act on now; none, and there is nothing to file. */
  positions: ActorPosition[];
  /** The kinds whose subject is active in the gestione's tree, in the order of the definitions. */
  kinds: InstanceKind[];
};

/** "Istanze online": the kinds the actor may file, for the committenti positions they act on. */
export async function listInstanceKinds(actor: ContributorActor, now = new Date()): Promise<InstanceKindList> {
  const positions = await instancePositions(actor, now);
  if (positions.length === 0) return { positions, kinds: [] };
  const active = await prisma.subject.findMany({
    where: {
      gestione: INSTANCE_GESTIONE,
      code: { in: instanceKinds.map((kind) => kind.subjectCode) },
      active: true,
      parent: { active: true },
    },
    select: { code: true },
  });
  const codes = new Set(active.map((subject) => subject.code));
  return { positions, kinds: instanceKinds.filter((kind) => codes.has(kind.subjectCode)) };
}
