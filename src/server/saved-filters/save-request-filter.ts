import "server-only";
import { prisma } from "@/server/db/client";
import { LimitExceededError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { ContributorActor } from "@/server/identity/actor";
import { parseRequestListQuery } from "@/server/requests/list-requests";
import { requestListSearch } from "@/server/requests/schemas";
import { SAVED_FILTERS_MAX, savedFilterNameSchema } from "./schemas";

export type SaveRequestFilterInput = {
  /** What the person typed as the name. */
  name: unknown;
  /** The list's search parameters, as the page has them. */
  query: Record<string, unknown>;
};

export type SaveRequestFilterResult = {
  id: string;
  name: string;
  /** The list's view as search parameters (requestListSearch). */
  query: string;
  /** A filter of the same name was there already and now has these filters. */
  replaced: boolean;
};

export const SAVED_FILTERS_FULL = `Sono già salvati ${SAVED_FILTERS_MAX} filtri, il massimo consentito: eliminarne uno prima di salvarne un altro.`;

/**
 * "Salva questi filtri" on the request list (B2): the list's filters,
 * validated and written in one fixed form without paging cursors, under a
 * name of the actor's, for the person and the profile they act under.
 * Invalid filters or name throw ValidationError with field messages. A name
 * already saved (whatever its case) gets the new filters; a new one beyond
 * SAVED_FILTERS_MAX throws LimitExceededError.
 */
export async function saveRequestFilter(
  actor: ContributorActor,
  input: SaveRequestFilterInput,
  now = new Date(),
): Promise<SaveRequestFilterResult> {
  const query = requestListSearch(parseRequestListQuery(input.query));
  const { name } = parseInput(savedFilterNameSchema, { name: input.name });
  const owner = { personId: actor.personId, profile: actor.profile };
  const select = { id: true, name: true, query: true } as const;

  return prisma.$transaction(async (tx) => {
    // One save at a time per person, so that two at once can neither pass the cap together nor both add a name.
    await tx.$queryRaw`SELECT 1 FROM "Person" WHERE "id" = ${actor.personId}::uuid FOR NO KEY UPDATE`;
    const existing = await tx.savedRequestFilter.findFirst({
      where: { ...owner, name: { equals: name, mode: "insensitive" } },
      select: { id: true },
    });
    if (existing) {
      const replaced = await tx.savedRequestFilter.update({ where: { id: existing.id }, data: { name, query }, select });
      return { ...replaced, replaced: true };
    }
    if ((await tx.savedRequestFilter.count({ where: owner })) >= SAVED_FILTERS_MAX) {
      throw new LimitExceededError(SAVED_FILTERS_FULL);
    }
    const created = await tx.savedRequestFilter.create({ data: { ...owner, name, query, createdAt: now }, select });
    return { ...created, replaced: false };
  });
}
