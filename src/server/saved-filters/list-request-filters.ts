import "server-only";
import { prisma } from "@/server/db/client";
import type { ContributorActor } from "@/server/identity/actor";

export type RequestFilterSummary = {
  id: string;
  name: string;
  /** The list's view as search parameters: `/cassetto/richieste?<query>` shows it again. */
  query: string;
};

const byName = new Intl.Collator("it", { sensitivity: "base", numeric: true });

/**
 * The request-list filters the actor saved under the profile they act under
 * now (B2), by name: an intermediary's filters are not those they keep as
 * holder.
 */
export async function listRequestFilters(actor: ContributorActor): Promise<RequestFilterSummary[]> {
  const filters = await prisma.savedRequestFilter.findMany({
    where: { personId: actor.personId, profile: actor.profile },
    select: { id: true, name: true, query: true },
  });
  return filters.sort((a, b) => byName.compare(a.name, b.name));
}
