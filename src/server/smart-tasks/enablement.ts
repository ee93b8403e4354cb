import type { SmartTaskKind } from "@/generated/prisma/enums";
import type { AppConfig } from "@/server/config";
import type { ContributorActor } from "@/server/identity/actor";
import { smartTaskKinds } from "./kinds";

/**
 * The kinds this actor may file now: enabled by SMART_TASK_ENABLED for
 * everybody or for the pilot group they belong to, and open to the profile
 * they act under (decision 0037).
 */
export function availableSmartTaskKinds(
  actor: Pick<ContributorActor, "codiceFiscale" | "profile">,
  config: Pick<AppConfig, "SMART_TASK_ENABLED" | "SMART_TASK_PILOT_USERS">,
): SmartTaskKind[] {
  return (Object.keys(smartTaskKinds) as SmartTaskKind[]).filter((kind) => {
    const group = config.SMART_TASK_ENABLED[kind];
    const enabled = group === "tutti" || (group === "pilota" && config.SMART_TASK_PILOT_USERS.includes(actor.codiceFiscale));
    return enabled && smartTaskKinds[kind].filers.includes(actor.profile);
  });
}
