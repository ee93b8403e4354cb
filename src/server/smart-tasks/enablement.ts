import "server-only";
import type { SmartTaskKind } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import type { ContributorActor } from "@/server/identity/actor";
import { smartTaskKinds } from "./kinds";

/**
 * The kinds this actor may file now: open to everybody, or to the pilot
 * group with the actor in it, on /admin/smart-task (decision 0046), and open
 * to the profile they act under (decision 0037). One small statement, read
 * on every call: a change made on another instance applies at once.
 */
export async function availableSmartTaskKinds(actor: Pick<ContributorActor, "codiceFiscale" | "profile">): Promise<SmartTaskKind[]> {
  const open = await prisma.$queryRaw<{ kind: SmartTaskKind }[]>`
    SELECT e."kind" FROM "SmartTaskEnablement" e
    WHERE e."opening" = 'TUTTI'
       OR (e."opening" = 'PILOTA'
           AND EXISTS (SELECT 1 FROM "SmartTaskPilotGroup" g WHERE ${actor.codiceFiscale} = ANY (g."codiciFiscali")))`;
  const kinds = new Set(open.map((row) => row.kind));
  return (Object.keys(smartTaskKinds) as SmartTaskKind[]).filter(
    (kind) => kinds.has(kind) && smartTaskKinds[kind].filers.includes(actor.profile),
  );
}
