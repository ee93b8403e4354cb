import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { PREPARED_STATEMENT } from "@/server/db/create-client";
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
 * holder. Every view of the list reads them: a hand-written, prepared
 * statement costs the server half of Prisma's (decision 0058).
 */
export async function listRequestFilters(actor: ContributorActor): Promise<RequestFilterSummary[]> {
  const filters = await prisma.$queryRaw<RequestFilterSummary[]>`${Prisma.raw(PREPARED_STATEMENT)}
SELECT id, name, query FROM "SavedRequestFilter"
WHERE "personId" = ${actor.personId}::uuid AND profile = ${actor.profile}::"ActingProfile"`;
  return filters.sort((a, b) => byName.compare(a.name, b.name));
}
