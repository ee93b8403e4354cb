import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { isUuid } from "@/lib/form-fields";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import { notFoundFor } from "@/server/access/report-foreign-record";
import type { ContributorActor } from "@/server/identity/actor";

export const SAVED_FILTER_NOT_FOUND = "Il filtro salvato non esiste o non è accessibile.";

/** Prisma's "the record to delete does not exist". */
function isRecordMissing(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}

/**
 * Deletes one of the actor's saved filters (B2). Someone else's, one saved
 * under another profile, or one already gone is not found.
 */
export async function deleteRequestFilter(actor: ContributorActor, input: { filterId: string }): Promise<{ name: string }> {
  if (!isUuid(input.filterId)) throw new NotFoundError(SAVED_FILTER_NOT_FOUND);
  try {
    return await prisma.savedRequestFilter.delete({
      where: { id: input.filterId, personId: actor.personId, profile: actor.profile },
      select: { name: true },
    });
  } catch (error) {
    if (isRecordMissing(error)) throw await notFoundFor(actor, "saved-filter", input.filterId, SAVED_FILTER_NOT_FOUND);
    throw error;
  }
}
