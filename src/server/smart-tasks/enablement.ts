import "server-only";
import type { SmartTaskKind } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import { readReference } from "@/server/db/reference-cache";
import type { ContributorActor } from "@/server/identity/actor";
import { smartTaskKinds } from "./kinds";

/** The kinds open to everybody, and those open to the pilot group with its members. */
type Openings = { toEverybody: SmartTaskKind[]; toPilotGroup: SmartTaskKind[]; pilotGroup: Set<string> };

/** The openings set on /admin/smart-task, from the app server's reference cache, which a change on any instance empties (decision 0050). */
function readOpenings(): Promise<Openings> {
  return readReference("smart-task-openings", async () => {
    const [enablements, group] = await Promise.all([
      prisma.smartTaskEnablement.findMany({ where: { opening: { in: ["TUTTI", "PILOTA"] } }, select: { kind: true, opening: true } }),
      prisma.smartTaskPilotGroup.findUnique({ where: { id: 1 }, select: { codiciFiscali: true } }),
    ]);
    return {
      toEverybody: enablements.filter((row) => row.opening === "TUTTI").map((row) => row.kind),
      toPilotGroup: enablements.filter((row) => row.opening === "PILOTA").map((row) => row.kind),
      pilotGroup: new Set(group?.codiciFiscali ?? []),
    };
  });
}

/**
 * The kinds this actor may file now: open to everybody, or to the pilot
 * group with the actor in it, on /admin/smart-task (decision 0046), and open
 * to the profile they act under (decision 0037).
 */
export async function availableSmartTaskKinds(actor: Pick<ContributorActor, "codiceFiscale" | "profile">): Promise<SmartTaskKind[]> {
  const openings = await readOpenings();
  const kinds = new Set([...openings.toEverybody, ...(openings.pilotGroup.has(actor.codiceFiscale) ? openings.toPilotGroup : [])]);
  return (Object.keys(smartTaskKinds) as SmartTaskKind[]).filter(
    (kind) => kinds.has(kind) && smartTaskKinds[kind].filers.includes(actor.profile),
  );
}
